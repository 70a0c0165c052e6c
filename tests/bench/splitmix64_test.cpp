// The splitmix64 generator and W3's wiring as WORKLOADS.md defines them.
#include "splitmix64.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace mech::workloads {
namespace {

TEST(SplitMix64, MatchesTheReferenceSequence) {
    // Vigna's splitmix64.c, seed 1234567: the published first outputs.
    SplitMix64 rng(1234567);
    EXPECT_EQ(rng.next(), 6457827717110365317ull);
    EXPECT_EQ(rng.next(), 3203168211198807973ull);
    EXPECT_EQ(rng.next(), 9817491932198370423ull);
}

TEST(SplitMix64, SeedOfW3GivesTheSameDrawsAsThePythonGenerator) {
    // bench/neuron/splitmix64.py, SplitMix64(12345).
    SplitMix64 rng(12345);
    EXPECT_EQ(rng.next(), 2454886589211414944ull);
    EXPECT_EQ(rng.next(), 3778200017661327597ull);
    EXPECT_EQ(rng.next(), 2205171434679333405ull);
}

TEST(SplitMix64, WrapsAroundModulo2To64) {
    // From seed 0 the state addition and both multiplications overflow.
    SplitMix64 rng(0);
    EXPECT_EQ(rng.next(), 16294208416658607535ull);
    EXPECT_EQ(rng.next(), 7960286522194355700ull);
}

TEST(W3Wiring, FirstThreeConnectionsAreThoseOfWorkloadsMd) {
    const auto c = w3_connections();
    ASSERT_GE(c.size(), 3u);
    EXPECT_EQ(c[0].src, 944);
    EXPECT_EQ(c[0].tgt, 0);
    EXPECT_DOUBLE_EQ(c[0].delay, 4.4);
    EXPECT_EQ(c[1].src, 405);
    EXPECT_EQ(c[1].tgt, 0);
    EXPECT_DOUBLE_EQ(c[1].delay, 2.675);
    EXPECT_EQ(c[2].src, 363);
    EXPECT_EQ(c[2].tgt, 0);
    EXPECT_DOUBLE_EQ(c[2].delay, 4.475);
}

TEST(W3Wiring, OutDegreesSpan68To136) {
    const auto c = w3_connections();
    const auto [lo, hi] = out_degree_range(c, 1000);
    EXPECT_EQ(lo, 68);
    EXPECT_EQ(hi, 136);
}

TEST(W3Wiring, EveryCellGetsExactly100InputsFromOthersOnTheDtGrid) {
    const auto c = w3_connections();
    ASSERT_EQ(c.size(), 100000u);
    std::vector<int> in_degree(1000, 0);
    for (const auto& conn : c) {
        ++in_degree[static_cast<std::size_t>(conn.tgt)];
        EXPECT_NE(conn.src, conn.tgt);
        ASSERT_GE(conn.delay, 1.0);
        ASSERT_LE(conn.delay, 5.0);
        const double steps = (conn.delay - 1.0) / 0.025;
        EXPECT_NEAR(steps, std::round(steps), 1e-9);
    }
    for (int n : in_degree)
        EXPECT_EQ(n, 100);
    // Generation order: targets ascending, 100 each.
    EXPECT_EQ(c[99].tgt, 0);
    EXPECT_EQ(c[100].tgt, 1);
}

TEST(W3Wiring, SmallNetworksNeverConnectACellToItself) {
    for (const auto& conn : w3_connections(2, 50, 7))
        EXPECT_NE(conn.src, conn.tgt);
}

} // namespace
} // namespace mech::workloads
