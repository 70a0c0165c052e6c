// Mechanisms on cells: per-segment values, point processes and events, ions and Nernst,
// several independent cells, re-initialisation and incremental runs.
#include "test_mechanisms.hpp"

#include "mech/mech.hpp"

#include <cmath>
#include <gtest/gtest.h>

namespace {

using namespace mech;

TEST(MechanismsOnCells, PerSegmentValues) {
    Model model;
    const SectionId d = model.add_section("dend", {300, 2, 3, 1, 100});
    model.insert(d, "pas");
    model.set(d, "e_pas", -60);
    model.set(d, 0.9, "e_pas", -50);
    Simulation sim(model, mech::testing::catalogue());
    EXPECT_EQ(sim.value(d, 0.1, "e_pas"), -60);
    EXPECT_EQ(sim.value(d, 0.5, "e_pas"), -60);
    EXPECT_EQ(sim.value(d, 0.9, "e_pas"), -50);
    EXPECT_EQ(sim.value(d, 0.5, "g_pas"), 0.001);
}

TEST(MechanismsOnCells, ExpSynEventAsNeuron) {
    // README A6: an event at 21 ms gives g = w exp(-dt/tau) in the 21.025 row and
    // i = w (v(21.0) - e) there.
    Model model;
    const SectionId s = model.add_section("soma", {40, 40, 1, 1, 35.4});
    model.insert(s, "pas");
    const PointProcessId syn = model.add_point_process(s, 0.5, "ExpSyn");
    model.set(syn, "tau", 2);
    model.record("g", syn, "g");
    model.record("i", syn, "i");
    model.record_v("v", s, 0.5);
    Simulation sim(model, mech::testing::catalogue(), SimOptions{22, 0.025, 6.3, -65});
    const double w = 0.01;
    sim.queue_event(syn, 21.0, std::vector<double>{w});
    sim.run();
    const auto t = sim.trace("t");
    const std::size_t k = 841; // t = 21.025
    ASSERT_NEAR(t[k], 21.025, 1e-9);
    EXPECT_EQ(sim.trace("g")[k - 1], 0.0);
    EXPECT_NEAR(sim.trace("g")[k], w * std::exp(-0.025 / 2), 1e-15);
    EXPECT_NEAR(sim.trace("i")[k], w * sim.trace("v")[k - 1], 1e-15);
    EXPECT_GT(sim.trace("v").back(), sim.trace("v")[k - 1]); // depolarised
}

TEST(MechanismsOnCells, IonDefaultsOverridesAndRecording) {
    Model model;
    const SectionId s = model.add_section("soma", {40, 40, 1, 1, 35.4});
    model.insert(s, "hh");
    model.set(s, "ek", -80);
    model.record("ena", s, 0.5, "ena");
    model.record("ek", s, 0.5, "ek");
    model.record("nai", s, 0.5, "nai");
    Simulation sim(model, mech::testing::catalogue(), SimOptions{1});
    sim.run();
    EXPECT_EQ(sim.trace("ena").back(), 50.0);
    EXPECT_EQ(sim.trace("ek").back(), -80.0);
    EXPECT_EQ(sim.trace("nai").back(), 10.0);
}

TEST(MechanismsOnCells, WrittenConcentrationsMoveTheReversalPotential) {
    Model model;
    const SectionId s = model.add_section("soma", {40, 40, 1, 1, 35.4});
    model.insert(s, "cadecay");
    model.set(s, "cainf_cadecay", 5e-5);
    model.record("eca", s, 0.5, "eca");
    model.record("cai", s, 0.5, "cai");
    Simulation sim(model, mech::testing::catalogue(), SimOptions{1, 0.025, 6.3, -65});
    sim.run();
    // NEURON 8.2: h.nernst(5e-5, 2, 2) at 6.3 degC.
    EXPECT_NEAR(sim.trace("eca").back(), 127.58951061761749, 1e-9);
    Model warm = model;
    Simulation sim2(warm, mech::testing::catalogue(), SimOptions{1, 0.025, 36.3, -65});
    sim2.run();
    EXPECT_NEAR(sim2.trace("eca").back(), 127.58951061761749 * (36.3 + 273.15) / (6.3 + 273.15),
                1e-9);
}

TEST(MechanismsOnCells, CellsAreIndependent) {
    auto build = [](Model& m, const std::string& name, double amp) {
        const SectionId s = m.add_section(name, {40, 40, 1, 1, 35.4});
        m.insert(s, "hh");
        m.add_stimulus(s, 0.5, IClamp{amp, 1, 20});
        m.record_v("v_" + name, s, 0.5);
    };
    Model both, one;
    build(both, "a", 0.5);
    build(both, "b", 0.05);
    build(one, "a", 0.5);
    Simulation s2(both, mech::testing::catalogue(), SimOptions{30});
    Simulation s1(one, mech::testing::catalogue(), SimOptions{30});
    s2.run();
    s1.run();
    const auto x = s2.trace("v_a"), y = s1.trace("v_a");
    ASSERT_EQ(x.size(), y.size());
    for (std::size_t k = 0; k < x.size(); ++k)
        ASSERT_EQ(x[k], y[k]) << k;
}

TEST(MechanismsOnCells, RerunAndIncrementalRunsAgree) {
    Model model;
    const SectionId s = model.add_section("soma", {40, 40, 1, 1, 35.4});
    model.insert(s, "hh");
    model.add_stimulus(s, 0.5, IClamp{0.2, 2, 20});
    model.record_v("v", s, 0.5);
    model.record("m", s, 0.5, "m_hh");
    Simulation sim(model, mech::testing::catalogue(), SimOptions{30, 0.025, 6.3, -65, 4});
    sim.run();
    const auto first = std::vector<double>(sim.trace("v").begin(), sim.trace("v").end());
    sim.initialize();
    sim.advance_to(10);
    sim.advance_to(30);
    const auto second = sim.trace("v");
    ASSERT_EQ(first.size(), second.size());
    EXPECT_EQ(first.size(), 301u); // every 4th step of 1200, plus t = 0
    for (std::size_t k = 0; k < first.size(); ++k)
        ASSERT_EQ(first[k], second[k]) << k;
    EXPECT_NEAR(sim.time(), 30, 1e-9);
}

} // namespace

