// Calcium: the cadecay shell relaxes to its minimum with its time constant and fills from an
// inward current; the SK gate tracks intracellular calcium through its Hill function.
#include "library_harness.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace mech::library_test {
namespace {

constexpr double faraday = 96485.33212;

TEST(Cadecay, RelaxesToItsMinimumWithTaur) {
    const auto* m = load("cadecay.mech", "cadecay");
    ASSERT_NE(m, nullptr);
    Instance s(*m);
    EXPECT_DOUBLE_EQ(s.field("depth"), 0.1);
    EXPECT_DOUBLE_EQ(s.field("taur"), 5.0);
    EXPECT_DOUBLE_EQ(s.field("cainf"), 2.4e-4);
    auto& ca = s.ion("ca");
    ca.internal[0] = 1e-3;
    s.init();
    ASSERT_NEAR(ca.internal[0], 1e-3, 1e-18) << "INITIAL keeps the concentration it is given";
    ca.current[0] = 0.0;
    for (int n = 1; n <= 800; ++n) {
        s.step();
        ca.current[0] = 0.0; // no calcium current in this test
        ASSERT_NEAR(ca.internal[0], 2.4e-4 + (1e-3 - 2.4e-4) * std::exp(-n * 0.025 / 5.0), 1e-15)
            << "after " << n << " steps";
    }
}

TEST(Cadecay, InwardCurrentRaisesCalciumToItsSteadyState) {
    const auto* m = load("cadecay.mech", "cadecay");
    ASSERT_NE(m, nullptr);
    Instance s(*m);
    auto& ca = s.ion("ca");
    ca.internal[0] = 2.4e-4;
    s.init();
    // d cai/dt = -1e4 ica/(2 F depth) - (cai - cainf)/taur; ica in mA/cm2, depth in um.
    const double ica = -1e-3;
    const double drive = -1e4 * ica / (2 * faraday * 0.1); // mM/ms
    const double steady = 2.4e-4 + drive * 5.0;
    for (int n = 1; n <= 8000; ++n) { // 40 time constants
        s.currents();
        ca.current[0] = ica; // what the calcium channels wrote this step
        s.advance();
    }
    EXPECT_NEAR(ca.internal[0], steady, 1e-9 * steady);
    EXPECT_NEAR(steady, 2.4e-4 + 2.591e-3, 1e-6); // 2.6 uM above rest for 1 uA/cm2
}

double hill(double cai, double kd, double n) {
    const double x = std::pow(cai / kd, n);
    return x / (1 + x);
}

// tauz = 1e-9 ms is instantaneous at dt = 0.025 ms (tauz = 0 itself:
// compiler_regressions_test.cpp).
TEST(Sk, FastGateTracksCalcium) {
    const auto* m = load("sk.mech", "sk");
    ASSERT_NE(m, nullptr);
    Instance s(*m, -50.0);
    s.field("tauz") = 1e-9;
    s.init();
    for (double cai : {0.0, 1e-4, 6e-4, 2e-3, 1e-2}) {
        s.ion("ca").internal[0] = cai;
        s.step();
        EXPECT_NEAR(s.field("z"), hill(cai, 6e-4, 4), 1e-14) << "cai = " << cai;
    }
    s.ion("ca").internal[0] = 6e-4;
    s.step();
    EXPECT_NEAR(s.field("z"), 0.5, 1e-14) << "half open at kd";
    s.currents();
    EXPECT_NEAR(s.ion("k").current[0], 1e-4 * 0.5 * (-50.0 - s.ion("k").reversal[0]), 1e-16);
}

TEST(Sk, GateFollowsACalciumStepWithTauz) {
    const auto* m = load("sk.mech", "sk");
    ASSERT_NE(m, nullptr);
    Instance s(*m, -50.0);
    s.ion("ca").internal[0] = 1e-4;
    s.init();
    const double z0 = hill(1e-4, 6e-4, 4);
    EXPECT_NEAR(s.field("z"), z0, 1e-14);
    s.ion("ca").internal[0] = 1e-3;
    const double z1 = hill(1e-3, 6e-4, 4);
    for (int n = 1; n <= 400; ++n) {
        s.step();
        ASSERT_NEAR(s.field("z"), z1 + (z0 - z1) * std::exp(-n * 0.025 / 5.0), 1e-13);
    }
}

} // namespace
} // namespace mech::library_test
