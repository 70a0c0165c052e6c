// Library behaviour a compiler stage used to get wrong: each test names the bug it guards
// against (cat.mech's inactivation gate, whose tau_h FUNCTION's IF branches the passes once
// dropped, making h NaN; sk.mech with tauz = 0, whose gate update was NaN).
#include "library_harness.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace mech::library_test {
namespace {

double boltzmann(double v, double half, double slope) { return 1.0 / (1.0 + std::exp(-(v - half) / slope)); }

// Was: the passes dropped the assignments inside tau_h's IF (advance_state divided by 0).
TEST(CompilerRegression, CatInactivationStaysAtInfAndRelaxesWithItsTwoBranchTau) {
    const auto* m = load("cat.mech", "cat");
    ASSERT_NE(m, nullptr);
    for (double v : {-90.0, -65.0, -30.0}) {
        Instance s(*m, v);
        s.init();
        s.steps(400);
        EXPECT_NEAR(s.field("h"), boltzmann(v, -81, -4), 1e-12) << "v = " << v;
    }
    Instance s(*m, -60.0);
    s.set_celsius(24.0);
    s.init();
    s.set_v(-95.0);
    s.set_dt(0.1);
    s.step();
    const double tau = std::exp((-95.0 + 467) / 66.6);
    const double h0 = boltzmann(-60, -81, -4), h1 = boltzmann(-95, -81, -4);
    EXPECT_NEAR(s.field("h"), h1 + (h0 - h1) * std::exp(-0.1 / tau), 1e-12);
}

// Was: gate updates were emitted as -(inf/tau)/(-1/tau), NaN for TAU = 0 at run time.
TEST(CompilerRegression, SkWithTauzZeroIsInstantaneous) {
    const auto* m = load("sk.mech", "sk");
    ASSERT_NE(m, nullptr);
    Instance s(*m, -50.0);
    s.field("tauz") = 0.0;
    s.init();
    s.ion("ca").internal[0] = 6e-4;
    s.step();
    EXPECT_NEAR(s.field("z"), 0.5, 1e-14);
}

} // namespace
} // namespace mech::library_test
