// The W3 benchmark network (1000 hh cells, ExpSyn tau 2 e 0, 100 inputs each from the
// splitmix64 recipe of WORKLOADS.md, cells 0-9 driven by NetStims) built with the Network API:
// 1 s twice gives bit-identical spikes, 2 threads the same as 1, and the first 100 ms agree with
// NEURON 8.2's raster (exact rates) within one step. Also a counter-based random network.
#include "library.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

namespace mech {
namespace {

using network_test::hh_cell;
using network_test::library;

// WORKLOADS.md's sequential generator (seed state 12345), written out here from the recipe.
std::vector<ExplicitConnection> w3_recipe() {
    uint64_t state = 12345;
    auto next = [&] {
        state += 0x9E3779B97F4A7C15ull;
        uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    };
    std::vector<ExplicitConnection> out;
    for (int tgt = 0; tgt < 1000; ++tgt)
        for (int k = 0; k < 100; ++k) {
            int src = 0;
            do {
                src = static_cast<int>(next() % 1000);
            } while (src == tgt);
            const double delay = 1.0 + static_cast<double>(next() % 161) * 0.025;
            out.push_back(ExplicitConnection{src, tgt, std::nullopt, delay});
        }
    return out;
}

Network w3() {
    Network net(12345);
    net.add_population("cells", 1000, hh_cell);
    net.connect(Projection{.source = "cells",
                           .target = "cells",
                           .receptor = "syn",
                           .rule = ExplicitList{w3_recipe()},
                           .weight = {Distribution::constant(0.0004)}});
    net.add_drive(GidSet::range(0, 10), "syn",
                  NetStim{.interval = 10, .number = 1e9, .start = 5, .noise = 0}, {0.05}, 1.0);
    return net;
}

std::vector<Spike> run(const Network& net, double tstop, int threads) {
    SimOptions o;
    o.tstop = tstop;
    o.threads = threads;
    Simulation sim = net.simulate(library(), o);
    sim.run();
    return net.spikes(sim);
}

std::map<int, std::vector<double>> by_gid(const std::vector<Spike>& spikes, double until) {
    std::map<int, std::vector<double>> out;
    for (const auto& s : spikes)
        if (s.t <= until)
            out[s.gid].push_back(s.t);
    return out;
}

TEST(W3Network, RecipeMatchesWorkloadsAndBuildsTheNetwork) {
    const auto conns = w3_recipe();
    ASSERT_EQ(conns.size(), 100000u);
    EXPECT_EQ(conns[0].source, 944);
    EXPECT_DOUBLE_EQ(*conns[0].delay, 4.4);
    EXPECT_EQ(conns[1].source, 405);
    EXPECT_DOUBLE_EQ(*conns[1].delay, 2.675);
    EXPECT_EQ(conns[2].source, 363);
    EXPECT_DOUBLE_EQ(*conns[2].delay, 4.475);
    const Network net = w3();
    EXPECT_EQ(net.connections().size(), 100010u); // and the 10 drives
}

TEST(W3Network, OneSecondIsDeterministicOnAnyThreadCountAndAgreesWithNeuron) {
    const Network net = w3();
    const auto first = run(net, 1000, 1);
    const auto second = run(net, 1000, 1);
    const auto threaded = run(net, 1000, 2);
    ASSERT_GT(first.size(), 20000u);
    EXPECT_EQ(first, second);
    EXPECT_EQ(first, threaded);
    // The drives' first spikes reach cells 0-9, which fire at 6.475 ms as in NEURON.
    EXPECT_NEAR(first.front().t, 6.475, 1e-9); // t is built from half steps, as in NEURON

    // NEURON 8.2.2, exact hh rates: every cell's spikes in the first 100 ms within 0.025 ms.
    std::ifstream in(std::string(MECH_REFERENCE_DIR) + "/W3_spikes.csv");
    ASSERT_TRUE(in) << "missing W3_spikes.csv";
    std::string line;
    std::getline(in, line);
    std::vector<Spike> reference;
    while (std::getline(in, line)) {
        std::istringstream row(line);
        Spike s;
        char comma = 0;
        row >> s.gid >> comma >> s.t;
        reference.push_back(s);
    }
    ASSERT_EQ(reference.size(), 26440u);
    const auto ref = by_gid(reference, 100.0);
    const auto ours = by_gid(first, 100.0 + 0.025);
    std::size_t compared = 0;
    for (const auto& [gid, times] : ref) {
        ASSERT_TRUE(ours.count(gid)) << "gid " << gid << " never fires before 100 ms";
        const auto& mine = ours.at(gid);
        ASSERT_GE(mine.size(), times.size()) << "gid " << gid;
        for (std::size_t k = 0; k < times.size(); ++k, ++compared)
            ASSERT_NEAR(mine[k], times[k], 0.025 + 1e-9) << "gid " << gid << " spike " << k;
        for (std::size_t k = times.size(); k < mine.size(); ++k)
            EXPECT_GT(mine[k], 100.0 - 0.025) << "gid " << gid << ": an extra spike";
    }
    for (const auto& [gid, times] : ours)
        EXPECT_TRUE(ref.count(gid) || times.front() > 100.0 - 0.025) << "gid " << gid;
    EXPECT_GT(compared, 1000u);
}

TEST(RandomNetwork, CounterBasedFixedInDegreeIsDeterministicAndThreadIndependent) {
    auto build = [] {
        Network net(2024);
        net.add_population("cells", 1000, hh_cell);
        net.connect(Projection{.source = "cells",
                               .target = "cells",
                               .receptor = "syn",
                               .rule = FixedInDegree{.n = 100},
                               .weight = {Distribution::constant(0.0004)},
                               .delay = Distribution::uniform(1, 5)});
        net.add_drive(GidSet::range(0, 10), "syn",
                      NetStim{.interval = 10, .number = 1e9, .start = 5, .noise = 0.5}, {0.05},
                      1.0);
        return net;
    };
    const Network a = build(), b = build();
    ASSERT_EQ(a.connections().size(), 100010u);
    const auto one = run(a, 200, 1);
    ASSERT_GT(one.size(), 1000u);
    EXPECT_EQ(one, run(b, 200, 1));
    EXPECT_EQ(one, run(a, 200, 2));
}

} // namespace
} // namespace mech
