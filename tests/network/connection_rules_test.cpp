// Connection rules: exact counts, autapses and multapses, distributions of weights and delays,
// and determinism: the same seed gives the same network whatever order projections are made in.
#include "library.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace mech {
namespace {

using network_test::hh_cell;

// Two populations "a" (gids 0..na-1) and "b" of hh cells with ExpSyn "syn".
Network two_populations(uint64_t seed, int na = 30, int nb = 20) {
    Network net(seed);
    net.add_population("a", na, hh_cell);
    net.add_population("b", nb, hh_cell);
    return net;
}

std::map<int, int> in_degrees(const Network& net) {
    std::map<int, int> deg;
    for (const auto& c : net.connections())
        ++deg[c.target];
    return deg;
}

TEST(ConnectionRules, AllToAllWithAndWithoutAutapses) {
    Network net = two_populations(1);
    net.connect(Projection{.source = "a", .target = "b", .receptor = "syn", .rule = AllToAll{}});
    EXPECT_EQ(net.connections().size(), 30u * 20u);
    net.connect(Projection{.source = "a", .target = "a", .receptor = "syn", .rule = AllToAll{}});
    EXPECT_EQ(net.connections().size(), 600u + 30u * 29u);
    net.connect(Projection{
        .source = "b", .target = "b", .receptor = "syn", .rule = AllToAll{}, .autapses = true});
    EXPECT_EQ(net.connections().size(), 600u + 870u + 400u);
    EXPECT_EQ(net.model().connections().size(), net.connections().size());
    for (const auto& c : net.connections()) {
        if (net.projections()[c.projection].source == "a" && c.target < 30) {
            EXPECT_NE(c.source, c.target);
        }
    }
}

TEST(ConnectionRules, FixedInDegreeGivesEveryTargetExactlyN) {
    Network net = two_populations(2);
    net.connect(Projection{.source = "a",
                           .target = "a",
                           .receptor = "syn",
                           .rule = FixedInDegree{.n = 7, .multapses = false}});
    const auto deg = in_degrees(net);
    ASSERT_EQ(deg.size(), 30u);
    for (const auto& [gid, n] : deg)
        EXPECT_EQ(n, 7) << "gid " << gid;
    std::set<std::pair<int, int>> pairs;
    for (const auto& c : net.connections()) {
        EXPECT_NE(c.source, c.target);
        EXPECT_TRUE(pairs.emplace(c.source, c.target).second) << "multapse " << c.source;
    }
}

TEST(ConnectionRules, FixedOutDegreeGivesEverySourceExactlyN) {
    Network net = two_populations(3);
    net.connect(Projection{
        .source = "a", .target = "b", .receptor = "syn", .rule = FixedOutDegree{.n = 5}});
    std::map<int, int> out;
    for (const auto& c : net.connections()) {
        ++out[c.source];
        EXPECT_GE(c.target, 30);
        EXPECT_LT(c.target, 50);
    }
    ASSERT_EQ(out.size(), 30u);
    for (const auto& [gid, n] : out)
        EXPECT_EQ(n, 5) << "gid " << gid;
}

TEST(ConnectionRules, FixedProbabilityCountIsBinomial) {
    Network net = two_populations(4, 100, 100);
    net.connect(Projection{
        .source = "a", .target = "b", .receptor = "syn", .rule = FixedProbability{.p = 0.1}});
    // 10000 pairs, p = 0.1: mean 1000, sd 30; 5 sd either side.
    EXPECT_NEAR(static_cast<double>(net.connections().size()), 1000.0, 150.0);
    Network none = two_populations(4, 10, 10);
    none.connect(Projection{
        .source = "a", .target = "b", .receptor = "syn", .rule = FixedProbability{.p = 0}});
    EXPECT_TRUE(none.connections().empty());
}

TEST(ConnectionRules, DistributionsStayInRangeWithTheRightMoments) {
    Network net = two_populations(5, 100, 100);
    net.connect(Projection{.source = "a",
                           .target = "b",
                           .receptor = "syn",
                           .rule = AllToAll{},
                           .weight = {Distribution::uniform(0.001, 0.002)},
                           .delay = Distribution::normal(2.0, 1.0).truncated(0.025)});
    double sum_w = 0, sum_d = 0;
    for (const auto& c : net.connections()) {
        ASSERT_EQ(c.weight.size(), 1u);
        EXPECT_GE(c.weight[0], 0.001);
        EXPECT_LT(c.weight[0], 0.002);
        EXPECT_GE(c.delay, 0.025);
        sum_w += c.weight[0];
        sum_d += c.delay;
    }
    const double n = static_cast<double>(net.connections().size());
    EXPECT_NEAR(sum_w / n, 0.0015, 0.00002);
    // A normal(2, 1) truncated at 0.025 has mean 2 + phi(a)/(1 - Phi(a)) with a = -1.975:
    // 2 + 0.0567/0.9759 = 2.058.
    EXPECT_NEAR(sum_d / n, 2.058, 0.03);
}

std::vector<NetConnection> of_projection(const Network& net, const std::string& target) {
    std::vector<NetConnection> out;
    for (const auto& c : net.connections())
        if (net.projections()[c.projection].target == target)
            out.push_back(c);
    return out;
}

bool same(const std::vector<NetConnection>& x, const std::vector<NetConnection>& y) {
    if (x.size() != y.size())
        return false;
    for (std::size_t k = 0; k < x.size(); ++k)
        if (x[k].source != y[k].source || x[k].target != y[k].target ||
            x[k].weight != y[k].weight || x[k].delay != y[k].delay)
            return false;
    return true;
}

TEST(ConnectionRules, SameSeedSameNetworkInAnyBuildOrder) {
    const Projection ab{.source = "a",
                        .target = "b",
                        .receptor = "syn",
                        .rule = FixedInDegree{.n = 10},
                        .weight = {Distribution::normal(1e-3, 2e-4).truncated(0)},
                        .delay = Distribution::uniform(1, 5)};
    const Projection aa{.source = "a",
                        .target = "a",
                        .receptor = "syn",
                        .rule = FixedProbability{.p = 0.2},
                        .delay = Distribution::exponential(2).truncated(0.1)};
    Network first = two_populations(42);
    first.connect(ab);
    first.connect(aa);
    Network second = two_populations(42);
    second.connect(aa);
    second.connect(ab);
    EXPECT_TRUE(same(of_projection(first, "b"), of_projection(second, "b")));
    EXPECT_TRUE(same(of_projection(first, "a"), of_projection(second, "a")));
    Network other = two_populations(43);
    other.connect(ab);
    EXPECT_FALSE(same(of_projection(first, "b"), of_projection(other, "b")));
    // A second projection between the same populations needs its own stream.
    Projection ab2 = ab;
    ab2.stream = 1;
    Network third = two_populations(42);
    third.connect(ab2);
    EXPECT_FALSE(same(of_projection(first, "b"), of_projection(third, "b")));
}

TEST(ConnectionRules, ExplicitListKeepsGivenValuesAndDrawsTheRest) {
    Network net = two_populations(6, 3, 2);
    net.connect(Projection{.source = "a",
                           .target = "b",
                           .receptor = "syn",
                           .rule = ExplicitList{{{0, 3, std::vector<double>{0.5}, 2.5},
                                                 {2, 4, std::nullopt, std::nullopt}}},
                           .weight = {Distribution::constant(0.25)},
                           .delay = Distribution::constant(1.5)});
    ASSERT_EQ(net.connections().size(), 2u);
    EXPECT_EQ(net.connections()[0].weight, std::vector<double>{0.5});
    EXPECT_EQ(net.connections()[0].delay, 2.5);
    EXPECT_EQ(net.connections()[1].weight, std::vector<double>{0.25});
    EXPECT_EQ(net.connections()[1].delay, 1.5);
    EXPECT_EQ(net.model().connections()[1].detector, "cell2");
}

TEST(ConnectionRules, ImpossibleRulesAreRejected) {
    Network net = two_populations(7, 3, 2);
    EXPECT_THROW(net.connect(Projection{.source = "a",
                                        .target = "a",
                                        .receptor = "syn",
                                        .rule = FixedInDegree{.n = 3, .multapses = false}}),
                 Error); // only 2 other cells
    EXPECT_THROW(
        net.connect(Projection{
            .source = "a", .target = "b", .receptor = "syn", .rule = FixedProbability{.p = 1.5}}),
        Error);
    EXPECT_THROW(Distribution::normal(0, -1), Error);
    EXPECT_THROW(Distribution::uniform(2, 1), Error);
    EXPECT_THROW(Distribution::constant(1).truncated(2).draw(0, 0, 0, 0), Error);
}

TEST(Network, SpikeSourcePopulationsDriveCellsAndReportSpikesByGid) {
    Network net(9);
    net.add_population("cells", 3, network_test::hh_cell);
    const int first = net.add_spike_sources(
        "poisson", 2, NetStim{.interval = 5, .number = 1e9, .start = 0, .noise = 1});
    EXPECT_EQ(first, 3);
    EXPECT_EQ(net.population("poisson"), std::make_pair(3, 2));
    net.connect(Projection{.source = "poisson",
                           .target = "cells",
                           .receptor = "syn",
                           .rule = AllToAll{},
                           .weight = {Distribution::constant(0.01)}});
    SimOptions o;
    o.tstop = 100;
    Simulation sim = net.simulate(network_test::library(), o);
    sim.run();
    const auto spikes = net.spikes(sim);
    ASSERT_FALSE(spikes.empty());
    EXPECT_TRUE(std::is_sorted(spikes.begin(), spikes.end(),
                               [](const Spike& a, const Spike& b) { return a.t < b.t; }));
    std::set<int> gids;
    for (const auto& s : spikes)
        gids.insert(s.gid);
    EXPECT_TRUE(gids.count(3) && gids.count(4)); // the sources
    EXPECT_TRUE(gids.count(0));                  // 0.01 uS at 2 x 200 Hz makes the hh cells fire
    // The two sources have different trains (streams keyed by gid).
    EXPECT_NE(
        std::vector<double>(sim.spikes("poisson[3]").begin(), sim.spikes("poisson[3]").end()),
        std::vector<double>(sim.spikes("poisson[4]").begin(), sim.spikes("poisson[4]").end()));
}

} // namespace
} // namespace mech
