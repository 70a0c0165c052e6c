// Epochs (runtime/src/epochs.cpp): the threads meet only every min-delay, each with its own event
// queue. A network whose events cross partitions every way the runtime sends them (threshold
// spikes of hh cells, net_event of an artificial cell between grid times, WATCH and self-events
// of LIF, built-in sources) must give, to the bit, the results of a run whose threads meet after
// every step (Simulation::step), on 1, 2 or 3 threads. An epoch one step too long delivers the
// events sent in its first step late, and the comparison fails.
#include "library.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace mech::network_test {
namespace {

constexpr double dt = 0.025;
constexpr double tstop = 60;
constexpr double min_delay = 40 * dt; // every cell's first connection: 40 steps exactly
constexpr int hh_cells = 150;         // several 32-cell blocks in each of three partitions

struct Result {
    std::vector<std::vector<double>> spikes;
    std::vector<std::vector<double>> traces;
    int64_t spike_count = 0, events = 0, steps = 0;
    bool operator==(const Result&) const = default;
};

// hh cells in a ring-like random graph (each to the cells 1, 37 and 71 ahead, delays of exactly
// 40 and 41 steps and 2.5 ms), three IntFire1 cells fed by built-in sources between grid times,
// two passive cells made LIF neurons by an IClamp, all feeding the hh cells' ExpSyns.
// `stimulus_column`: also record an IClamp's current, which the caller samples every step.
// Twins: two identical hh cells under the same current, one in the first partition and one in
// the last, firing at the same times; the late one's detector is made first. Their events reach
// the same synapses at the same times with different weights, so the order of the sums (that
// of a one-thread run: detector order) shows in the last bits.
SectionId twin(Model& model, const std::string& name) {
    const SectionId soma = model.add_section(
        name, SectionGeometry{.length = 20, .diam = 20, .nseg = 1, .cm = 1, .Ra = 35.4});
    model.insert(soma, "hh");
    model.add_stimulus(soma, 0.5, IClamp{0.5, 1.0, tstop});
    return soma;
}

Model network(bool stimulus_column) {
    Model model;
    std::vector<PointProcessId> syn;
    const SectionId twin_early = twin(model, "twin_early");
    for (int c = 0; c < hh_cells; ++c) {
        const CellPorts cell = hh_cell(model, c);
        syn.push_back(cell.receptors.at("syn"));
        if (c % 25 == 0) // drives the activity
            model.add_stimulus(cell.locations.at("soma").section, 0.5, IClamp{0.3, 1.0, 5});
    }
    for (int c = 0; c < hh_cells; ++c) {
        const std::string from = fmt::format("cell{}", c);
        model.connect_spikes(from, syn[(c + 1) % hh_cells], {0.02}, min_delay);
        model.connect_spikes(from, syn[(c + 37) % hh_cells], {0.01}, min_delay + dt);
        model.connect_spikes(from, syn[(c + 71) % hh_cells], {0.015}, 2.5);
    }
    for (int k = 0; k < 3; ++k) {
        const PointProcessId fire = model.add_artificial_cell("IntFire1");
        model.set(fire, "tau", 4.0);
        model.set(fire, "refrac", 3.0);
        const std::string source = fmt::format("drive{}", k);
        model.add_spike_source(source, NetStim{1.9 + 0.3 * k, 20, 0.013 + 0.0071 * k, 0});
        model.connect_spikes(source, fire, {0.6}, 1.0);
        const std::string out = fmt::format("fire{}", k);
        model.record_spikes(out, fire);
        for (int j = 0; j < 4; ++j)
            model.connect_spikes(out, syn[(40 * k + 11 * j) % hh_cells], {0.03}, min_delay);
    }
    for (int k = 0; k < 2; ++k) {
        const CellPorts cell = passive_cell(model, hh_cells + k);
        const SectionId soma = cell.locations.at("soma").section;
        const PointProcessId lif = model.add_point_process(soma, 0.5, "LIF");
        model.set(lif, "vthresh", -55.0);
        const StimulusId clamp = model.add_stimulus(soma, 0.5, IClamp{0.4 + 0.1 * k, 2.0, 50});
        const std::string out = fmt::format("lif{}", k);
        model.record_spikes(out, lif);
        for (int j = 0; j < 3; ++j)
            model.connect_spikes(out, syn[(73 * k + 29 * j + 5) % hh_cells], {0.02}, min_delay);
        if (stimulus_column && k == 0)
            model.record("clamp_i", clamp, "i");
    }
    const SectionId twin_late = twin(model, "twin_late");
    model.record_spikes("twin_late", twin_late, 0.5, 10.0);
    model.record_spikes("twin_early", twin_early, 0.5, 10.0);
    for (int j = 0; j < 6; ++j) {
        model.connect_spikes("twin_early", syn[25 * j + 3], {0.0131}, min_delay);
        model.connect_spikes("twin_late", syn[25 * j + 3], {0.0177}, min_delay);
    }
    model.record("v_first", SectionId{1}, 0.5, "v");
    model.record("v_last", SectionId{hh_cells}, 0.5, "v");
    model.record("v_twin_target", SectionId{29}, 0.5, "v");
    model.record("g_mid", syn[hh_cells / 2], "g");
    return model;
}

std::vector<std::string> detectors() {
    std::vector<std::string> names;
    for (int c = 0; c < hh_cells + 2; ++c)
        names.push_back(fmt::format("cell{}", c));
    for (int k = 0; k < 3; ++k)
        names.push_back(fmt::format("fire{}", k));
    for (int k = 0; k < 2; ++k)
        names.push_back(fmt::format("lif{}", k));
    names.push_back("twin_early");
    names.push_back("twin_late");
    return names;
}

enum class Stepping { Run, StepByStep, Pieces };

void advance(Simulation& sim, Stepping how, double until) {
    switch (how) {
    case Stepping::Run:
        sim.run();
        break;
    case Stepping::StepByStep:
        while (sim.time() < until - dt / 2)
            sim.step();
        break;
    case Stepping::Pieces: // as mechsim's progress display: advance_to in uneven pieces
        for (double to = 0.3; sim.time() < until - dt / 2; to += 7.77)
            sim.advance_to(std::min(to, until));
        break;
    }
}

Result run(const Model& model, int threads, Stepping how) {
    SimOptions o;
    o.tstop = tstop;
    o.dt = dt;
    o.threads = threads;
    Simulation sim(model, library(), o);
    sim.initialize();
    advance(sim, how, tstop);
    Result r;
    for (const auto& name : detectors()) {
        const auto s = sim.spikes(name);
        r.spikes.emplace_back(s.begin(), s.end());
    }
    for (const auto& column : sim.column_names()) {
        const auto tr = sim.trace(column);
        r.traces.emplace_back(tr.begin(), tr.end());
    }
    r.spike_count = sim.stats().spikes;
    r.events = sim.stats().events_delivered;
    r.steps = sim.stats().steps;
    return r;
}

class Epochs : public ::testing::TestWithParam<bool> {};

TEST_P(Epochs, ResultsAreThoseOfARunWhoseThreadsMeetEveryStep) {
    const Model model = network(GetParam());
    const Result reference = run(model, 1, Stepping::StepByStep);
    // The network is busy: most cells fire, the IntFire1 and LIF cells too.
    int firing = 0;
    for (const auto& s : reference.spikes)
        firing += s.empty() ? 0 : 1;
    EXPECT_GT(firing, hh_cells * 3 / 4);
    for (std::size_t k = hh_cells + 2; k < reference.spikes.size(); ++k)
        EXPECT_GE(reference.spikes[k].size(), 3u) << detectors()[k];
    EXPECT_EQ(reference.spikes[reference.spikes.size() - 2], reference.spikes.back()); // twins
    EXPECT_GT(reference.events, 1000);
    EXPECT_EQ(reference.steps, 2400);
    for (const auto& trace : reference.traces) { // t, the voltages, g, the clamp's current
        ASSERT_EQ(trace.size(), 2401u);
        EXPECT_NE(*std::max_element(trace.begin(), trace.end()), trace.front());
    }
    for (int threads : {1, 2, 3}) {
        EXPECT_EQ(run(model, threads, Stepping::Run), reference) << threads << " threads, run()";
        EXPECT_EQ(run(model, threads, Stepping::Pieces), reference)
            << threads << " threads, advance_to in pieces";
        if (threads > 1) {
            EXPECT_EQ(run(model, threads, Stepping::StepByStep), reference)
                << threads << " threads, step by step";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Columns, Epochs, ::testing::Values(false, true), [](const auto& info) {
    return info.param ? std::string("WithAStimulusColumn") : std::string("CellColumnsOnly");
});

// A tie at exactly t = 5 ms at one IntFire1: the self-event that ends its refractory period
// (it fired at 2 ms, refrac 3 ms; sent in step 80) and a network event of weight 2 (a spike at
// 1.96875 ms, found in step 79, delay 3.03125 ms). Both steps lie in one 39-step epoch, so the
// self-event reaches the queue first, yet NEURON sends the network event first (when the spike
// is found): the cell, still refractory, ignores it. The moment each was sent
// (EventQueue::push) gives every run that order.
TEST(EpochTies, EqualTimesGoInTheOrderOfAStepByStepRun) {
    Model model;
    const PointProcessId cell = model.add_artificial_cell("IntFire1");
    model.set(cell, "refrac", 3.0);
    model.record_spikes("cell", cell);
    model.add_spike_source("first", VecStim{{1.0}});
    model.add_spike_source("second", VecStim{{1.96875}});
    model.connect_spikes("first", cell, {2.0}, 1.0);
    model.connect_spikes("second", cell, {2.0}, 3.03125);
    for (int threads : {1, 2}) // no cells: one partition, whatever the thread count
        for (Stepping how : {Stepping::Run, Stepping::StepByStep, Stepping::Pieces}) {
            SimOptions o;
            o.tstop = 10;
            o.dt = dt;
            o.threads = threads;
            Simulation sim(model, library(), o);
            sim.initialize();
            advance(sim, how, o.tstop);
            const auto spikes = sim.spikes("cell");
            EXPECT_EQ(std::vector<double>(spikes.begin(), spikes.end()), std::vector<double>{2.0})
                << threads << " threads, stepping " << static_cast<int>(how);
        }
}

// A connection may not be shorter than a step: its event could be due within the step that
// sent it, before the threads exchange spikes.
TEST(EpochDelays, ADelayShorterThanTheStepIsRejected) {
    Model model;
    hh_cell(model, 0);
    const CellPorts b = hh_cell(model, 1);
    model.connect_spikes("cell0", b.receptors.at("syn"), {0.01}, dt / 2);
    SimOptions o;
    o.dt = dt;
    try {
        Simulation sim(model, library(), o);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("shorter than the time step"), std::string::npos)
            << e.what();
    }
}

} // namespace
} // namespace mech::network_test
