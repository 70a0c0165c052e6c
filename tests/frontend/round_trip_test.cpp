// parse -> print -> parse gives an equal AST, and printing is stable, for every mechanism file we have.
#include "parse_helpers.hpp"

#include "ast/equal.hpp"
#include "ast/print.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace mech::test {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> files_in(const fs::path& dir, const std::vector<std::string>& exts) {
    std::vector<fs::path> out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        for (const auto& ext : exts)
            if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void expect_round_trip(const fs::path& path) {
    SCOPED_TRACE(path.string());
    auto first = parse_text(read(path), path.filename().string());
    ASSERT_FALSE(first.diags->has_errors()) << first.messages();
    ASSERT_FALSE(first.module.blocks.empty());
    std::string printed = ast::print(first.module);
    auto second = parse_text(printed, path.filename().string());
    ASSERT_FALSE(second.diags->has_errors()) << second.messages() << "\nprinted:\n" << printed;
    EXPECT_TRUE(ast::equal(first.module, second.module)) << "printed:\n" << printed;
    EXPECT_EQ(ast::print(second.module), printed);
}

TEST(RoundTrip, StandardLibraryMechanisms) {
    auto files = files_in(fs::path(MECH_SOURCE_DIR) / "mechanisms", {".mech", ".mod"});
    ASSERT_FALSE(files.empty()) << "no files in mechanisms/";
    for (const auto& f : files) expect_round_trip(f);
}

TEST(RoundTrip, TestDataModFiles) {
    auto files = files_in(fs::path(MECH_SOURCE_DIR) / "tests" / "data" / "mod", {".mod"});
    ASSERT_FALSE(files.empty()) << "no files in tests/data/mod/";
    for (const auto& f : files) expect_round_trip(f);
}

TEST(RoundTrip, NeuronDemoModFiles) {
    const fs::path dir = "/usr/share/nrn/demo/release";
    if (!fs::exists(dir)) GTEST_SKIP() << dir << " does not exist: NEURON's Debian package (neuron) is not installed";
    auto files = files_in(dir, {".mod"});
    ASSERT_FALSE(files.empty());
    for (const auto& f : files) expect_round_trip(f);
}

TEST(RoundTrip, EqualityNoticesDifferences) {
    auto a = parse_text("INITIAL { x = 1 + 2 * y }");
    auto b = parse_text("INITIAL { x = (1 + 2) * y }");
    auto c = parse_text("INITIAL {\n  x = 1 + (2 * y) : same tree\n}");
    EXPECT_FALSE(ast::equal(a.module, b.module));
    EXPECT_TRUE(ast::equal(a.module, c.module));
}

} // namespace
} // namespace mech::test
