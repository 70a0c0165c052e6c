// TsodyksMarkram_AMPA_NMDA: release, depression and facilitation event by event, by hand.
#include "library_harness.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace mech::library_test {
namespace {

const mech_mechanism* tm() { return load("TsodyksMarkram_AMPA_NMDA.mech", "TsodyksMarkram_AMPA_NMDA"); }

TEST(TsodyksMarkram, DefaultsAndInitialState) {
    const auto* m = tm();
    ASSERT_NE(m, nullptr);
    Instance s(*m);
    EXPECT_DOUBLE_EQ(s.field("tau_rec"), 200.0);
    EXPECT_DOUBLE_EQ(s.field("tau_facil"), 200.0);
    EXPECT_DOUBLE_EQ(s.field("U1"), 0.5);
    s.field("R") = 0.2;
    s.field("Use") = 0.9;
    s.init();
    EXPECT_EQ(s.field("R"), 1.0);
    EXPECT_EQ(s.field("Use"), 0.0);
    EXPECT_NEAR(s.field("factor_AMPA"), 1.5075794, 5e-8);
    EXPECT_NEAR(s.field("factor_NMDA"), 1.0415507, 5e-8);
}

TEST(TsodyksMarkram, FirstEventReleasesU1) {
    const auto* m = tm();
    ASSERT_NE(m, nullptr);
    Instance s(*m);
    s.field("U1") = 0.3;
    s.init();
    s.deliver(2.0);
    EXPECT_DOUBLE_EQ(s.field("Use"), 0.3);
    EXPECT_DOUBLE_EQ(s.field("R"), 0.7);
    const double fa = s.field("factor_AMPA"), fn = s.field("factor_NMDA");
    EXPECT_DOUBLE_EQ(s.field("A_AMPA"), 0.3 * 2.0 * fa);
    EXPECT_DOUBLE_EQ(s.field("B_AMPA"), 0.3 * 2.0 * fa);
    EXPECT_DOUBLE_EQ(s.field("A_NMDA"), 0.3 * 2.0 * fn);
    EXPECT_DOUBLE_EQ(s.field("B_NMDA"), 0.3 * 2.0 * fn);
}

TEST(TsodyksMarkram, SecondEventFacilitatesFirstThenReleasesFromWhatIsLeft) {
    const auto* m = tm();
    ASSERT_NE(m, nullptr);
    Instance s(*m, -65.0);
    s.init();
    s.deliver(1.0);
    const double a1 = 0.5;
    // 50 ms later (2000 steps): Use = 0.5 e^-0.25, R = 1 - 0.5 e^-0.25 (exact under cnexp).
    s.steps(2000);
    const double decay = std::exp(-50.0 / 200.0);
    EXPECT_NEAR(s.field("Use"), 0.5 * decay, 1e-13);
    EXPECT_NEAR(s.field("R"), 1.0 - 0.5 * decay, 1e-13);
    EXPECT_NEAR(0.5 * decay, 0.389400392, 1e-9);
    const double b_ampa = s.field("B_AMPA");
    s.deliver(1.0);
    // By hand: Use = 0.3894004 + 0.5 (1 - 0.3894004) = 0.6947002; a = Use R = 0.6947002 x 0.6105996.
    const double use2 = 0.5 * decay + 0.5 * (1.0 - 0.5 * decay);
    const double a2 = use2 * (1.0 - 0.5 * decay);
    EXPECT_NEAR(use2, 0.694700196, 1e-9);
    EXPECT_NEAR(a2, 0.424183668, 1e-9);
    EXPECT_NEAR(s.field("Use"), use2, 1e-13);
    EXPECT_NEAR(s.field("R"), (1.0 - 0.5 * decay) - a2, 1e-13);
    EXPECT_NEAR(s.field("B_AMPA") - b_ampa, a2 * s.field("factor_AMPA"), 1e-13);
    EXPECT_LT(a2, a1); // depression wins at this interval with the defaults
}

TEST(TsodyksMarkram, FullReleaseGivesTheSimpleSynapsesPeak) {
    const auto* m = tm();
    ASSERT_NE(m, nullptr);
    Instance s(*m, -65.0);
    s.field("U1") = 1.0;
    s.field("gmax_NMDA") = 0.0;
    const double tp = 0.2 * 1.7 / 1.5 * std::log(1.7 / 0.2);
    s.set_dt(tp / 100);
    s.init();
    s.deliver(1.0);
    EXPECT_DOUBLE_EQ(s.field("R"), 0.0);
    s.steps(100);
    s.currents();
    EXPECT_NEAR(s.field("g_AMPA"), 0.001, 1e-15);
}

} // namespace
} // namespace mech::library_test
