// ExpSyn, Exp2Syn and SimpleAMPA_NMDA against their closed-form solutions and NEURON's numbers.
#include "library_harness.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace mech::library_test {
namespace {

constexpr double dt = 0.025;

// t_peak and the normalisation of a difference of exponentials (NEURON's Exp2Syn formulas).
double peak_time(double rise, double decay) {
    return rise * decay / (decay - rise) * std::log(decay / rise);
}
double peak_factor(double rise, double decay) {
    const double tp = peak_time(rise, decay);
    return 1.0 / (std::exp(-tp / decay) - std::exp(-tp / rise));
}

TEST(ExpSyn, DefaultsAreNeuronsAndStartsClosed) {
    const auto* m = load("ExpSyn.mech", "ExpSyn");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->kind, MECH_KIND_POINT);
    EXPECT_EQ(m->n_net_receive_args, 1);
    Instance s(*m);
    EXPECT_DOUBLE_EQ(s.field("tau"), 0.1);
    EXPECT_DOUBLE_EQ(s.field("e"), 0.0);
    s.field("g") = 0.7;
    s.init();
    EXPECT_EQ(s.field("g"), 0.0);
}

TEST(ExpSyn, EventAddsWeightThenDecaysAsExpMinusTOverTau) {
    const auto* m = load("ExpSyn.mech", "ExpSyn");
    ASSERT_NE(m, nullptr);
    Instance s(*m, -65.0);
    s.field("tau") = 2.0;
    s.init();
    s.deliver(0.5);
    EXPECT_DOUBLE_EQ(s.field("g"), 0.5);
    s.deliver(0.25);
    EXPECT_DOUBLE_EQ(s.field("g"), 0.75);
    for (int n = 1; n <= 400; ++n) {
        s.step();
        ASSERT_NEAR(s.field("g"), 0.75 * std::exp(-n * dt / 2.0), 1e-13) << "after " << n << " steps";
    }
}

TEST(ExpSyn, CurrentIsConductanceTimesDrivingForce) {
    const auto* m = load("ExpSyn.mech", "ExpSyn");
    ASSERT_NE(m, nullptr);
    Instance s(*m, -40.0);
    s.field("tau") = 2.0;
    s.field("e") = -10.0;
    s.init();
    s.deliver(0.3);
    s.currents();
    EXPECT_NEAR(s.field("i"), 0.3 * (-40.0 + 10.0), 1e-12);
    // The node sees -scale*i on the right-hand side and scale*g on the diagonal.
    const double scale = s.store().scale[0];
    EXPECT_NEAR(s.store().rhs[0], -scale * 0.3 * -30.0, 1e-9);
    EXPECT_NEAR(s.store().d[0], scale * 0.3, 1e-6);
}

TEST(Exp2Syn, FactorForTau1HalfTau2TenIsNeurons) {
    const auto* m = load("Exp2Syn.mech", "Exp2Syn");
    ASSERT_NE(m, nullptr);
    Instance s(*m);
    EXPECT_DOUBLE_EQ(s.field("tau1"), 0.1);
    EXPECT_DOUBLE_EQ(s.field("tau2"), 10.0);
    s.field("tau1") = 0.5;
    s.field("tau2") = 10.0;
    s.init();
    EXPECT_NEAR(s.field("factor"), 1.232400, 5e-7);
    EXPECT_NEAR(peak_time(0.5, 10.0), 1.576701, 5e-7);
}

TEST(Exp2Syn, SingleEventPeaksAtTheWeightAtTp) {
    const auto* m = load("Exp2Syn.mech", "Exp2Syn");
    ASSERT_NE(m, nullptr);
    Instance s(*m, -65.0);
    s.field("tau1") = 0.5;
    s.field("tau2") = 10.0;
    const double tp = peak_time(0.5, 10.0);
    const int n = 400;
    s.set_dt(tp / n); // so that step n lands exactly on the peak
    s.init();
    const double w = 0.001;
    s.deliver(w);
    double g_max = 0.0;
    for (int k = 0; k < 2 * n; ++k) {
        s.step();
        s.currents(); // g is computed with the current, from the states just reached
        g_max = std::max(g_max, s.field("g"));
        if (k + 1 == n) {
            EXPECT_NEAR(s.field("g"), w, 1e-15);
        }
    }
    EXPECT_NEAR(g_max, w, 1e-15);
    // Closed form at every step: A and B decay exactly under cnexp.
    const double f = s.field("factor");
    const double t = s.t();
    EXPECT_NEAR(s.field("B") - s.field("A"), w * f * (std::exp(-t / 10.0) - std::exp(-t / 0.5)), 1e-15);
}

