// Spike detection's test each step: which watched voltages crossed their threshold upwards.
// Checks on consecutive nodes (the somas of a population, interleave_cells.hpp) are tested as
// runs, in loops the compiler vectorises; a spike is rare, and only a run that has one is
// walked check by check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace mech::detail {

class ThresholdChecks {
public:
    // Checks first .. first+count-1, watching voltages v(first) + 0 .. count-1.
    struct Run {
        int32_t first = 0, count = 0;
    };

    void clear();
    void add(const double* v, double threshold, int32_t detector);
    std::size_t size() const { return v_.size(); }
    const double* watched(std::size_t k) const { return v_[k]; }
    // Before a run: a check starts above its threshold if v_init is.
    void reset(double v_init);
    // The checks (in the given order) grouped into runs.
    std::vector<Run> runs_of(std::span<const int32_t> checks) const;

    // Tests the runs in order; emit(detector) for each upward crossing, in check order.
    template <typename Emit> void test(std::span<const Run> runs, Emit&& emit) {
        for (const Run& run : runs) {
            const auto k = static_cast<std::size_t>(run.first);
            const double* __restrict v = v_[k];
            const double* __restrict threshold = threshold_.data() + k;
            uint8_t* __restrict above = above_.data() + k;
            unsigned rising = 0;
            for (int32_t j = 0; j < run.count; ++j)
                rising |= static_cast<unsigned>(v[j] >= threshold[j]) & (above[j] ^ 1U);
            if (rising == 0) {
                for (int32_t j = 0; j < run.count; ++j)
                    above[j] = v[j] >= threshold[j];
                continue;
            }
            for (int32_t j = 0; j < run.count; ++j) {
                const bool now = v[j] >= threshold[j];
                if (now && above[j] == 0)
                    emit(detector_[k + static_cast<std::size_t>(j)]);
                above[j] = now;
            }
        }
    }

private:
    std::vector<const double*> v_;
    std::vector<double> threshold_;
    std::vector<int32_t> detector_;
    std::vector<uint8_t> above_;
};

} // namespace mech::detail
