// Runs the reader on every tests/model/bad/*.toml and compares its error with the file's
// "# expect-error: LINE:COL: message" comment (0:0 for errors about the whole file), so that each
// error case is one small file.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "model_error.hpp"
#include "read_model.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> bad_files() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(MECH_MODEL_BAD_DIR))
        if (e.path().extension() == ".toml") out.push_back(e.path().stem().string());
    std::sort(out.begin(), out.end());
    return out;
}

class BadModelFile : public ::testing::TestWithParam<std::string> {};

TEST_P(BadModelFile, ReportsTheExpectedLocatedError) {
    const std::string path = std::string(MECH_MODEL_BAD_DIR) + "/" + GetParam() + ".toml";
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    std::smatch m;
    const std::string source = text.str();
    const std::regex expect("# expect-error: ([0-9]+):([0-9]+): ([^\n]*)");
    if (!std::regex_search(source, m, expect)) {
        std::string actual = "(accepted)";
        try {
            mech::model::read_model_file(path);
        } catch (const mech::model::ModelError& e) {
            actual = e.what();
        }
        FAIL() << path << " has no '# expect-error: LINE:COL: message' line; the reader says: " << actual;
    }
    // "0:0" is an error about the whole file, printed without a position.
    const std::string position = m[1].str() == "0" ? "" : ":" + m[1].str() + ":" + m[2].str();
    const std::string wanted = path + position + ": error: " + m[3].str();
    try {
        mech::model::read_model_file(path);
        FAIL() << path << " was accepted; expected: " << wanted;
    } catch (const mech::model::ModelError& e) {
        EXPECT_EQ(std::string(e.what()), wanted);
    }
}

INSTANTIATE_TEST_SUITE_P(Files, BadModelFile, ::testing::ValuesIn(bad_files()),
                         [](const auto& info) { return info.param; });

TEST(BadModelFiles, AllCasesAreThere) {
    // Guards against an empty folder making the parameterised test vanish silently.
    EXPECT_GE(bad_files().size(), 20u);
}

}  // namespace
