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

void ThreadBalance::rebalance(std::span<const double> seconds) {
    const int n_threads = threads();
    std::vector<double> time(n_threads, 0.0), weight(n_threads, 0.0);
    for (int t = 0; t < n_threads; ++t)
        for (int32_t p = begin_[t]; p < begin_[t + 1]; ++p) {
            time[t] += seconds[p];
            weight[t] += weights_[p];
        }
    for (int t = 0; t + 1 < n_threads; ++t) {
        const bool left_longer = time[t] > time[t + 1];
        const int from = left_longer ? t : t + 1, to = left_longer ? t + 1 : t;
        if (begin_[from + 1] - begin_[from] < 2 || weight[to] <= 0)
            continue;
        // The partition at the boundary.
        const int32_t p = left_longer ? begin_[t + 1] - 1 : begin_[t + 1];
        const double cost_here = seconds[p];
        const double cost_there = weights_[p] * time[to] / weight[to];
        const double longer = std::max(time[from], time[to]);
        const double after = std::max(time[from] - cost_here, time[to] + cost_there);
        if (after + 0.25 * cost_here < longer)
            begin_[t + 1] += left_longer ? -1 : 1;
    }
}

} // namespace mech::detail
