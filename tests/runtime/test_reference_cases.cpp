// The NEURON tutorial cases A1, A2, A3 and A5 against NEURON 8.2's own traces
// (tests/data/reference; hh cases with exact rate functions).
#include "reference_csv.hpp"
#include "test_mechanisms.hpp"

#include "mech/mech.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <gtest/gtest.h>

namespace {

using namespace mech;
using mech::testing::Csv;

// The tutorial soma of README section 4 with an IClamp(0.1 nA, 10 ms, 50 ms) at soma(0.5).
SectionId add_soma(Model& model) {
    const SectionId soma = model.add_section("soma", {40, 40, 1, 1, 35.4});
    const StimulusId stim = model.add_stimulus(soma, 0.5, IClamp{0.1, 10, 50});
    model.record_v("v_soma", soma, 0.5);
    model.record("i_stim", stim, "i");
    return soma;
}

void set_hh(Model& model, SectionId sec, double gnabar, double gkbar) {
    model.insert(sec, "hh");
    model.set(sec, "gnabar_hh", gnabar);
    model.set(sec, "gkbar_hh", gkbar);
    model.set(sec, "gl_hh", 5e-4);
    model.set(sec, "el_hh", -65);
}

double max_abs_diff(std::span<const double> a, const std::vector<double>& b) {
    EXPECT_EQ(a.size(), b.size());
    double m = 0;
    for (std::size_t k = 0; k < std::min(a.size(), b.size()); ++k)
        m = std::max(m, std::fabs(a[k] - b[k]));
    return m;
}

double rms_diff(std::span<const double> a, const std::vector<double>& b) {
    double s = 0;
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t k = 0; k < n; ++k)
        s += (a[k] - b[k]) * (a[k] - b[k]);
    return std::sqrt(s / static_cast<double>(n));
}

std::vector<double> to_vector(std::span<const double> s) {
    return {s.begin(), s.end()};
}

void expect_same_spikes(const Simulation& sim, const Csv& ref, const char* column) {
    const auto ours =
        mech::testing::crossings(to_vector(sim.trace("t")), to_vector(sim.trace(column)), 0.0);
    const auto theirs = mech::testing::crossings(ref["t"], ref[column], 0.0);
    ASSERT_EQ(ours.size(), theirs.size()) << column;
    ASSERT_FALSE(ours.empty());
    for (std::size_t k = 0; k < ours.size(); ++k)
        EXPECT_NEAR(ours[k], theirs[k], 0.025) << "spike " << k;
}

TEST(ReferenceCases, A1PassiveSomaNoMechanisms) {
    const Csv ref = mech::testing::read_csv(mech::testing::reference_path("A1_passive_soma.csv"));
    Model model;
    add_soma(model);
    Simulation sim(model, mech::testing::catalogue(), SimOptions{100, 0.025, 6.3, -65, 1});
    sim.run();
    EXPECT_LE(max_abs_diff(sim.trace("v_soma"), ref["v_soma"]), 1e-6);
    EXPECT_LE(max_abs_diff(sim.trace("i_stim"), ref["i_stim"]), 1e-12);
    EXPECT_LE(max_abs_diff(sim.trace("t"), ref["t"]), 1e-9);
    EXPECT_NEAR(sim.trace("v_soma").back(), 34.471839, 1e-5);
}

TEST(ReferenceCases, A2HhLeakOnly) {
    const Csv ref = mech::testing::read_csv(mech::testing::reference_path("A2_hh_leak_only.csv"));
    Model model;
    set_hh(model, add_soma(model), 0, 0);
    Simulation sim(model, mech::testing::catalogue(), SimOptions{100, 0.025, 6.3, -65, 1});
    sim.run();
    EXPECT_LE(max_abs_diff(sim.trace("v_soma"), ref["v_soma"]), 1e-3);
}

