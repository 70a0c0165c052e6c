// ThreadBalance: contiguous ranges of partitions per thread, rebalanced from measured times.
#include "thread_balance.hpp"

#include <algorithm>
#include <numeric>

namespace mech::detail {

ThreadBalance::ThreadBalance(int threads, std::span<const double> weights)
    : weights_(weights.begin(), weights.end()) {
    const auto n = static_cast<int32_t>(weights.size());
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    begin_.assign(static_cast<std::size_t>(threads) + 1, n);
    begin_[0] = 0;
    double sum = 0;
    int32_t p = 0;
    for (int t = 1; t < threads; ++t) {
        // At least one partition each, and enough left for the threads after t.
        const int32_t first = begin_[t - 1] + 1, last = n - (threads - t);
        while (p < first || (p < last && sum + 0.5 * weights_[p] < total * t / threads))
            sum += weights_[p++];
        begin_[t] = p;
    }
}

bool ThreadBalance::split_within(double limit, std::vector<int32_t>& begin) const {
    const int n_threads = threads();
    const auto n = static_cast<int32_t>(weights_.size());
    begin.assign(static_cast<std::size_t>(n_threads) + 1, n);
    int32_t p = 0;
    for (int t = 0; t < n_threads; ++t) {
        begin[t] = p;
        const int32_t last = n - (n_threads - t - 1); // leave one for each thread after t
        double time = 0;
        do {
            time += weights_[p] / speed_[t];
            ++p;
        } while (p < last && time + weights_[p] / speed_[t] <= limit);
        if (time > limit)
            return false;
    }
    return p == n;
}

double ThreadBalance::longest(const std::vector<int32_t>& begin) const {
    double worst = 0;
    for (int t = 0; t < threads(); ++t) {
        double time = 0;
        for (int32_t p = begin[t]; p < begin[t + 1]; ++p)
            time += weights_[p] / speed_[t];
        worst = std::max(worst, time);
    }
    return worst;
}

void ThreadBalance::rebalance(std::span<const double> seconds) {
    const int n_threads = threads();
    if (n_threads < 2)
        return;
    speed_.resize(static_cast<std::size_t>(n_threads), 0.0);
    for (int t = 0; t < n_threads; ++t) {
        double time = 0, weight = 0;
        for (int32_t p = begin_[t]; p < begin_[t + 1]; ++p) {
            time += seconds[p];
            weight += weights_[p];
        }
        if (!(time > 0) || !(weight > 0))
            return; // nothing measured (a clock too coarse for this epoch)
        const double measured = weight / time;
        speed_[t] = speed_[t] > 0 ? 0.5 * (speed_[t] + measured) : measured;
    }
    // The shortest longest thread, by bisection on the limit (a split within a limit is found
    // greedily: each thread takes partitions while it stays within it).
    const double now = longest(begin_);
    double lo = 0, hi = now;
    for (int k = 0; k < 40; ++k) {
        const double mid = 0.5 * (lo + hi);
        (split_within(mid, candidate_) ? hi : lo) = mid;
    }
    if (split_within(hi, candidate_) && longest(candidate_) < 0.95 * now)
        begin_.swap(candidate_);
}

} // namespace mech::detail
