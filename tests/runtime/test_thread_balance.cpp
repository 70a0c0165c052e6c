// ThreadBalance: contiguous ranges of partitions per thread, split by weight, then moved toward
// equal finishing times on CPUs of unequal speed, without going back and forth under noise.
#include "thread_balance.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace {

using mech::detail::ThreadBalance;

std::vector<int32_t> sizes(const ThreadBalance& b) {
    std::vector<int32_t> out;
    for (int t = 0; t < b.threads(); ++t)
        out.push_back(b.range(t).second - b.range(t).first);
    return out;
}

// The epoch's times when thread t runs a unit of weight in 1/speed[t] seconds; with noise, each
// thread's whole epoch is slower or faster by up to that fraction (the host's doing).
std::vector<double> measure(const ThreadBalance& b, const std::vector<double>& weights,
                            const std::vector<double>& speed, std::mt19937* rng = nullptr,
                            double noise = 0) {
    std::uniform_real_distribution<double> jitter(1 - noise, 1 + noise);
    std::vector<double> seconds(weights.size());
    for (int t = 0; t < b.threads(); ++t) {
        const double factor = rng ? jitter(*rng) : 1.0;
        for (int32_t p = b.range(t).first; p < b.range(t).second; ++p)
            seconds[p] = weights[p] / speed[t] * factor;
    }
    return seconds;
}

double longest(const ThreadBalance& b, const std::vector<double>& weights,
               const std::vector<double>& speed) {
    double worst = 0;
    for (int t = 0; t < b.threads(); ++t) {
        double sum = 0;
        for (int32_t p = b.range(t).first; p < b.range(t).second; ++p)
            sum += weights[p] / speed[t];
        worst = std::max(worst, sum);
    }
    return worst;
}

TEST(ThreadBalance, StartsWithRangesOfEqualWeight) {
    const std::vector<double> equal(16, 192.0);
    EXPECT_EQ(sizes(ThreadBalance(2, equal)), (std::vector<int32_t>{8, 8}));
    EXPECT_EQ(sizes(ThreadBalance(3, equal)), (std::vector<int32_t>{5, 6, 5}));
    // A heavy first partition: the first thread takes less.
    const std::vector<double> heavy{800, 100, 100, 100, 100, 100, 100, 100};
    EXPECT_EQ(sizes(ThreadBalance(2, heavy)), (std::vector<int32_t>{1, 7}));
    // Every thread gets one partition even when weights say otherwise.
    const std::vector<double> skewed{1, 1, 1000};
    EXPECT_EQ(sizes(ThreadBalance(3, skewed)), (std::vector<int32_t>{1, 1, 1}));
    EXPECT_EQ(sizes(ThreadBalance(1, skewed)), (std::vector<int32_t>{3}));
}

// One CPU at 0.7 of the other's speed (as measured on this project's shared VM): the ranges
// settle, within a few epochs, where the longer thread is shortest.
TEST(ThreadBalance, FollowsUnequalCpusToTheBestSplit) {
    const std::vector<double> weights(16, 1.0);
    for (const std::vector<double>& speed :
         {std::vector<double>{1.0, 0.7}, std::vector<double>{0.7, 1.0},
          std::vector<double>{1.0, 0.6, 0.8}}) {
        ThreadBalance b(static_cast<int>(speed.size()), weights);
        for (int epoch = 0; epoch < 20; ++epoch)
            b.rebalance(measure(b, weights, speed));
        // The best contiguous split, by brute force over 2 or 3 threads.
        double best = 1e9;
        const int n = 16;
        if (speed.size() == 2) {
            for (int a = 1; a < n; ++a)
                best = std::min(best, std::max(a / speed[0], (n - a) / speed[1]));
        } else {
            for (int a = 1; a < n; ++a)
                for (int c = 1; a + c < n; ++c)
                    best = std::min(best,
                                    std::max({a / speed[0], c / speed[1], (n - a - c) / speed[2]}));
        }
        EXPECT_NEAR(longest(b, weights, speed), best, 1e-9)
            << "speeds " << speed[0] << ", " << speed[1];
        const auto settled = sizes(b);
        b.rebalance(measure(b, weights, speed));
        EXPECT_EQ(sizes(b), settled); // and stay there
    }
}

// Weights are only a first guess: here the first eight partitions cost three times their
// weight (hh cells next to passive ones, say). The measured times still lead to a split within
// one partition of the best.
TEST(ThreadBalance, LearnsCostsThatTheWeightsDoNotShow) {
    const std::vector<double> weights(16, 1.0);
    std::vector<double> cost(16, 1.0);
    std::fill(cost.begin(), cost.begin() + 8, 3.0);
    const std::vector<double> speed{1.0, 1.0};
    ThreadBalance b(2, weights);
    for (int epoch = 0; epoch < 40; ++epoch)
        b.rebalance(measure(b, cost, speed));
    double best = 1e9;
    for (int a = 1; a < 16; ++a) {
        double left = 0, right = 0;
        for (int p = 0; p < 16; ++p)
            (p < a ? left : right) += cost[p];
        best = std::min(best, std::max(left, right));
    }
    EXPECT_LE(longest(b, cost, speed), best + 3.0); // best 17 (5 / 11); one partition costs <= 3
}

// With threads' epochs 8 % slower or faster at random, on equal CPUs the ranges stay near even
// and seldom move, even when a partition is only 3 % of a thread's time.
TEST(ThreadBalance, NoiseDoesNotMakePartitionsWander) {
    const std::vector<double> weights(64, 1.0);
    const std::vector<double> speed{1.0, 1.0};
    ThreadBalance b(2, weights);
    std::mt19937 rng(7);
    int moves = 0;
    auto before = sizes(b);
    for (int epoch = 0; epoch < 200; ++epoch) {
        b.rebalance(measure(b, weights, speed, &rng, 0.08));
        const auto now = sizes(b);
        EXPECT_GE(now[0], 30);
        EXPECT_LE(now[0], 34);
        moves += now != before ? 1 : 0;
        before = now;
    }
    EXPECT_LE(moves, 10);
}

} // namespace