namespace {

TEST(MechanismsOnCells, ValuesChangedOnALiveSimulation) {
    Model model;
    const SectionId s = model.add_section("soma", {40, 40, 1, 1, 35.4});
    model.insert(s, "pas");
    const StimulusId stim = model.add_stimulus(s, 0.5, IClamp{0, 0, 1e9});
    const PointProcessId syn = model.add_point_process(s, 0.5, "ExpSyn");
    Simulation sim(model, mech::testing::catalogue(), SimOptions{50, 0.025, 6.3, -70});
    sim.set(s, 0.5, "e_pas", -60);
    sim.run();
    EXPECT_NEAR(sim.voltage(s, 0.5), -60, 1e-6); // kept through initialize()
    sim.set(stim, "amp", 0.1);
    sim.advance_to(100);
    // 0.1 nA into g = 1e-3 S/cm2 over 5026.5 um2: +1.989 mV.
    EXPECT_NEAR(sim.voltage(s, 0.5), -60 + 100 * 0.1 / (1e-3 * 5026.548245743669), 1e-5);
    sim.set(syn, "tau", 3);
    EXPECT_EQ(sim.value(syn, "tau"), 3);
    EXPECT_THROW(sim.set(syn, "tau", -1), Error);
    EXPECT_THROW(sim.set(s, 0.5, "gnabar_hh", 1), Error);
    EXPECT_THROW(sim.set(stim, "amp1", 1), Error);
}

} // namespace

namespace {

TEST(MechanismsOnCells, EmptyModelRunsAndRecordsTime) {
    Model model;
    Simulation sim(model, mech::testing::catalogue(), SimOptions{1, 0.25});
    sim.run();
    EXPECT_EQ(sim.node_count(), 0u);
    ASSERT_EQ(sim.trace("t").size(), 5u);
    EXPECT_DOUBLE_EQ(sim.trace("t").back(), 1.0);
}

} // namespace

namespace {

// "g_b_pas" must reach field g of a mechanism named "b_pas", even where "pas" is inserted too.
TEST(MechanismsOnCells, SuffixesThatEndOtherSuffixes) {
    static const mech_mechanism b_pas = [] {
        mech_mechanism m = *mech::testing::pas();
        m.name = "b_pas";
        return m;
    }();
    Catalogue cat = mech::testing::catalogue();
    cat.add(&b_pas);
    Model model;
    const SectionId s = model.add_section("soma");
    model.insert(s, "pas");
    model.insert(s, "b_pas");
    model.set(s, "g_b_pas", 0.002);
    model.set(s, "g_pas", 0.003);
    Simulation sim(model, cat);
    EXPECT_EQ(sim.value(s, 0.5, "g_b_pas"), 0.002);
    EXPECT_EQ(sim.value(s, 0.5, "g_pas"), 0.003);
}

} // namespace

