// Errors found when a model is checked against its mechanisms: every tests/mechsim/bad/*.toml is
// built with the runtime's test mechanisms (hh, pas, ExpSyn, cadecay) and must fail with the
// error in its "# expect-error: LINE:COL: message" comment (0:0 for errors without a position).
#include <algorithm>
#include <filesystem>
#include <regex>

#include <gtest/gtest.h>

#include "build_model.hpp"
#include "model_error.hpp"
#include "read_model.hpp"
#include "run_mechsim.hpp"
#include "test_mechanisms.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> bad_files() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(MECH_BUILD_BAD_DIR))
        if (e.path().extension() == ".toml") out.push_back(e.path().stem().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string build_error(const std::string& path) {
    try {
        const auto model = mech::model::read_model_file(path);
        mech::model::MechanismLoader loader({});
        for (auto* m : {mech::testing::hh(), mech::testing::pas(), mech::testing::expsyn(), mech::testing::cadecay()})
            loader.add(m);
        mech::model::build_model(model, loader);
    } catch (const mech::model::ModelError& e) {
        return e.what();
    }
    return "(accepted)";
}

class BadBuild : public ::testing::TestWithParam<std::string> {};

TEST_P(BadBuild, ReportsTheExpectedLocatedError) {
    const std::string path = std::string(MECH_BUILD_BAD_DIR) + "/" + GetParam() + ".toml";
    const std::string source = mech::mechsim_test::read_text(path);
    std::smatch m;
    const std::regex expect("# expect-error: ([0-9]+):([0-9]+): ([^\n]*)");
    ASSERT_TRUE(std::regex_search(source, m, expect))
        << path << " has no '# expect-error: LINE:COL: message' line; the builder says: " << build_error(path);
    const std::string position = m[1].str() == "0" ? "" : ":" + m[1].str() + ":" + m[2].str();
    EXPECT_EQ(build_error(path), path + position + ": error: " + m[3].str());
}

INSTANTIATE_TEST_SUITE_P(Files, BadBuild, ::testing::ValuesIn(bad_files()), [](const auto& info) { return info.param; });

TEST(BadBuilds, AllCasesAreThere) { EXPECT_GE(bad_files().size(), 14u); }

}  // namespace
