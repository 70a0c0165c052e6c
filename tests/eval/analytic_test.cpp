// The solved kernels, run by the evaluator, against closed-form solutions.
#include "eval/evaluator.hpp"
#include "eval/instance_storage.hpp"
#include "hand_built.hpp"

#include <cmath>

namespace mech::test {
namespace {

// x' = (xinf - x)/tau at fixed parameters: cnexp is exact, so after n steps
// x = xinf + (x0 - xinf)·exp(-n·dt/tau) up to rounding.
TEST(Analytic, LinearRelaxationMatchesClosedFormUnderCnexp) {
    Mechanism m;
    int xinf = add_field(m, "xinf", FieldRole::Parameter, 0.7);
    int tau = add_field(m, "tau", FieldRole::Parameter, 3.0);
    int x = add_field(m, "x", FieldRole::State, 0.1);
    m.advance_state.body.push_back(Solve::make(
        SolveMethod::Cnexp, "states", {Derivative::make(x, div(sub(field(xinf), field(x)), field(tau)))}));
    solve(m);
    eval::InstanceStorage s(m, 3);
    s.field(tau, 1) = 0.5;
    s.field(xinf, 2) = -2.0;
    for (int n = 1; n <= 4000; ++n) {
        eval::advance_state(m, s.data);
        if (n % 500 == 0)
            for (int i = 0; i < 3; ++i) {
                double expected = s.field(xinf, i) +
                                  (0.1 - s.field(xinf, i)) * std::exp(-n * 0.025 / s.field(tau, i));
                EXPECT_NEAR(s.field(x, i), expected, 1e-12) << "instance " << i << " step " << n;
            }
    }
}

TEST(Analytic, AlphaBetaGateRelaxesToSteadyState) {
    Mechanism m = hh_sodium();
    solve(m);
    eval::InstanceStorage s(m, 2);
    s.v(0) = -65;
    s.v(1) = -20;
    for (int n = 0; n < 20000; ++n)
        eval::advance_state(m, s.data);
    for (int i = 0; i < 2; ++i) {
        double v = s.v(i);
        double am = 0.1 * (-(v + 40) / 10) / std::expm1(-(v + 40) / 10);
        double bm = 4 * std::exp(-(v + 65) / 18);
        double ah = 0.07 * std::exp(-(v + 65) / 20);
        double bh = 1 / (std::exp(-(v + 35) / 10) + 1);
        EXPECT_NEAR(s.field(1, i), am / (am + bm), 1e-12);
        EXPECT_NEAR(s.field(2, i), ah / (ah + bh), 1e-12);
    }
}

// A <-> B (kf, kb) with CONSERVE A + B = 1: sparse reaches B/A = kf/kb and keeps A + B.
TEST(Analytic, KineticSchemeReachesEquilibriumAndConserves) {
    Mechanism m;
    int kf = add_field(m, "kf", FieldRole::Parameter, 0.3);
    int kb = add_field(m, "kb", FieldRole::Parameter, 0.1);
    int a = add_field(m, "A", FieldRole::State, 1.0);
    int b = add_field(m, "B", FieldRole::State, 0.0);
    auto flux = sub(mul(field(kf), field(a)), mul(field(kb), field(b)));
    m.advance_state.body.push_back(Solve::make(
        SolveMethod::Sparse, "kin",
        {Derivative::make(a, neg(flux)), Derivative::make(b, flux),
         Conserve::make({a, b}, {num(1), num(1)}, num(1))}));
    solve(m);
    eval::InstanceStorage s(m, 1);
    for (int n = 0; n < 4000; ++n) {
        eval::advance_state(m, s.data);
        ASSERT_NEAR(s.field(a, 0) + s.field(b, 0), 1.0, 1e-12) << "step " << n;
    }
    EXPECT_NEAR(s.field(b, 0) / s.field(a, 0), 0.3 / 0.1, 1e-10);
}

// Backward Euler on x' = -k·x²: each step must satisfy x1 - x0 + dt·k·x1² = 0.
TEST(Analytic, DerivimplicitSolvesTheBackwardEulerEquation) {
    Mechanism m;
    int k = add_field(m, "k", FieldRole::Parameter, 40.0);
    int x = add_field(m, "x", FieldRole::State, 2.0);
    m.advance_state.body.push_back(Solve::make(
        SolveMethod::Derivimplicit, "states",
        {Derivative::make(x, neg(mul(field(k), mul(field(x), field(x)))))}));
    solve(m);
    eval::InstanceStorage s(m, 1);
    for (int n = 0; n < 100; ++n) {
        double x0 = s.field(x, 0);
        eval::advance_state(m, s.data);
        double x1 = s.field(x, 0);
        EXPECT_NEAR(x1 - x0 + 0.025 * 40.0 * x1 * x1, 0.0, 1e-9 * std::max(1.0, x0));
    }
}

TEST(Analytic, EulerIsExplicit) {
    Mechanism m;
    int x = add_field(m, "x", FieldRole::State, 1.0);
    m.advance_state.body.push_back(
        Solve::make(SolveMethod::Euler, "states", {Derivative::make(x, neg(div(field(x), num(2))))}));
    solve(m);
    eval::InstanceStorage s(m, 1);
    for (int n = 0; n < 10; ++n)
        eval::advance_state(m, s.data);
    EXPECT_NEAR(s.field(x, 0), std::pow(1 - 0.025 / 2, 10), 1e-15);
}

} // namespace
} // namespace mech::test
