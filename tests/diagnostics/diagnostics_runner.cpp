// Runs mechc's check on each expectation file and compares the reported diagnostics, as a set,
// with the `: expect-error: LINE:COL: message` / `: expect-warning: ...` comments in the file.
#include "driver/pipeline.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace {

namespace fs = std::filesystem;

std::vector<std::string> case_files() {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(MECH_DIAGNOSTICS_DIR)) {
        auto ext = e.path().extension();
        if (e.is_regular_file() && (ext == ".mech" || ext == ".mod"))
            out.push_back(fs::relative(e.path(), MECH_DIAGNOSTICS_DIR).string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// "severity LINE:COL: message"
std::set<std::string> expected_in(const fs::path& file) {
    std::set<std::string> out;
    std::ifstream in(file);
    std::string line;
    static const std::regex pattern(R"(:\s*expect-(error|warning):\s*(\d+):(\d+):\s*(.*?)\s*$)");
    std::smatch m;
    while (std::getline(in, line))
        if (std::regex_search(line, m, pattern)) out.insert(m[1].str() + " " + m[2].str() + ":" + m[3].str() + ": " + m[4].str());
    return out;
}

class Diagnostics : public testing::TestWithParam<std::string> {};

TEST_P(Diagnostics, MatchExpectations) {
    fs::path file = fs::path(MECH_DIAGNOSTICS_DIR) / GetParam();
    auto expected = expected_in(file);
    ASSERT_FALSE(expected.empty()) << file << " has no expect-error/expect-warning comment";

    mech::diag::SourceManager sources;
    mech::diag::DiagnosticEngine diags(sources);
    mech::driver::Options options;
    std::ostringstream out;
    mech::driver::compile_file(file.string(), options, sources, diags, out);

    std::set<std::string> actual;
    std::string rendered;
    for (const auto& d : diags.diagnostics()) {
        rendered += diags.render(d);
        if (d.severity == mech::diag::Severity::Note) continue;
        std::string sev = d.severity == mech::diag::Severity::Warning ? "warning" : "error";
        actual.insert(sev + " " + std::to_string(d.range.begin.line) + ":" + std::to_string(d.range.begin.column) +
                      ": " + d.message);
    }
    for (const auto& e : expected)
        EXPECT_TRUE(actual.count(e)) << "expected but not reported: " << e << "\nreported:\n" << rendered;
    for (const auto& a : actual)
        EXPECT_TRUE(expected.count(a)) << "reported but not expected: " << a << "\nreported:\n" << rendered;
}

std::string test_name(const testing::TestParamInfo<std::string>& info) {
    std::string n = info.param;
    for (char& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return n;
}

INSTANTIATE_TEST_SUITE_P(Files, Diagnostics, testing::ValuesIn(case_files()), test_name);

} // namespace
