// The exact text mechc prints for bad input (file:line:col, source line, caret, summary), and
// the exit status that goes with it. Expected stderr lives beside each input in data/.
#include "run_mechc.hpp"

#include <gtest/gtest.h>

namespace mech::test {
namespace {

// Runs mechc on inputs copied from data/ (so that paths print as plain names).
MechcRun run_on_data(const Scratch& dir, std::vector<std::string> args,
                     const std::vector<std::string>& inputs) {
    for (const auto& f : inputs) {
        dir.copy(data_file(f));
        args.push_back(f);
    }
    return run_mechc(args, dir.path());
}

TEST(DiagnosticsText, SyntaxErrorIsLocatedAndExitsWithOne) {
    Scratch dir;
    MechcRun r = run_on_data(dir, {"check"}, {"syntax_error.mech"});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, read_text(data_file("syntax_error.expected")));
    EXPECT_EQ(r.out, "");
}

TEST(DiagnosticsText, EveryEmitStageStopsOnTheSameError) {
    Scratch dir;
    for (const char* emit : {"--emit=ast", "--emit=ir", "--emit=llvm"}) {
        MechcRun r = run_on_data(dir, {emit}, {"syntax_error.mech"});
        EXPECT_EQ(r.status, 1) << emit;
        EXPECT_EQ(r.err, read_text(data_file("syntax_error.expected"))) << emit;
        EXPECT_EQ(r.out, "") << emit << ": nothing is printed for a file with errors";
    }
}

TEST(DiagnosticsText, UnitProblemInModIsAWarning) {
    Scratch dir;
    MechcRun r = run_on_data(dir, {"check"}, {"unit_warning.mod"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err, read_text(data_file("unit_warning.expected")));
}

TEST(DiagnosticsText, StrictUnitsMakesItAnError) {
    Scratch dir;
    MechcRun r = run_on_data(dir, {"check", "--strict-units"}, {"unit_warning.mod"});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, read_text(data_file("unit_warning.strict.expected")));
}

TEST(DiagnosticsText, WerrorFailsOnWarnings) {
    Scratch dir;
    MechcRun r = run_on_data(dir, {"check", "--Werror"}, {"unit_warning.mod"});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("error: adding a number without units"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("[-Werror]"), std::string::npos) << r.err;
}

TEST(DiagnosticsText, OneRunReportsEveryFile) {
    Scratch dir;
    dir.copy(data_file("syntax_error.mech"));
    dir.copy(data_file("unit_warning.mod"));
    MechcRun r = run_mechc(
        {"check", "syntax_error.mech", "missing.mech", "unit_warning.mod", "--Werror"}, dir.path());
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, read_text(data_file("several_files.expected")));
}

TEST(DiagnosticsText, MissingFile) {
    Scratch dir;
    MechcRun r = run_mechc({"--emit=ir", "missing.mech"}, dir.path());
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err,
              "mechc: error: cannot read 'missing.mech': no such file\n1 error generated.\n");
}

TEST(DiagnosticsText, NmodlFormsCheckClean) {
    // Top-level LOCAL, DEFINE'd array size, STATE tolerance, PROTECT and NET_RECEIVE's flag.
    Scratch dir;
    MechcRun r = run_on_data(dir, {"check", "--Werror"}, {"language_gaps.mod"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    MechcRun ir = run_on_data(dir, {"--emit=ir"}, {"language_gaps.mod"});
    EXPECT_EQ(ir.status, 0) << ir.err;
    EXPECT_NE(ir.out.find("if flag == 1"), std::string::npos) << ir.out;
    EXPECT_NE(ir.out.find("scale = 2"), std::string::npos) << ir.out;
}

} // namespace
} // namespace mech::test