TEST(ReferenceCases, A3HhSpiking) {
    const Csv ref = mech::testing::read_csv(mech::testing::reference_path("A3_hh_spiking.csv"));
    Model model;
    const SectionId soma = add_soma(model);
    set_hh(model, soma, 0.1, 0.01);
    for (const char* name : {"m_hh", "h_hh", "n_hh", "ina", "ik"})
        model.record(name, soma, 0.5, name);
    Simulation sim(model, mech::testing::catalogue(), SimOptions{100, 0.025, 6.3, -65, 1});
    sim.run();
    expect_same_spikes(sim, ref, "v_soma");
    EXPECT_LE(rms_diff(sim.trace("v_soma"), ref["v_soma"]), 0.1);
    // The same operations as NEURON in the same order: agreement far inside the bar.
    EXPECT_LE(max_abs_diff(sim.trace("v_soma"), ref["v_soma"]), 1e-5);
    EXPECT_LE(max_abs_diff(sim.trace("m_hh"), ref["m_hh"]), 1e-7);
    EXPECT_LE(max_abs_diff(sim.trace("n_hh"), ref["n_hh"]), 1e-7);
    // Currents: the t = 0 row comes from finitialize's current evaluation.
    EXPECT_LE(max_abs_diff(sim.trace("ina"), ref["ina"]), 1e-7);
    EXPECT_LE(max_abs_diff(sim.trace("ik"), ref["ik"]), 1e-7);
    EXPECT_DOUBLE_EQ(sim.trace("ina")[0], sim.trace("ina")[1]);
}

TEST(ReferenceCases, A5BallAndStick) {
    const Csv ref = mech::testing::read_csv(mech::testing::reference_path("A5_ball_and_stick.csv"));
    Model model;
    const SectionId soma = add_soma(model);
    set_hh(model, soma, 0.1, 0.01);
    const SectionId dend = model.add_section("dend", {400, 2, 9, 1, 200});
    set_hh(model, dend, 0, 0);
    model.connect(dend, soma, 1.0);
    std::vector<std::string> columns;
    for (int k = 0; k <= 10; ++k) {
        const auto name = fmt::format("v_dend_{:.1f}", k / 10.0);
        model.record_v(name, dend, k / 10.0);
        columns.push_back(name);
    }
    Simulation sim(model, mech::testing::catalogue(), SimOptions{40, 0.025, 6.3, -65, 1});
    sim.run();
    expect_same_spikes(sim, ref, "v_soma");
    EXPECT_LE(rms_diff(sim.trace("v_soma"), ref["v_soma"]), 0.1);
    EXPECT_LE(max_abs_diff(sim.trace("v_soma"), ref["v_soma"]), 1e-4);
    for (const auto& c : columns)
        EXPECT_LE(max_abs_diff(sim.trace(c), ref[c]), 1e-4) << c;
}

// The tutorial model of examples/tutorial.cpp: a current pulse at the tip of a 101-segment
// passive dendrite (IClamp on the zero-area x = 1 node). Values printed by NEURON 8.2.2 for the
// same model (usetable_hh = 0).
TEST(ReferenceCases, TutorialDendriteTipPulse) {
    Model model;
    const SectionId soma = model.add_section("soma", {12.6157, 12.6157, 1, 1, 35.4});
    model.insert(soma, "hh");
    const SectionId dend = model.add_section("dend", {200, 1, 101, 1, 35.4});
    model.insert(dend, "pas");
    model.set(dend, "g_pas", 0.001);
    model.set(dend, "e_pas", -65);
    model.connect(dend, soma, 1.0);
    model.add_stimulus(dend, 1.0, IClamp{0.1, 5, 1});
    model.record_v("v_soma", soma, 0.5);
    model.record_v("v_dend", dend, 0.5);
    Simulation sim(model, mech::testing::catalogue(), SimOptions{25, 0.025, 6.3, -65, 1});
    sim.run();
    const auto vs = sim.trace("v_soma");
    const auto vd = sim.trace("v_dend");
    ASSERT_EQ(vs.size(), 1001u);
    const double neuron[][3] = {{200, -64.982363, -64.985349},
                                {400, -65.166986, -65.071328},
                                {600, -65.258491, -65.224037},
                                {800, -65.036679, -65.033339},
                                {1000, -64.991891, -64.993712}};
    for (const auto& row : neuron) {
        const auto k = static_cast<std::size_t>(row[0]);
        EXPECT_NEAR(vs[k], row[1], 2e-6) << k;
        EXPECT_NEAR(vd[k], row[2], 2e-6) << k;
    }
    EXPECT_NEAR(*std::max_element(vs.begin(), vs.end()), -59.80382304075172, 1e-6);
}

} // namespace

