// Runtime parts behind networks, with the hand-written test mechanisms: built-in sources against
// rt's self-event NetStim, run statistics, gap-junction handles and records, the random keys.
#include "test_mechanisms.hpp"

#include "mech/mech.hpp"

#include <gtest/gtest.h>

#include <set>

namespace {

using namespace mech;

TEST(BuiltInSources, NetStimMatchesTheSelfEventArtificialCell) {
    // The same train from the native NetStim and from a NET_RECEIVE-driven artificial cell.
    Model m;
    const PointProcessId cell = m.add_artificial_cell("RegularStim");
    m.set(cell, "start", 2);
    m.set(cell, "interval", 3.5);
    m.set(cell, "number", 5);
    m.record_spikes("artificial", cell);
    m.add_spike_source("native", NetStim{.interval = 3.5, .number = 5, .start = 2});
    SimOptions o;
    o.tstop = 40;
    Simulation sim(m, mech::testing::catalogue(), o);
    sim.run();
    const auto a = sim.spikes("artificial"), n = sim.spikes("native");
    ASSERT_EQ(n.size(), 5u);
    EXPECT_TRUE(std::equal(a.begin(), a.end(), n.begin(), n.end()));
}

TEST(RunStats, CountStepsEventsAndSpikesAndTimeOnlyWhenProfiling) {
    Model m;
    const SectionId soma = m.add_section("soma", SectionGeometry{.length = 20, .diam = 20});
    m.insert(soma, "pas");
    const PointProcessId syn = m.add_point_process(soma, 0.5, "ExpSyn");
    m.add_spike_source("src", VecStim{{1, 2, 3}});
    m.connect_spikes("src", syn, {0.001}, 1);
    m.connect_spikes("src", syn, {0.001}, 2);
    SimOptions o;
    o.tstop = 10;
    Simulation sim(m, mech::testing::catalogue(), o);
    sim.run();
    EXPECT_EQ(sim.stats().steps, 400);
    EXPECT_EQ(sim.stats().spikes, 3);
    EXPECT_EQ(sim.stats().events_delivered, 6);
    EXPECT_EQ(sim.stats().step_seconds, 0.0);
    o.profile = true;
    Simulation profiled(m, mech::testing::catalogue(), o);
    profiled.run();
    EXPECT_GT(profiled.stats().step_seconds, 0.0);
    EXPECT_LE(profiled.stats().event_seconds, profiled.stats().step_seconds);
    profiled.initialize();
    EXPECT_EQ(profiled.stats().events_delivered, 0); // counts restart with each run
}

TEST(GapJunctionModel, HandlesAndRecordedNamesAreChecked) {
    Model m;
    const SectionId a = m.add_section("a");
    const SectionId b = m.add_section("b");
    EXPECT_THROW(m.add_gap_junction(a, 0.5, SectionId{7}, 0.5, GapJunction{}), Error);
    EXPECT_THROW(m.add_gap_junction(a, 1.5, b, 0.5, GapJunction{}), Error);
    const GapJunctionId j = m.add_gap_junction(a, 0.5, b, 0.5, GapJunction{.g = 0.01});
    EXPECT_THROW(m.record("x", GapJunctionId{3}, "i"), Error);
    EXPECT_THROW(m.record("x", j, "v"), Error);
    m.record("gi", j, "i");
    Simulation sim(m, mech::testing::catalogue(), SimOptions{.tstop = 1});
    sim.run();
    for (double i : sim.trace("gi"))
        EXPECT_EQ(i, 0.0); // both ends at v_init: no junction current
}

TEST(RandomKeys, AreAPureFunctionOfTheirKeysAndSpreadWell) {
    EXPECT_EQ(random::hash_keys(1, 2, 3, 4), random::hash_keys(1, 2, 3, 4));
    std::set<uint64_t> seen;
    for (uint64_t a = 0; a < 20; ++a)
        for (uint64_t b = 0; b < 20; ++b)
            seen.insert(random::hash_keys(0, a, b, 0));
    EXPECT_EQ(seen.size(), 400u);
    EXPECT_NE(random::hash_keys(0, 1, 2, 0), random::hash_keys(0, 2, 1, 0)); // order matters
    EXPECT_GT(random::to_unit_open0(0), 0.0);
    EXPECT_LE(random::to_unit_open0(~0ull), 1.0);
}

} // namespace
