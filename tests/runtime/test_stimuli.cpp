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

namespace {

// Rows k: {k, v, i} printed by NEURON 8.2.2 for an hh soma (40 x 40 um, usetable_hh = 0)
// clamped at -65, -20, -65 mV for 5, 10, 20 ms.
struct ClampRow {
    int k;
    double v, i;
};

template <class Clamp>
void expect_clamp_matches_neuron(const Clamp& clamp, std::initializer_list<ClampRow> rows) {
    Model model;
    const SectionId s = model.add_section("soma", {40, 40, 1, 1, 35.4});
    model.insert(s, "hh");
    const StimulusId st = model.add_stimulus(s, 0.5, clamp);
    model.record_v("v", s, 0.5);
    model.record("i", st, "i");
    Simulation sim(model, mech::testing::catalogue(), SimOptions{40, 0.025, 6.3, -65});
    sim.run();
    for (const auto& row : rows) {
        EXPECT_NEAR(sim.trace("v")[row.k], row.v, 1e-6) << "row " << row.k;
        EXPECT_NEAR(sim.trace("i")[row.k], row.i, 1e-6 * (1 + std::fabs(row.i))) << row.k;
    }
}

TEST(Stimuli, VClampAsNeuron) {
    VClamp clamp;
    clamp.dur[0] = 5;
    clamp.dur[1] = 10;
    clamp.dur[2] = 20;
    clamp.amp[0] = -65;
    clamp.amp[1] = -20;
    clamp.amp[2] = -65;
    expect_clamp_matches_neuron(clamp, {{1, -64.998725046244573, 0.0010826134317767355},
                                        {200, -64.998699996541291, -0.0014729366994430393},
                                        {201, -21.732053210044377, 88.46433337319769},
                                        {202, -20.066290760485565, 4.7209679800688473},
                                        {240, -19.998501884238983, -54.898664927859052},
                                        {601, -63.266438522490994, -79.602380501702271},
                                        {1000, -64.998707047814918, 0.35105475295557653},
                                        {1400, -64.998700892128014, 0.043303153451063281},
                                        {1401, -65.019746023682899, 0},
                                        {1600, -65.557931440596306, 0}});
}

TEST(Stimuli, SEClampAsNeuron) {
    SEClamp clamp{1, 5, -65, 10, -20, 20, -65};
    expect_clamp_matches_neuron(clamp, {{1, -64.999499374320621, -0.00050062567937914082},
                                        {200, -64.998533465428693, -0.0014665345713069655},
                                        {201, -50.218583268299348, 30.218583268299348},
                                        {210, -17.838980127477402, -2.1610198725225978},
                                        {240, 13.167539848526966, -33.167539848526964},
                                        {601, -48.865976322876094, -16.134023677123906},
                                        {1400, -65.027084576268251, 0.027084576268251226},
                                        {1401, -65.040121011452911, 0},
                                        {1600, -65.364771858076608, 0}});
}

} // namespace

namespace {

TEST(Stimuli, ClampLevelsCanBeChangedOnALiveSimulation) {
    Model model;
    const SectionId s = model.add_section("soma", {40, 40, 1, 1, 35.4});
    model.insert(s, "pas");
    VClamp clamp;
    clamp.dur[0] = 20;
    clamp.amp[0] = -40;
    const StimulusId st = model.add_stimulus(s, 0.5, clamp);
    Simulation sim(model, mech::testing::catalogue(), SimOptions{10});
    sim.set(st, "amp0", -30);
    sim.run();
    EXPECT_NEAR(sim.voltage(s, 0.5), -30, 1e-3);
    EXPECT_THROW(sim.set(st, "rstim", 0), Error);
    EXPECT_THROW(sim.set(st, "amp3", 1), Error);
}

} // namespace

namespace {

// One cell: hh soma with an IClamp of `amp` nA (and a second one of `extra` nA if not 0).
SectionId add_clamped_cell(Model& model, const std::string& name, double amp, double extra) {
    const SectionId s = model.add_section(name, {20, 20, 1, 1, 35.4});
    model.insert(s, "hh");
    model.add_stimulus(s, 0.5, IClamp{1.0, 30.0, amp});
    if (extra != 0)
        model.add_stimulus(s, 0.5, IClamp{2.0, 10.0, extra});
    return s;
}

TEST(Stimuli, IClampsOnAPopulationGiveEachCellItsOwnResponse) {
    // 40 cells of one shape are stored interleaved and their IClamps computed as one run; cell
    // 17 has two IClamps on its soma. Every cell must match the same cell simulated alone, bit
    // for bit, on one thread and on two.
    auto amp = [](int c) { return 0.05 + 0.01 * c; };
    auto extra = [](int c) { return c == 17 ? 0.2 : 0.0; };
    for (const int threads : {1, 2}) {
        Model model;
        std::vector<SectionId> somas;
        for (int c = 0; c < 40; ++c)
            somas.push_back(add_clamped_cell(model, "soma" + std::to_string(c), amp(c), extra(c)));
        SimOptions options{40, 0.025};
        options.threads = threads;
        Simulation sim(model, mech::testing::catalogue(), options);
        sim.run();
        for (int c = 0; c < 40; ++c) {
            Model alone;
            const SectionId s = add_clamped_cell(alone, "soma", amp(c), extra(c));
            Simulation single(alone, mech::testing::catalogue(), SimOptions{40, 0.025});
            single.run();
            EXPECT_EQ(sim.voltage(somas[static_cast<std::size_t>(c)], 0.5), single.voltage(s, 0.5))
                << "cell " << c << ", " << threads << " thread(s)";
        }
    }
}

} // namespace
