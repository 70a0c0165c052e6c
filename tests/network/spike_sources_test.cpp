// NetStim and VecStim as built-in sources: NEURON's train rules, reproducible noise streams that
// do not depend on threads or on other sources, delivery through NetCon to the real ExpSyn.
#include "library.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace mech {
namespace {

using network_test::library;

std::vector<double> train(NetStim s, double tstop, int threads = 1) {
    Model m;
    m.add_spike_source("src", s);
    SimOptions o;
    o.tstop = tstop;
    o.threads = threads;
    Simulation sim(m, library(), o);
    sim.run();
    const auto sp = sim.spikes("src");
    return {sp.begin(), sp.end()};
}

TEST(NetStim, RegularTrainFollowsStartIntervalNumber) {
    const auto t = train(NetStim{.interval = 10, .number = 4, .start = 5, .noise = 0}, 100);
    EXPECT_EQ(t, (std::vector<double>{5, 15, 25, 35}));
}

TEST(NetStim, NegativeStartOrZeroNumberNeverFires) {
    EXPECT_TRUE(train(NetStim{.interval = 10, .number = 4, .start = -1}, 100).empty());
    EXPECT_TRUE(train(NetStim{.interval = 10, .number = 0, .start = 1}, 100).empty());
}

TEST(NetStim, StopsAtTstopAndRestartsOnInitialize) {
    Model m;
    m.add_spike_source("src", NetStim{.interval = 3, .number = 1e9, .start = 0});
    SimOptions o;
    o.tstop = 10;
    Simulation sim(m, library(), o);
    sim.run();
    const std::vector<double> first(sim.spikes("src").begin(), sim.spikes("src").end());
    EXPECT_EQ(first, (std::vector<double>{0, 3, 6, 9}));
    sim.run();
    EXPECT_EQ(std::vector<double>(sim.spikes("src").begin(), sim.spikes("src").end()), first);
}

TEST(NetStim, NoisyTrainIsReproducibleAndKeyedBySeedAndStream) {
    const NetStim s{.interval = 5, .number = 1e9, .start = 0, .noise = 1, .seed = 7, .stream = 3};
    const auto a = train(s, 2000);
    EXPECT_EQ(a, train(s, 2000, 2));
    NetStim other_seed = s;
    other_seed.seed = 8;
    EXPECT_NE(a, train(other_seed, 2000));
    NetStim other_stream = s;
    other_stream.stream = 4;
    EXPECT_NE(a, train(other_stream, 2000));

    // A second source in the model does not change the first one's train.
    Model m;
    m.add_spike_source("other", NetStim{.interval = 1, .number = 1e9, .start = 0, .noise = 1});
    m.add_spike_source("src", s);
    SimOptions o;
    o.tstop = 2000;
    Simulation sim(m, library(), o);
    sim.run();
    EXPECT_EQ(std::vector<double>(sim.spikes("src").begin(), sim.spikes("src").end()), a);
}

TEST(NetStim, PoissonTrainHasTheMeanRateAndExponentialIntervals) {
    const auto t =
        train(NetStim{.interval = 5, .number = 1e9, .start = 0, .noise = 1, .seed = 1}, 20000);
    ASSERT_GT(t.size(), 3000u);
    std::vector<double> isi;
    for (std::size_t k = 1; k < t.size(); ++k)
        isi.push_back(t[k] - t[k - 1]);
    const double mean = std::accumulate(isi.begin(), isi.end(), 0.0) / isi.size();
    double var = 0;
    for (double x : isi)
        var += (x - mean) * (x - mean);
    const double cv = std::sqrt(var / isi.size()) / mean;
    // About 4000 intervals: the standard error of the mean is 5/sqrt(4000) = 0.08 ms.
    EXPECT_NEAR(mean, 5.0, 0.4);
    EXPECT_NEAR(cv, 1.0, 0.08); // exponential: CV 1
}

TEST(NetStim, PartialNoiseKeepsAFloorOnTheInterval) {
    // noise 0.5: intervals (1 - 0.5)*10 + 0.5*10*E >= 5 ms, mean 10 ms.
    const auto t = train(NetStim{.interval = 10, .number = 500, .start = 20, .noise = 0.5}, 1e5);
    ASSERT_EQ(t.size(), 500u);
    EXPECT_GE(t.front(), 20.0);
    for (std::size_t k = 1; k < t.size(); ++k)
        EXPECT_GE(t[k] - t[k - 1], 5.0 - 1e-9);
    EXPECT_NEAR((t.back() - t.front()) / 499, 10.0, 1.0);
}

TEST(VecStim, FiresAtTheGivenTimesIntoExpSyn) {
    Model m;
    const SectionId soma = m.add_section("soma", SectionGeometry{.length = 20, .diam = 20});
    m.insert(soma, "pas");
    const PointProcessId syn = m.add_point_process(soma, 0.5, "ExpSyn");
    m.set(syn, "tau", 2.0);
    m.add_spike_source("train", VecStim{{1.0, 2.5, 2.5, 7.0}});
    m.connect_spikes("train", syn, {0.01}, 1.0);
    m.record("g", syn, "g");
    SimOptions o;
    o.tstop = 10;
    Simulation sim(m, library(), o);
    sim.run();
    EXPECT_EQ(std::vector<double>(sim.spikes("train").begin(), sim.spikes("train").end()),
              (std::vector<double>{1.0, 2.5, 2.5, 7.0}));
    EXPECT_EQ(sim.stats().events_delivered, 4);
    const auto g = sim.trace("g");
    // Events at 2.0 (0.01), 3.5 (two of 0.01), 8.0 (0.01); the sample at t = 2.0 is before the
    // step that delivers the first event, the next sample shows it decayed by one step.
    EXPECT_EQ(g[80], 0.0);
    EXPECT_NEAR(g[81], 0.01 * std::exp(-0.025 / 2), 1e-12);
    EXPECT_NEAR(g[141], 0.01 * std::exp(-1.525 / 2) + 0.02 * std::exp(-0.025 / 2), 1e-12);
}

TEST(SpikeSources, BadTrainsAreRejectedWhereTheyAreAdded) {
    Model m;
    EXPECT_THROW(m.add_spike_source("a", VecStim{{1, 0.5}}), Error);
    EXPECT_THROW(m.add_spike_source("b", VecStim{{-1}}), Error);
    EXPECT_THROW(m.add_spike_source("c", NetStim{.number = -1}), Error);
    EXPECT_THROW(m.add_spike_source("d", NetStim{.interval = NAN}), Error);
    m.add_spike_source("e", VecStim{});
    EXPECT_THROW(m.add_spike_source("e", VecStim{}), Error); // names are shared with detectors
    try {
        m.add_spike_source("f", VecStim{{2, 1}});
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("VecStim 'f'"), std::string::npos) << e.what();
    }
}

} // namespace
} // namespace mech
