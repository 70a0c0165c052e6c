// See threshold_checks.hpp.
#include "threshold_checks.hpp"

namespace mech::detail {

// Cloned per instruction set: the baseline x86-64 target does not vectorise these loops.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx512f", "avx2", "default")))
#endif
bool ThresholdChecks::update_unless_rising(const double* __restrict v,
                                           const double* __restrict threshold,
                                           int64_t* __restrict above, int32_t n) {
    int64_t rising = 0;
    for (int32_t j = 0; j < n; ++j)
        rising |= static_cast<int64_t>(v[j] >= threshold[j]) & (above[j] ^ 1);
    if (rising != 0)
        return false;
    for (int32_t j = 0; j < n; ++j)
        above[j] = v[j] >= threshold[j];
    return true;
}

void ThresholdChecks::clear() {
    v_.clear();
    threshold_.clear();
    detector_.clear();
    above_.clear();
}

void ThresholdChecks::add(const double* v, double threshold, int32_t detector) {
    v_.push_back(v);
    threshold_.push_back(threshold);
    detector_.push_back(detector);
    above_.push_back(0);
}

void ThresholdChecks::reset(double v_init) {
    for (std::size_t k = 0; k < v_.size(); ++k)
        above_[k] = v_init >= threshold_[k] ? 1 : 0;
}

std::vector<ThresholdChecks::Run> ThresholdChecks::runs_of(std::span<const int32_t> checks) const {
    std::vector<Run> runs;
    for (const int32_t k : checks) {
        if (!runs.empty()) {
            Run& last = runs.back();
            const auto first = static_cast<std::size_t>(last.first);
            if (k == last.first + last.count &&
                v_[static_cast<std::size_t>(k)] == v_[first] + last.count) {
                ++last.count;
                continue;
            }
        }
        runs.push_back(Run{k, 1});
    }
    return runs;
}

} // namespace mech::detail
