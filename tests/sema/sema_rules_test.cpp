// Mechanism-level rules: kind, currents, SOLVE methods, unused declarations.
#include "sema_fixture.hpp"

namespace mech::sema::test {
namespace {

TEST(SemaRules, DensityMechanismCannotReceiveEvents) {
    Checked c = check(R"(
NEURON { SUFFIX d }
NET_RECEIVE (w) { }
)");
    EXPECT_TRUE(c.has_error("a density mechanism (SUFFIX) cannot receive events")) << c.dump();
}

TEST(SemaRules, PointProcessCurrentsAreInNanoamps) {
    Checked c = check(R"(
NEURON { POINT_PROCESS syn  NONSPECIFIC_CURRENT i }
ASSIGNED { i (mA/cm2) }
BREAKPOINT { i = 0 }
)");
    EXPECT_TRUE(c.has_error("current 'i' is declared in 'mA/cm2' but a POINT_PROCESS's currents are in 'nA'"))
        << c.dump();
    EXPECT_EQ(c.analysis.kind, ast::MechanismKind::PointProcess);
}

TEST(SemaRules, WrittenCurrentMustBeAssignedInBreakpoint) {
    Checked c = check(R"(
NEURON { SUFFIX d  USEION k READ ek WRITE ik }
PARAMETER { g = 1 (S/cm2) }
PROCEDURE cur() { ik = g * (v - ek) }
BREAKPOINT { }
)");
    EXPECT_TRUE(c.has_error("current 'ik' is written by this mechanism but never assigned in BREAKPOINT"))
        << c.dump();
}

TEST(SemaRules, CurrentAssignedThroughAProcedureCounts) {
    Checked c = check(R"(
NEURON { SUFFIX d  USEION k READ ek WRITE ik }
PARAMETER { g = 1 (S/cm2) }
PROCEDURE cur() { ik = g * (v - ek) }
BREAKPOINT { cur() }
)");
    EXPECT_TRUE(c.errors().empty()) << c.dump();
}

TEST(SemaRules, ReadOnlyIonVariableCannotBeAssigned) {
    Checked c = check(R"(
NEURON { SUFFIX d  USEION na READ ena }
INITIAL { ena = 50 (mV) }
)");
    EXPECT_TRUE(c.has_error("'ena' is read from ion 'na' but not written")) << c.dump();
}

TEST(SemaRules, SolveMethodMustFitTheBlock) {
    Checked c = check(R"(
NEURON { SUFFIX d }
STATE { a b }
BREAKPOINT { SOLVE kin METHOD cnexp }
KINETIC kin { ~ a <-> b (1 (/ms), 2 (/ms)) }
)");
    EXPECT_TRUE(c.has_error("METHOD cnexp does not fit 'kin', which is a KINETIC block; use sparse"))
        << c.dump();
    ASSERT_EQ(c.analysis.solves.size(), 1u);
    EXPECT_EQ(c.analysis.solves[0].method, "cnexp");
}

TEST(SemaRules, SolveMustNameABlock) {
    Checked c = check(R"(
NEURON { SUFFIX d }
STATE { m }
BREAKPOINT { SOLVE stats METHOD cnexp }
DERIVATIVE states { m' = -m / 1 (ms) }
)");
    EXPECT_TRUE(c.has_error("SOLVE names 'stats', which is not a DERIVATIVE, KINETIC, LINEAR or "
                            "NONLINEAR block; did you mean 'states'?"))
        << c.dump();
}

TEST(SemaRules, KineticRatesNeedRateUnits) {
    Checked c = check(R"(
NEURON { SUFFIX d }
STATE { a b }
BREAKPOINT { SOLVE kin METHOD sparse }
KINETIC kin { ~ a <-> b (1 (mV), 2 (/ms)) }
)");
    EXPECT_TRUE(c.has_error("using 'mV' (voltage) as the forward rate, which must be in '/ms'"))
        << c.dump();
}

TEST(SemaRules, UnusedDeclarationsAndStatesWithoutDynamics) {
    Checked c = check(R"(
NEURON { SUFFIX d }
PARAMETER { p = 1 }
ASSIGNED { q }
STATE { s }
INITIAL { LOCAL l }
)");
    EXPECT_TRUE(c.has_warning("PARAMETER 'p' is never used")) << c.dump();
    EXPECT_TRUE(c.has_warning("ASSIGNED 'q' is never used")) << c.dump();
    EXPECT_TRUE(c.has_warning("LOCAL 'l' is never used")) << c.dump();
    EXPECT_TRUE(c.has_warning("STATE 's' is never given a derivative or reaction")) << c.dump();
}

TEST(SemaRules, SolvesAreRecorded) {
    Checked c = check(R"(
NEURON { SUFFIX d }
STATE { m }
BREAKPOINT { SOLVE states METHOD cnexp }
DERIVATIVE states { m' = (1 - m) / 2 (ms) }
)");
    EXPECT_TRUE(c.errors().empty()) << c.dump();
    ASSERT_EQ(c.analysis.solves.size(), 1u);
    EXPECT_EQ(c.analysis.solves[0].block, "states");
    EXPECT_EQ(c.analysis.solves[0].method, "cnexp");
    EXPECT_EQ(c.analysis.symbols[c.analysis.solves[0].symbol].kind, SymbolKind::EquationBlock);
}

TEST(SemaRules, PoolDeclaresConcentrationAndIon) {
    Checked c = check(R"(
NEURON { SUFFIX cad  USEION ca READ ica }
POOL cai {
    CURRENT ica
    DEPTH = 0.1 (um)
    TAU = 200 (ms)
    MIN = 5e-5 (mM)
}
)");
    EXPECT_TRUE(c.errors().empty()) << c.dump();
    ASSERT_EQ(c.analysis.pools.size(), 1u);
    const Symbol& cai = c.analysis.symbols[c.analysis.pools[0].species];
    EXPECT_EQ(cai.name, "cai");
    EXPECT_EQ(cai.kind, SymbolKind::Pool);
    ASSERT_EQ(c.analysis.ions.size(), 1u);
    EXPECT_EQ(c.analysis.ions[0].write, (std::vector<std::string>{"cai"}));
}

} // namespace
} // namespace mech::sema::test
