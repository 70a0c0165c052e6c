// See threshold_checks.hpp.
#include "threshold_checks.hpp"

namespace mech::detail {

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
