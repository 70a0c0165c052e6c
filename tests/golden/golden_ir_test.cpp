// Golden tests: .mech source -> printed IR after the passes, compared with the committed .ir.
#include "frontend/parse.hpp"
#include "ir/lower.hpp"
#include "ir/print.hpp"
#include "passes/run_passes.hpp"
#include "sema/analysis.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Compiles one file to printed IR; diagnostics (if any) are part of the output, so a golden
// file can also pin an expected error.
std::string compile(const fs::path& file) {
    using namespace mech;
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    auto module = frontend::parse(read(file), file.filename().string(), sources, diags);
    std::string out;
    auto messages = [&] {
        std::string text;
        for (const auto& d : diags.diagnostics())
            text += diags.render(d) + "\n";
        return text;
    };
    if (diags.has_errors())
        return messages();
    auto analysis = sema::analyse(module, diags, sema::Options::for_module(module));
    if (diags.has_errors())
        return messages();
    auto mechanism = ir::lower(module, analysis, diags);
    if (diags.has_errors())
        return messages();
    passes::run_passes(mechanism, {}, diags);
    if (diags.has_errors())
        return messages();
    return ir::print(mechanism);
}

std::vector<std::string> cases() {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(MECH_GOLDEN_DIR)) {
        auto ext = e.path().extension();
        if (ext == ".mech" || ext == ".mod")
            names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, PrintedIrMatches) {
    fs::path source = fs::path(MECH_GOLDEN_DIR) / GetParam();
    fs::path expected = source;
    expected.replace_extension(".ir");
    std::string actual = compile(source);
    const char* update = std::getenv("MECH_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::ofstream(expected) << actual;
        return;
    }
    ASSERT_TRUE(fs::exists(expected)) << expected << " is missing; run with MECH_UPDATE_GOLDEN=1";
    EXPECT_EQ(actual, read(expected)) << "for " << source;
}

INSTANTIATE_TEST_SUITE_P(Files, Golden, ::testing::ValuesIn(cases()),
                         [](const auto& info) {
                             std::string name = info.param;
                             for (char& c : name)
                                 if (!isalnum(static_cast<unsigned char>(c)))
                                     c = '_';
                             return name;
                         });

} // namespace
