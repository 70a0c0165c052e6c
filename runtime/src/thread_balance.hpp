// Which partitions each thread steps in an epoch: contiguous ranges, moved one partition at a
// time toward equal finishing times. Virtual CPUs are often unequal (a shared host, a busy
// sibling core): an even split waits for the slowest every epoch, while ranges that follow the
// measured times let the faster CPU take more. Results do not depend on the ranges: within an
// epoch the partitions exchange nothing, and each runs the same operations on any thread.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace mech::detail {

class ThreadBalance {
public:
    ThreadBalance() = default;
    // `threads` ranges over weights.size() partitions (weights: their expected costs, e.g. node
    // counts), split by weight as evenly as whole partitions allow; every range holds at least
    // one partition (threads <= weights.size()).
    ThreadBalance(int threads, std::span<const double> weights);

    int threads() const { return static_cast<int>(begin_.size()) - 1; }
    // Partitions [first, second) for `thread`.
    std::pair<int32_t, int32_t> range(int thread) const {
        return {begin_[thread], begin_[thread + 1]};
    }

    // After epochs in which partition p took seconds[p] in all on the thread that ran it: each
    // thread's speed (weight per second, averaged with the previous estimate) predicts how long
    // any split would take; the contiguous split whose longest thread is shortest replaces the
    // current one when it is predicted to be at least 5 % shorter (so that timing noise does
    // not make partitions go back and forth). Every thread keeps at least one partition, so
    // its speed stays known.
    void rebalance(std::span<const double> seconds);

private:
    // Whether a split exists whose longest thread (partition p on thread t taking
    // weights_[p] / speed_[t]) is at most `limit`; if so, its ranges are in `begin`.
    bool split_within(double limit, std::vector<int32_t>& begin) const;
    double longest(const std::vector<int32_t>& begin) const;

    std::vector<int32_t> begin_; // thread t steps partitions begin_[t] .. begin_[t + 1] - 1
    std::vector<double> weights_;
    std::vector<double> speed_;      // weight per second, per thread (0: not measured yet)
    std::vector<int32_t> candidate_; // rebalance's scratch: the step loop allocates nothing
};

} // namespace mech::detail