namespace {

// A7's presynaptic cell (hh defaults, 1 nA from 10 to 60 ms): the times a NetCon with threshold
// 10 mV on soma(0.5) reports in NEURON 8.2 (A7_presyn_spikes.csv, exact rates).
TEST(ReferenceCases, A7PresynapticThresholdTimes) {
    const Csv ref = mech::testing::read_csv(mech::testing::reference_path("A7_presyn_spikes.csv"));
    Model model;
    const SectionId soma = model.add_section("pre_soma", {40, 40, 1, 1, 35.4});
    model.insert(soma, "hh");
    model.add_stimulus(soma, 0.5, IClamp{1.0, 10, 50});
    model.record_spikes("pre", soma, 0.5, 10);
    model.record_v("v", soma, 0.5);
    Simulation sim(model, mech::testing::catalogue(), SimOptions{80, 0.025, 6.3, -65, 1});
    sim.run();
    const auto spikes = sim.spikes("pre");
    const auto& expected = ref[ref.names.back()];
    ASSERT_EQ(spikes.size(), expected.size());
    for (std::size_t k = 0; k < spikes.size(); ++k)
        EXPECT_NEAR(spikes[k], expected[k], 1e-6) << k;
    // Same rule as an upward crossing in the recorded samples.
    const auto from_trace =
        mech::testing::crossings(to_vector(sim.trace("t")), to_vector(sim.trace("v")), 10);
    EXPECT_EQ(from_trace, std::vector<double>(spikes.begin(), spikes.end()));
}

} // namespace

namespace {

// A6: the A5 cell with an ExpSyn (tau 2 ms, e 0) at dend(0.5) receiving weight-1 events at
// 21, 26, 31, 36, 41 ms (NetStim at 20, 25, ... through a 1 ms NetCon), IClamp amp 0.
// The A6 model; the ExpSyn's events come from `drive`.
template <class Drive>
void run_a6(Drive drive) {
    const Csv ref = mech::testing::read_csv(mech::testing::reference_path("A6_expsyn_netstim.csv"));
    Model model;
    const SectionId soma = model.add_section("soma", {40, 40, 1, 1, 35.4});
    model.add_stimulus(soma, 0.5, IClamp{0, 10, 50});
    model.record_v("v_soma", soma, 0.5);
    set_hh(model, soma, 0.1, 0.01);
    const SectionId dend = model.add_section("dend", {400, 2, 9, 1, 200});
    set_hh(model, dend, 0, 0);
    model.connect(dend, soma, 1.0);
    model.record_v("v_dend_0.5", dend, 0.5);
    const PointProcessId syn = model.add_point_process(dend, 0.5, "ExpSyn");
    model.set(syn, "tau", 2);
    model.set(syn, "e", 0);
    model.record("i_syn", syn, "i");
    model.record("g_syn", syn, "g");
    auto after_build = drive(model, syn);
    Simulation sim(model, mech::testing::catalogue(), SimOptions{80, 0.025, 6.3, -65, 1});
    after_build(sim);
    sim.run();
    expect_same_spikes(sim, ref, "v_soma");
    for (const char* c : {"v_soma", "v_dend_0.5", "i_syn", "g_syn"})
        EXPECT_LE(max_abs_diff(sim.trace(c), ref[c]), 1e-4) << c;
}

TEST(ReferenceCases, A6ExpSynQueuedEvents) {
    run_a6([](Model&, PointProcessId syn) {
        return [syn](Simulation& sim) {
            for (double t : {21.0, 26.0, 31.0, 36.0, 41.0})
                sim.queue_event(syn, t, std::vector<double>{1.0});
        };
    });
}

// As NEURON ran it: an artificial cell (NetStim, noise 0) and a NetCon with delay 1 ms.
TEST(ReferenceCases, A6ExpSynDrivenByAnArtificialCell) {
    std::vector<double> stim_spikes;
    run_a6([&](Model& model, PointProcessId syn) {
        const PointProcessId stim = model.add_artificial_cell("RegularStim");
        model.set(stim, "interval", 5);
        model.set(stim, "number", 5);
        model.set(stim, "start", 20);
        model.record_spikes("stim", stim);
        model.connect_spikes("stim", syn, {1.0}, 1.0);
        return [&](Simulation& sim) {
            sim.run();
            const auto s = sim.spikes("stim");
            stim_spikes.assign(s.begin(), s.end());
        };
    });
    EXPECT_EQ(stim_spikes, (std::vector<double>{20, 25, 30, 35, 40}));
}

} // namespace