namespace {

// Cells of different sizes and kinds, connected by synapses: every trace and spike time must be
// bit-identical whatever the number of threads.
TEST(MechanismsOnCells, ThreadsDoNotChangeResults) {
    auto run = [](int threads) {
        Model model;
        std::vector<PointProcessId> syns;
        for (int c = 0; c < 5; ++c) {
            const std::string name = "c" + std::to_string(c);
            const SectionId soma = model.add_section(name + "_soma", {20, 20, 1, 1, 35.4});
            model.insert(soma, "hh");
            const SectionId dend =
                model.add_section(name + "_dend", {100.0 * (c + 1), 2, 3 + 4 * c, 1, 100});
            model.insert(dend, "pas");
            model.connect(dend, soma, 1.0);
            model.add_stimulus(soma, 0.5, IClamp{0.1 + 0.05 * c, 2.0 + c, 30});
            model.record_v("v_" + name, soma, 0.5);
            model.record_spikes(name, soma, 0.5, 0);
            syns.push_back(model.add_point_process(dend, 0.5, "ExpSyn"));
            model.set(syns.back(), "tau", 2);
        }
        for (int c = 0; c < 5; ++c)
            model.connect_spikes("c" + std::to_string(c), syns[(c + 1) % 5], {0.01}, 1.5);
        Simulation sim(model, mech::testing::catalogue(),
                       SimOptions{50, 0.025, 6.3, -65, 1, threads});
        sim.run();
        std::vector<std::vector<double>> out;
        for (const auto& col : sim.column_names())
            out.emplace_back(sim.trace(col).begin(), sim.trace(col).end());
        for (int c = 0; c < 5; ++c) {
            const auto s = sim.spikes("c" + std::to_string(c));
            out.emplace_back(s.begin(), s.end());
        }
        return out;
    };
    const auto one = run(1);
    EXPECT_FALSE(one.back().empty()); // the cells spike
    for (int threads : {2, 3, 8})
        EXPECT_EQ(run(threads), one) << threads << " threads";
}

} // namespace

namespace {

TEST(MechanismsOnCells, CelsiusAndDtCanChangeBetweenSteps) {
    Model model;
    const SectionId s = model.add_section("soma", {40, 40, 1, 1, 35.4});
    model.insert(s, "pas");
    model.add_stimulus(s, 0.5, IClamp{0.1, 0, 1e9});
    model.record_v("v", s, 0.5);
    Simulation sim(model, mech::testing::catalogue(), SimOptions{10, 0.025, 6.3, -70});
    sim.initialize();
    sim.advance_to(5);
    sim.set_dt(0.0125);
    sim.advance_to(10);
    EXPECT_NEAR(sim.time(), 10, 1e-9);
    EXPECT_EQ(sim.trace("t").size(), 201u + 400u);
    // tau = cm/g = 1 ms; after 10 ms the pas soma sits at its steady state.
    EXPECT_NEAR(sim.voltage(s, 0.5), -70 + 100 * 0.1 / (1e-3 * 5026.548245743669), 1e-3);
    EXPECT_THROW(sim.set_dt(0), Error);

    // hh is faster when warm (q10 = 3 per 10 degC): more spikes in the same time.
    auto spikes_at = [](double celsius) {
        Model m;
        const SectionId soma = m.add_section("soma", {40, 40, 1, 1, 35.4});
        m.insert(soma, "hh");
        m.add_stimulus(soma, 0.5, IClamp{0.5, 0, 1e9});
        m.record_spikes("s", soma, 0.5, 0);
        Simulation run(m, mech::testing::catalogue(), SimOptions{100});
        run.set_celsius(celsius);
        run.run();
        return run.spikes("s").size();
    };
    EXPECT_GT(spikes_at(16.3), spikes_at(6.3));
}

} // namespace

namespace {

TEST(MechanismsOnCells, EventsQueuedBeforeTheFirstRunReplayEveryRun) {
    Model model;
    const SectionId s = model.add_section("soma", {40, 40, 1, 1, 35.4});
    model.insert(s, "pas");
    const PointProcessId syn = model.add_point_process(s, 0.5, "ExpSyn");
    model.set(syn, "tau", 2);
    model.record_v("v", s, 0.5);
    Simulation sim(model, mech::testing::catalogue(), SimOptions{20, 0.025, 6.3, -70});
    sim.queue_event(syn, 5, std::vector<double>{0.01});
    sim.run();
    const std::vector<double> first(sim.trace("v").begin(), sim.trace("v").end());
    sim.run();
    EXPECT_EQ(first, std::vector<double>(sim.trace("v").begin(), sim.trace("v").end()));
    EXPECT_GT(first[240], -69.9); // the event at 5 ms depolarised the soma
    sim.initialize();
    EXPECT_THROW(sim.queue_event(syn, -1, std::vector<double>{0.01}), Error);
}

} // namespace
