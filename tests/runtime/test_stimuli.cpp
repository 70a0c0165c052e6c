// IClamp timing (NEURON's midpoint rule), SEClamp, and current waveforms from tables/expressions.
#include "test_mechanisms.hpp"

#include "mech/mech.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <numbers>

namespace {

using namespace mech;

TEST(Stimuli, IClampOnWhenDelAtMostMidpointBelowDelPlusDur) {
    Model model;
    const SectionId s = model.add_section("soma", {40, 40, 1, 1, 35.4});
    const StimulusId st = model.add_stimulus(s, 0.5, IClamp{0.3, 1.0, 0.5});
    model.record("i", st, "i");
    Simulation sim(model, mech::testing::catalogue(), SimOptions{2, 0.025});
    sim.run();
    const auto t = sim.trace("t");
    const auto i = sim.trace("i");
    for (std::size_t k = 1; k < t.size(); ++k) {
        // Row k holds the value computed at t_{k-1} + dt/2.
        const bool on = k >= 41 && k <= 60;
        EXPECT_EQ(i[k], on ? 0.3 : 0.0) << "t = " << t[k];
    }
}

TEST(Stimuli, SEClampHoldsTheCommandThenReleases) {
    Model model;
    const SectionId s = model.add_section("soma", {40, 40, 1, 1, 35.4});
    model.insert(s, "pas");
    SEClamp clamp;
    clamp.rs = 0.01;
    clamp.dur1 = 10;
    clamp.amp1 = -20;
    const StimulusId st = model.add_stimulus(s, 0.5, clamp);
    model.record("i", st, "i");
    model.record_v("v", s, 0.5);
    Simulation sim(model, mech::testing::catalogue(), SimOptions{20, 0.025, 6.3, -65});
    sim.advance_to(9.0);
    // Steady state of clamp (1/rs uS) against the leak (g*area): a conductance divider.
    const double gm = 0.001 * 5026.548245743669 * 1e-2; // uS
    const double v_ss = (100 * -20 + gm * -70) / (100 + gm);
    EXPECT_NEAR(sim.voltage(s, 0.5), v_ss, 1e-6);
    // Clamp current (nA) = leak current at steady state: i = (vc - v)/rs.
    EXPECT_NEAR(sim.trace("i").back(), (-20 - v_ss) / 0.01, 1e-4);
    sim.advance_to(20.0);
    EXPECT_EQ(sim.trace("i").back(), 0.0);
    EXPECT_LT(sim.voltage(s, 0.5), -69.9);
}

TEST(Stimuli, TableAndConstantExpressionEqualAnIClamp) {
    auto run = [](auto add) {
        Model model;
        const SectionId s = model.add_section("soma", {40, 40, 1, 1, 35.4});
        model.insert(s, "pas");
        add(model, s);
        model.record_v("v", s, 0.5);
        Simulation sim(model, mech::testing::catalogue(), SimOptions{20, 0.025});
        sim.run();
        const auto v = sim.trace("v");
        return std::vector<double>(v.begin(), v.end());
    };
    const auto clamp = run([](Model& m, SectionId s) {
        m.add_stimulus(s, 0.5, IClamp{0.2, 0, 100});
    });
    const auto table = run([](Model& m, SectionId s) {
        m.add_stimulus(s, 0.5, CurrentWaveform::table({0, 100}, {0.2, 0.2}));
    });
    const auto expr = run([](Model& m, SectionId s) {
        m.add_stimulus(s, 0.5, CurrentWaveform::of_expression("0.2"));
    });
    EXPECT_EQ(clamp, table);
    EXPECT_EQ(clamp, expr);
    EXPECT_GT(clamp.back(), -69);
}

TEST(Stimuli, WaveformsAreEvaluatedAtTheStepMidpoint) {
    Model model;
    const SectionId s = model.add_section("soma", {40, 40, 1, 1, 35.4});
    const StimulusId sine =
        model.add_stimulus(s, 0.5, CurrentWaveform::of_expression("0.1*sin(2*pi*t/50)"));
    const StimulusId ramp =
        model.add_stimulus(s, 0.5, CurrentWaveform::table({1, 2, 3}, {0, 1, -1}));
    model.record("sine", sine, "i");
    model.record("ramp", ramp, "i");
    Simulation sim(model, mech::testing::catalogue(), SimOptions{4, 0.025});
    sim.run();
    const auto t = sim.trace("t");
    for (std::size_t k = 1; k < t.size(); ++k) {
        const double tm = t[k - 1] + 0.0125;
        EXPECT_NEAR(sim.trace("sine")[k], 0.1 * std::sin(2 * std::numbers::pi * tm / 50), 1e-12);
        const double ramp_expected = tm <= 1   ? 0
                                     : tm <= 2 ? tm - 1
                                     : tm <= 3 ? 1 - 2 * (tm - 2)
                                               : -1;
        EXPECT_NEAR(sim.trace("ramp")[k], ramp_expected, 1e-12) << tm;
    }
}

} // namespace