namespace {

// A7: a spiking cell drives the A6 cell's ExpSyn (tau 0.9 ms) through a NetCon (threshold
// 10 mV on pre_soma(0.5), delay 1 ms, weight 1 uS).
TEST(ReferenceCases, A7TwoCellsThroughANetCon) {
    const Csv ref = mech::testing::read_csv(mech::testing::reference_path("A7_two_cells.csv"));
    Model model;
    const SectionId pre = model.add_section("pre_soma", {40, 40, 1, 1, 35.4});
    model.insert(pre, "hh");
    model.add_stimulus(pre, 0.5, IClamp{1.0, 10, 50});
    model.record_v("v_pre_soma", pre, 0.5);
    model.record_spikes("pre", pre, 0.5, 10);

    const SectionId soma = model.add_section("post_soma", {40, 40, 1, 1, 35.4});
    set_hh(model, soma, 0.1, 0.01);
    model.add_stimulus(soma, 0.5, IClamp{0, 10, 50});
    const SectionId dend = model.add_section("post_dend", {400, 2, 9, 1, 200});
    set_hh(model, dend, 0, 0);
    model.connect(dend, soma, 1.0);
    const PointProcessId syn = model.add_point_process(dend, 0.5, "ExpSyn");
    model.set(syn, "tau", 0.9);
    model.set(syn, "e", 0);
    model.connect_spikes("pre", syn, {1.0}, 1.0);
    model.record_v("v_post_soma", soma, 0.5);
    model.record_v("v_post_dend_0.5", dend, 0.5);
    model.record("i_syn", syn, "i");

    Simulation sim(model, mech::testing::catalogue(), SimOptions{80, 0.025, 6.3, -65, 1});
    sim.run();
    expect_same_spikes(sim, ref, "v_pre_soma");
    expect_same_spikes(sim, ref, "v_post_soma");
    for (const char* c : {"v_pre_soma", "v_post_soma", "v_post_dend_0.5", "i_syn"})
        EXPECT_LE(max_abs_diff(sim.trace(c), ref[c]), 1e-4) << c;
}

} // namespace

namespace {

// A8: Exp2Syn (tau1 0.5, tau2 10, e -80) on a passive soma (Ra 100, pas defaults), events of
// weight 0.001 uS at 101, 151, ..., 451 and 951 ms; 1000 ms sampled every 4th step.
TEST(ReferenceCases, A8Exp2SynSpikeTrainEveryFourthStep) {
    const Csv ref =
        mech::testing::read_csv(mech::testing::reference_path("A8_exp2syn_vecstim.csv"));
    Model model;
    const SectionId soma = model.add_section("soma", {40, 40, 1, 1, 100});
    model.insert(soma, "pas");
    const PointProcessId syn = model.add_point_process(soma, 0.5, "Exp2Syn");
    model.set(syn, "tau1", 0.5);
    model.set(syn, "tau2", 10);
    model.set(syn, "e", -80);
    model.record_v("v_soma", soma, 0.5);
    model.record("g_syn", syn, "g");
    model.record("i_syn", syn, "i");
    Simulation sim(model, mech::testing::catalogue(), SimOptions{1000, 0.025, 6.3, -65, 4});
    for (double t : {100, 150, 200, 250, 300, 350, 400, 450, 950})
        sim.queue_event(syn, t + 1, std::vector<double>{0.001});
    sim.run();
    ASSERT_EQ(sim.trace("t").size(), 10001u);
    EXPECT_LE(max_abs_diff(sim.trace("t"), ref["t"]), 1e-6);
    for (const char* c : {"v_soma", "g_syn", "i_syn"})
        EXPECT_LE(max_abs_diff(sim.trace(c), ref[c]), 1e-6) << c;
}

} // namespace