TEST(Exp2Syn, EqualTimeConstantsAreKeptApartAsNeuronDoes) {
    const auto* m = load("Exp2Syn.mech", "Exp2Syn");
    ASSERT_NE(m, nullptr);
    Instance s(*m);
    s.field("tau1") = 5.0;
    s.field("tau2") = 5.0;
    s.init();
    EXPECT_DOUBLE_EQ(s.field("tau1"), 0.9999 * 5.0);
    EXPECT_TRUE(std::isfinite(s.field("factor")));
    EXPECT_NEAR(s.field("factor"), peak_factor(0.9999 * 5.0, 5.0), 1e-9 * s.field("factor"));
}

TEST(SimpleAMPA_NMDA, NormalisationFactorsMatchTheReference) {
    const auto* m = load("AMPA_NMDA.mech", "SimpleAMPA_NMDA");
    ASSERT_NE(m, nullptr);
    Instance s(*m);
    EXPECT_DOUBLE_EQ(s.field("tau_r_AMPA"), 0.2);
    EXPECT_DOUBLE_EQ(s.field("tau_d_AMPA"), 1.7);
    EXPECT_DOUBLE_EQ(s.field("tau_r_NMDA"), 0.29);
    EXPECT_DOUBLE_EQ(s.field("tau_d_NMDA"), 43.0);
    EXPECT_DOUBLE_EQ(s.field("mg"), 1.0);
    EXPECT_DOUBLE_EQ(s.field("gmax_AMPA"), 0.001);
    EXPECT_DOUBLE_EQ(s.field("gmax_NMDA"), 0.001);
    s.init();
    EXPECT_NEAR(s.field("factor_AMPA"), 1.5075794, 5e-8);
    EXPECT_NEAR(s.field("factor_NMDA"), 1.0415507, 5e-8);
    EXPECT_NEAR(peak_time(0.2, 1.7), 0.4850817, 5e-8);
    EXPECT_NEAR(peak_time(0.29, 43.0), 1.4595752, 5e-8);
}

double mg_block(double v, double mg) { return 1.0 / (1.0 + std::exp(-0.062 * v) * (mg / 3.57)); }

TEST(SimpleAMPA_NMDA, MagnesiumBlockFollowsJahrAndStevens) {
    const auto* m = load("AMPA_NMDA.mech", "SimpleAMPA_NMDA");
    ASSERT_NE(m, nullptr);
    // Hand values: at 0 mV the block is 1/(1 + 1/3.57) = 3.57/4.57.
    const struct {
        double v, mg, expected;
    } cases[] = {{0.0, 1.0, 3.57 / 4.57},
                 {-65.0, 1.0, 1.0 / (1.0 + std::exp(4.03) / 3.57)},
                 {-20.0, 1.0, mg_block(-20.0, 1.0)},
                 {30.0, 2.0, mg_block(30.0, 2.0)},
                 {-65.0, 0.0, 1.0}};
    EXPECT_NEAR(cases[1].expected, 0.05967, 1e-5); // about 6 % open at rest
    for (const auto& c : cases) {
        Instance s(*m, c.v);
        s.field("mg") = c.mg;
        s.init();
        s.deliver(1.0);
        s.currents();
        EXPECT_NEAR(s.field("mggate"), c.expected, 1e-14) << "v = " << c.v << ", mg = " << c.mg;
        const double open_nmda = s.field("B_NMDA") - s.field("A_NMDA");
        EXPECT_NEAR(s.field("g_NMDA"), c.expected * 0.001 * open_nmda, 1e-18);
        EXPECT_NEAR(s.field("i_NMDA"), s.field("g_NMDA") * c.v, 1e-15);
    }
}

TEST(SimpleAMPA_NMDA, EachReceptorPeaksAtGmaxTimesWeight) {
    const auto* m = load("AMPA_NMDA.mech", "SimpleAMPA_NMDA");
    ASSERT_NE(m, nullptr);
    for (const bool ampa : {true, false}) {
        Instance s(*m, -65.0);
        s.field("mg") = 0.0;
        s.field(ampa ? "gmax_NMDA" : "gmax_AMPA") = 0.0;
        const double tp = ampa ? peak_time(0.2, 1.7) : peak_time(0.29, 43.0);
        const int n = 200;
        s.set_dt(tp / n);
        s.init();
        s.deliver(2.0);
        s.steps(n);
        s.currents();
        EXPECT_NEAR(s.field(ampa ? "g_AMPA" : "g_NMDA"), 0.002, 1e-15);
        EXPECT_NEAR(s.field("g"), 0.002, 1e-15);
        EXPECT_NEAR(s.field("i"), 0.002 * -65.0, 1e-13);
        EXPECT_NEAR(s.field("i"), s.field("i_AMPA") + s.field("i_NMDA"), 1e-16);
    }
}

} // namespace
} // namespace mech::library_test
