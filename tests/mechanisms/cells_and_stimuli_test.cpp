// IClamp's pulse timing and the Na/K pump's stoichiometry and sodium dependence.
#include "library_harness.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace mech::library_test {
namespace {

TEST(IClamp, OnExactlyForStepsWhoseMidpointIsInThePulse) {
    const auto* m = load("IClamp.mech", "IClamp");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->has_electrode_current, 1);
    Instance s(*m);
    s.field("del") = 1.0;
    s.field("dur") = 0.5;
    s.field("amp") = 0.3;
    s.init();
    int on = 0;
    for (int n = 0; n < 100; ++n) {
        s.step(); // currents at t_n + dt/2
        const double mid = n * 0.025 + 0.0125;
        const bool expect_on = mid >= 1.0 && mid < 1.5;
        EXPECT_DOUBLE_EQ(s.field("i"), expect_on ? 0.3 : 0.0) << "step " << n;
        // Electrode current is positive inward: it adds to the node's right-hand side.
        EXPECT_NEAR(s.store().rhs[0], expect_on ? s.store().scale[0] * 0.3 : 0.0, 1e-15);
        on += expect_on;
    }
    EXPECT_EQ(on, 20);
}

TEST(NaKPump, ThreeSodiumOutTwoPotassiumIn) {
    const auto* m = load("nakpump.mech", "nakpump");
    ASSERT_NE(m, nullptr);
    Instance s(*m, -65.0);
    s.field("imax") = 0.002;
    s.ion("na").internal[0] = 25.0;
    s.ion("k").external[0] = 5.5;
    s.init();
    s.currents();
    // At both half-activation points the pump runs at a quarter of imax.
    EXPECT_NEAR(s.field("ipump"), 0.0005, 1e-16);
    EXPECT_NEAR(s.ion("na").current[0], 3 * 0.0005, 1e-16);
    EXPECT_NEAR(s.ion("k").current[0], -2 * 0.0005, 1e-16);
    EXPECT_NEAR(s.store().rhs[0], -0.0005, 1e-16) << "net outward current is ipump";
}

TEST(NaKPump, SigmoidOfSodiumBetweenZeroAndImax) {
    const auto* m = load("nakpump.mech", "nakpump");
    ASSERT_NE(m, nullptr);
    Instance s(*m, -65.0);
    s.ion("k").external[0] = 50.0; // saturating potassium
    double previous = -1.0;
    for (double nai : {0.0, 5.0, 15.0, 25.0, 35.0, 60.0, 200.0}) {
        s.ion("na").internal[0] = nai;
        s.currents();
        const double ipump = s.field("ipump");
        const double expected = 0.001 / ((1 + std::exp((25 - nai) / 3)) * (1 + std::exp(5.5 - 50)));
        EXPECT_NEAR(ipump, expected, 1e-15) << "nai = " << nai;
        EXPECT_GT(ipump, previous);
        EXPECT_LE(ipump, 0.001);
        previous = ipump;
    }
    EXPECT_NEAR(previous, 0.001, 1e-15);
}

} // namespace
} // namespace mech::library_test
