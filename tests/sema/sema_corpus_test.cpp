// Every mechanism we ship, every test .mod file and NEURON's demo files analyse without
// errors (warnings are allowed for the NEURON files: they are compatibility input).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sema_fixture.hpp"

namespace mech::sema::test {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> files_in(const fs::path& dir, std::string_view ext) {
    std::vector<fs::path> out;
    if (!fs::is_directory(dir))
        return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ext)
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

void expect_no_errors(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    Checked c = check(text.str(), file.string());
    EXPECT_TRUE(c.errors().empty()) << file << "\n" << c.dump();
}

TEST(SemaCorpus, ShippedMechanisms) {
    for (const fs::path& f : files_in(fs::path(MECH_SOURCE_DIR) / "mechanisms", ".mech"))
        expect_no_errors(f);
}

TEST(SemaCorpus, TestModFiles) {
    for (const fs::path& f : files_in(fs::path(MECH_SOURCE_DIR) / "tests/data/mod", ".mod"))
        expect_no_errors(f);
}

TEST(SemaCorpus, NeuronDemoFiles) {
    std::vector<fs::path> files = files_in("/usr/share/nrn/demo/release", ".mod");
    ASSERT_FALSE(files.empty()) << "NEURON's demo files are missing: install the 'neuron' package "
                                   "(scripts/install-deps.sh)";
    for (const fs::path& f : files)
        expect_no_errors(f);
}

} // namespace
} // namespace mech::sema::test
