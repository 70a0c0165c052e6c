// Epochs of cells that exchange nothing (no connections, events or gap junctions): the thread
// team steps to the end of the run without meeting. Spike times, t samples, final voltages,
// statistics and blow-up reports must be those of a one-thread run and of a step-by-step run,
// to the bit. (Networks: tests/network/epochs_test.cpp.)
#include "test_mechanisms.hpp"

#include "mech/mech.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace mech;

struct Result {
    std::vector<std::vector<double>> spikes;
    std::vector<double> t, v;
    int64_t steps = 0, spike_count = 0;
    bool operator==(const Result&) const = default;
};

// `cells` one-compartment hh cells (three of them with a passive dendrite, so that the chains
// differ in length), each driven by its own IClamp; spikes recorded, nothing else.
Model independent_cells(int cells) {
    Model model;
    for (int c = 0; c < cells; ++c) {
        const std::string name = "c" + std::to_string(c);
        const SectionId soma = model.add_section(name, {20, 20, 1, 1, 35.4});
        model.insert(soma, "hh");
        if (c % 97 == 5) {
            const SectionId dend = model.add_section(name + "_dend", {200, 2, 11, 1, 100});
            model.insert(dend, "pas");
            model.connect(dend, soma, 1.0);
        }
        model.add_stimulus(soma, 0.5, IClamp{0.2 + 0.1 * c / cells, 1.0, 40});
        model.record_spikes(name, soma, 0.5, 0);
    }
    return model;
}

int sections(int cells) {
    int n = cells;
    for (int c = 0; c < cells; ++c)
        n += c % 97 == 5 ? 1 : 0;
    return n;
}

Result run(const Model& model, int cells, int threads, int sample_every, bool step_by_step) {
    Simulation sim(model, mech::testing::catalogue(),
                   SimOptions{30, 0.025, 6.3, -65, sample_every, threads});
    if (step_by_step) {
        sim.initialize();
        while (sim.time() < 30 - 0.0125)
            sim.step();
    } else {
        sim.run();
    }
    Result r;
    for (int c = 0; c < cells; ++c) {
        const auto s = sim.spikes("c" + std::to_string(c));
        r.spikes.emplace_back(s.begin(), s.end());
    }
    for (int section = 0; section < sections(cells); ++section)
        r.v.push_back(sim.value(SectionId{section}, 0.5, "v"));
    const auto t = sim.trace("t");
    r.t.assign(t.begin(), t.end());
    r.steps = sim.stats().steps;
    r.spike_count = sim.stats().spikes;
    return r;
}

TEST(IndependentCells, ThreadsAndEpochsDoNotChangeResults) {
    const int cells = 300; // enough for whole 32-cell blocks per partition
    const Model model = independent_cells(cells);
    for (int sample_every : {1, 7}) {
        const Result one = run(model, cells, 1, sample_every, false);
        EXPECT_GT(one.spike_count, cells); // every cell fires, several times
        EXPECT_EQ(one.t.size(), static_cast<std::size_t>(1200 / sample_every + 1));
        for (int threads : {2, 3}) {
            EXPECT_EQ(run(model, cells, threads, sample_every, false), one)
                << threads << " threads, sample_every " << sample_every;
            EXPECT_EQ(run(model, cells, threads, sample_every, true), one)
                << threads << " threads step by step, sample_every " << sample_every;
        }
    }
}

// A blow-up is reported at the step where it happens, whichever way the run is stepped.
TEST(IndependentCells, BlowUpIsReportedAtTheSameTime) {
    auto message = [](int threads) {
        Model model = independent_cells(200);
        const SectionId bad = model.add_section("bad", {0.1, 0.1, 1, 1, 35.4});
        model.insert(bad, "pas");
        model.add_stimulus(bad, 0.5, IClamp{1e308, 5.0, 10}); // v overflows at t = 5 ms
        Simulation sim(model, mech::testing::catalogue(),
                       SimOptions{30, 0.025, 6.3, -65, 1, threads});
        try {
            sim.run();
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    const std::string one = message(1);
    EXPECT_NE(one.find("section 'bad'"), std::string::npos) << one;
    EXPECT_NE(one.find("t = 5.0"), std::string::npos) << one;
    EXPECT_EQ(message(2), one);
}

} // namespace
