// The diagnostics engine: clang-style rendering, counting, --Werror and internal errors.
#include "diag/diagnostic_engine.hpp"

#include <gtest/gtest.h>

namespace mech::diag {
namespace {

TEST(DiagnosticEngine, RendersLocationLineAndCaretRange) {
    SourceManager sm;
    FileId f = sm.add_file("a.mech", "PARAMETER {\n\tgnabar = 0.12 (S/cm2)\n}\n");
    DiagnosticEngine d(sm);
    d.error(SourceRange({f, 2, 2}, {f, 2, 7}), "something about gnabar");
    ASSERT_EQ(d.error_count(), 1u);
    EXPECT_EQ(d.render(d.diagnostics()[0]),
              "a.mech:2:2: error: something about gnabar\n\tgnabar = 0.12 (S/cm2)\n\t^~~~~~\n");
}

TEST(DiagnosticEngine, WarningsAsErrorsAndCounts) {
    SourceManager sm;
    FileId f = sm.add_file("a.mod", "x\n");
    DiagnosticEngine d(sm);
    d.warning({{f, 1, 1}}, "w1");
    EXPECT_EQ(d.warning_count(), 1u);
    EXPECT_FALSE(d.has_errors());
    d.set_warnings_as_errors(true);
    d.warning({{f, 1, 1}}, "w2");
    EXPECT_EQ(d.error_count(), 1u);
    EXPECT_EQ(d.diagnostics()[1].severity, Severity::Error);
    d.note({{f, 1, 1}}, "n");
    EXPECT_EQ(d.error_count(), 1u);
    EXPECT_EQ(summary(d), "1 warning and 1 error generated.");
}

TEST(DiagnosticEngine, InternalErrorsSayHowToReport) {
    SourceManager sm;
    DiagnosticEngine d(sm);
    d.internal_error({}, "unexpected node");
    EXPECT_EQ(d.error_count(), 1u);
    std::string text = d.render(d.diagnostics()[0]);
    EXPECT_NE(text.find("internal error: unexpected node"), std::string::npos) << text;
    EXPECT_NE(text.find("please report this with the input file"), std::string::npos) << text;
}

TEST(SourceManager, LineLookup) {
    SourceManager sm;
    FileId f = sm.add_file("x", "one\r\ntwo\nthree");
    EXPECT_EQ(sm.line_text(f, 1), "one");
    EXPECT_EQ(sm.line_text(f, 3), "three");
    EXPECT_EQ(sm.line_text(f, 4), "");
    EXPECT_EQ(sm.line_text(99, 1), "");
}

} // namespace
} // namespace mech::diag
