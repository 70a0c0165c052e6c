// The file pipeline: the standard hh compiles from its .mech file into a working catalogue,
// and problems in files come back as located diagnostics rather than a catalogue.
#include "instance_store.hpp"
#include "jit/compile_files.hpp"
#include "jit/load_catalogue.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace mech::jit {
namespace {

namespace fs = std::filesystem;

const std::string library_dir = MECH_STANDARD_MECHANISMS;

TEST(CompileFiles, StandardHhRunsFromItsFile) {
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    auto catalogue =
        compile_files({library_dir + "/hh.mech", library_dir + "/pas.mech"}, sources, diags);
    ASSERT_NE(catalogue, nullptr);
    const auto* hh = catalogue->find("hh");
    ASSERT_NE(hh, nullptr);
    testing::InstanceStore s(*hh, {0, 1, 2}, 3);
    hh->init(s.data());
    hh->compute_currents(s.data());
    // At rest (-65 mV) hh draws a small net current; every node got one, finite.
    for (int n = 0; n < 3; ++n) {
        EXPECT_TRUE(std::isfinite(s.rhs[n]));
        EXPECT_GT(s.d[n], 0.0);
    }
}

TEST(CompileFiles, MissingFileIsReportedAndOthersStillChecked) {
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    auto catalogue =
        compile_files({"/nonexistent.mech", library_dir + "/pas.mech"}, sources, diags);
    EXPECT_EQ(catalogue, nullptr);
    ASSERT_EQ(diags.error_count(), 1u);
    EXPECT_NE(diags.diagnostics()[0].message.find("cannot read mechanism file '/nonexistent.mech'"),
              std::string::npos);
}

TEST(CompileFiles, UserErrorIsLocatedInItsFile) {
    const auto dir = fs::temp_directory_path() / ("mech_files_test_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto file = (dir / "bad.mech").string();
    std::ofstream(file) << "NEURON { SUFFIX bad }\nBREAKPOINT {\n  undefined_name = 1\n}\n";
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    EXPECT_FALSE(compile_files_to_library({file}, (dir / "bad.so").string(), sources, diags));
    ASSERT_TRUE(diags.has_errors());
    EXPECT_EQ(diags.diagnostics()[0].range.begin.line, 3u) << diags.render(diags.diagnostics()[0]);
    EXPECT_FALSE(fs::exists(dir / "bad.so"));
    fs::remove_all(dir);
}

TEST(CompileFiles, LibraryFromFilesLoads) {
    const auto dir = fs::temp_directory_path() / ("mech_files_lib_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto output = (dir / "libstd.so").string();
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    ASSERT_TRUE(compile_files_to_library({library_dir + "/hh.mech", library_dir + "/ExpSyn.mech"},
                                         output, sources, diags));
    std::string error;
    auto loaded = load_catalogue(output, error);
    ASSERT_NE(loaded, nullptr) << error;
    EXPECT_NE(loaded->find("hh"), nullptr);
    EXPECT_NE(loaded->find("ExpSyn"), nullptr);
    fs::remove_all(dir);
}

} // namespace
} // namespace mech::jit
