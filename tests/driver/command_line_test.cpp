// mechc's command line: help, version, and the exit status of every kind of misuse.
#include "run_mechc.hpp"

#include <gtest/gtest.h>

namespace mech::test {
namespace {

TEST(CommandLine, HelpListsEveryCommandAndOption) {
    Scratch dir;
    MechcRun r = run_mechc({"--help"}, dir.path());
    EXPECT_EQ(r.status, 0);
    for (const char* word : {"check", "compile", "--emit", "ast", "ir", "llvm", "obj", "-o",
                             "--dump-after", "--strict-units", "--Werror", "--conductance",
                             "finite-difference", "--verbose", "--version", "--cpu", "-O"})
        EXPECT_NE(r.out.find(word), std::string::npos) << "help does not mention " << word;
}

TEST(CommandLine, SubcommandHelp) {
    Scratch dir;
    MechcRun r = run_mechc({"compile", "--help"}, dir.path());
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("--output"), std::string::npos) << r.out;
}

TEST(CommandLine, Version) {
    Scratch dir;
    MechcRun r = run_mechc({"--version"}, dir.path());
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out.rfind("mechc 0.", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("ABI"), std::string::npos) << r.out;
}

TEST(CommandLine, NoInputIsAUsageError) {
    Scratch dir;
    MechcRun r = run_mechc({}, dir.path());
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("no input files"), std::string::npos) << r.err;
}

TEST(CommandLine, UnknownOptionIsAUsageError) {
    Scratch dir;
    const std::string hh = source_file("mechanisms/hh.mech").string();
    EXPECT_EQ(run_mechc({"--frobnicate", hh}, dir.path()).status, 2);
    EXPECT_EQ(run_mechc({"--emit=bitcode", hh}, dir.path()).status, 2);
    EXPECT_EQ(run_mechc({"--conductance=numeric", hh}, dir.path()).status, 2);
    EXPECT_EQ(run_mechc({"-O7", hh}, dir.path()).status, 2);
    MechcRun r = run_mechc({"--dump-after=solve_everything", hh}, dir.path());
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("solve_odes"), std::string::npos)
        << "should list the pass names: " << r.err;
}

TEST(CommandLine, CompileNeedsAnOutput) {
    Scratch dir;
    MechcRun r = run_mechc({"compile", source_file("mechanisms/pas.mech").string()}, dir.path());
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--output"), std::string::npos) << r.err;
    EXPECT_EQ(dir.files(), std::vector<std::string>{});
}

TEST(CommandLine, CheckNeedsFiles) {
    Scratch dir;
    EXPECT_EQ(run_mechc({"check"}, dir.path()).status, 2);
}

TEST(CommandLine, CheckOfGoodFilesIsSilent) {
    Scratch dir;
    for (const char* f : {"mechanisms/hh.mech", "mechanisms/pas.mech", "mechanisms/ih.mech",
                          "tests/data/mod/hh.mod"}) {
        MechcRun r = run_mechc({"check", "--Werror", source_file(f).string()}, dir.path());
        EXPECT_EQ(r.status, 0) << f << "\n" << r.err;
        EXPECT_EQ(r.err, "") << f;
        EXPECT_EQ(r.out, "") << f;
    }
}

TEST(CommandLine, PlainFileArgumentsAreChecked) {
    Scratch dir;
    MechcRun r = run_mechc({source_file("mechanisms/pas.mech").string()}, dir.path());
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "");
}

TEST(CommandLine, VerboseNamesEachStep) {
    Scratch dir;
    MechcRun r =
        run_mechc({"check", "--verbose", source_file("mechanisms/pas.mech").string()}, dir.path());
    EXPECT_EQ(r.status, 0) << r.err;
    for (const char* step : {"parsed", "analysed", "lowered", "ran the passes", "generated code"})
        EXPECT_NE(r.err.find(step), std::string::npos) << step << " missing in:\n" << r.err;
}

} // namespace
} // namespace mech::test
