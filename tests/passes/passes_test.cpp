// Individual passes on hand-built IR: structure of their output and their errors.
#include "diag/diagnostic_engine.hpp"
#include "ir/build.hpp"
#include "ir/print.hpp"
#include "passes/eliminate_common_subexpressions.hpp"
#include "passes/fold_constants.hpp"
#include "passes/run_passes.hpp"
#include "passes/solve_odes.hpp"

#include <gtest/gtest.h>

namespace mech::passes {
namespace {

using namespace ir;

Mechanism one_state(ExprPtr rhs, SolveMethod method) {
    Mechanism m;
    m.name = "t";
    m.fields.push_back({"tau", "ms", 2.0, -HUGE_VAL, HUGE_VAL, FieldRole::Parameter});
    m.fields.push_back({"x", "", 0.0, -HUGE_VAL, HUGE_VAL, FieldRole::State});
    m.advance_state.body.push_back(Solve::make(method, "states", {Derivative::make(1, rhs)}));
    return m;
}

TEST(SolveOdes, CnexpProducesNeuronsUpdate) {
    auto m = one_state(div(sub(num(1), field(1)), field(0)), SolveMethod::Cnexp);
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    solve_odes(m, diags);
    EXPECT_FALSE(diags.has_errors());
    EXPECT_EQ(print(m), "mechanism t density\n"
                        "  parameter tau \"ms\" = 2\n"
                        "  state x \"\" = 0\n"
                        "kernel advance_state {\n"
                        "  x = x + (1 - exp(dt * (-1 / tau))) * (1 - x)\n"
                        "}\n");
}

// x' = a + c·x not written as (inf - x)/tau keeps the general form x + (1 - exp(dt·c))(-a/c - x).
TEST(SolveOdes, CnexpGeneralLinearForm) {
    auto m = one_state(sub(num(3), mul(field(0), field(1))), SolveMethod::Cnexp);
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    solve_odes(m, diags);
    EXPECT_FALSE(diags.has_errors());
    EXPECT_NE(print(m).find("x = x + (1 - exp(dt * -tau)) * (-3 / -tau - x)"), std::string::npos)
        << print(m);
}

// A local assigned under IF (an inlined FUNCTION's result) must not be replaced by the value
// it had before the IF: the update reads the local, and the IF keeps its assignment.
TEST(SolveOdes, LocalAssignedUnderIfIsNotExpanded) {
    Mechanism m = one_state(num(0), SolveMethod::Cnexp);
    m.advance_state.body.clear();
    int tau = m.advance_state.add_local("tau");
    Block body{AssignLocal::make(tau, num(0)),
               If::make(compare(BinaryOp::Lt, voltage(), num(-81)), {AssignLocal::make(tau, num(5))},
                        {AssignLocal::make(tau, field(0))}),
               Derivative::make(1, div(sub(num(1), field(1)), local(tau)))};
    m.advance_state.body.push_back(Solve::make(SolveMethod::Cnexp, "states", body));
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    solve_odes(m, diags);
    EXPECT_FALSE(diags.has_errors());
    auto text = print(m);
    EXPECT_NE(text.find("x = x + (1 - exp(dt * (-1 / %tau))) * (1 - x)"), std::string::npos)
        << text;
    EXPECT_NE(text.find("%tau = 5"), std::string::npos) << text;
}

// A local assigned under IF from the state itself: cnexp cannot prove linearity, so it says so.
TEST(SolveOdes, CnexpRejectsStateDependentLocalUnderIf) {
    Mechanism m = one_state(num(0), SolveMethod::Cnexp);
    m.advance_state.body.clear();
    int r = m.advance_state.add_local("r");
    Block body{AssignLocal::make(r, num(0)),
               If::make(compare(BinaryOp::Lt, voltage(), num(-81)), {AssignLocal::make(r, field(1))}),
               Derivative::make(1, sub(num(1), mul(local(r), field(1))))};
    m.advance_state.body.push_back(Solve::make(SolveMethod::Cnexp, "states", body));
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    solve_odes(m, diags);
    ASSERT_TRUE(diags.has_errors());
    EXPECT_NE(diags.render(diags.diagnostics().front()).find("computed under IF/WHILE from x"),
              std::string::npos);
}

TEST(SolveOdes, CnexpWithoutOwnStateIsForwardIntegration) {
    auto m = one_state(field(0), SolveMethod::Cnexp);
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    solve_odes(m, diags);
    EXPECT_NE(print(m).find("x = x + tau * dt"), std::string::npos) << print(m);
}

TEST(SolveOdes, NonLinearCnexpIsALocatedErrorSuggestingDerivimplicit) {
    auto m = one_state(neg(mul(field(1), field(1))), SolveMethod::Cnexp);
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    solve_odes(m, diags);
    ASSERT_EQ(diags.error_count(), 1u);
    EXPECT_NE(diags.diagnostics()[0].message.find("derivimplicit"), std::string::npos);
    EXPECT_NE(diags.diagnostics()[0].message.find("not linear in x"), std::string::npos);
}

TEST(SolveOdes, LinearSparseTakesOneNewtonStepWithoutLoop) {
    auto m = one_state(neg(div(field(1), field(0))), SolveMethod::Sparse);
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    solve_odes(m, diags);
    EXPECT_EQ(print(m).find("while"), std::string::npos) << print(m);
}

TEST(SolveOdes, NonLinearDerivimplicitIterates) {
    auto m = one_state(neg(mul(field(1), field(1))), SolveMethod::Derivimplicit);
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    solve_odes(m, diags);
    EXPECT_FALSE(diags.has_errors());
    EXPECT_NE(print(m).find("while %newton_iter < 50 && %newton_change > 1e-06"),
              std::string::npos)
        << print(m);
}

TEST(FoldConstants, FoldsLiteralsAndPropagatesLiteralLocals) {
    Mechanism m;
    Kernel& k = m.init;
    m.fields.push_back({"y", "", 0.0, -HUGE_VAL, HUGE_VAL, FieldRole::Assigned});
    int q = k.add_local("q");
    k.body.push_back(AssignLocal::make(q, pow(num(3), div(sub(num(6.3), num(6.3)), num(10)))));
    k.body.push_back(Store::make(Var::field(0), mul(mul(local(q), num(1)), add(voltage(), num(0)))));
    fold_constants(m);
    EXPECT_EQ(print(m), "mechanism  density\n"
                        "  assigned y \"\" = 0\n"
                        "kernel init {\n"
                        "  %q = 1\n"
                        "  y = v + 0\n"
                        "}\n");
}

TEST(Cse, HoistsRepeatedSubexpressionOnce) {
    Mechanism m;
    m.fields.push_back({"a", "", 0.0, -HUGE_VAL, HUGE_VAL, FieldRole::Assigned});
    m.fields.push_back({"b", "", 0.0, -HUGE_VAL, HUGE_VAL, FieldRole::Assigned});
    auto e = [] { return exp(div(neg(add(voltage(), num(65))), num(18))); };
    m.init.body.push_back(Store::make(Var::field(0), e()));
    m.init.body.push_back(Store::make(Var::field(1), mul(num(4), e())));
    eliminate_common_subexpressions(m);
    EXPECT_EQ(print(m), "mechanism  density\n"
                        "  assigned a \"\" = 0\n"
                        "  assigned b \"\" = 0\n"
                        "kernel init {\n"
                        "  %cse0 = exp(-(v + 65) / 18)\n"
                        "  a = %cse0\n"
                        "  b = 4 * %cse0\n"
                        "}\n");
}

TEST(Cse, DoesNotMoveAcrossAWriteOfAnOperand) {
    Mechanism m;
    m.fields.push_back({"a", "", 0.0, -HUGE_VAL, HUGE_VAL, FieldRole::Assigned});
    m.fields.push_back({"b", "", 0.0, -HUGE_VAL, HUGE_VAL, FieldRole::Assigned});
    auto e = [] { return exp(field(0)); };
    m.init.body.push_back(Store::make(Var::field(0), e())); // writes a after reading exp(a)
    m.init.body.push_back(Store::make(Var::field(1), e()));
    eliminate_common_subexpressions(m);
    EXPECT_EQ(print(m).find("cse"), std::string::npos) << print(m);
}

TEST(RunPasses, DumpHookSeesNamedPass) {
    Mechanism m;
    std::vector<std::string> seen;
    Options o;
    o.dump_after = {"solve_odes", "fold_constants"};
    o.dump = [&](std::string_view pass, const Mechanism&) { seen.emplace_back(pass); };
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    EXPECT_TRUE(run_passes(m, o, diags));
    EXPECT_EQ(seen, (std::vector<std::string>{"solve_odes", "fold_constants"}));
}

} // namespace
} // namespace mech::passes
