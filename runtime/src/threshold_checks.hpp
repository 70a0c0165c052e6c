// Spike detection's test each step: which watched voltages crossed their threshold upwards.
// Checks on consecutive nodes (the somas of a population, interleave_cells.hpp) are tested as
// runs, in loops the compiler vectorises; a spike is rare, and only the block of a run that
// has one is walked check by check.
#pragma once

#include <algorithm>
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
        for (const Run& run : runs)
            for (int32_t b = 0; b < run.count; b += block) {
                const auto k = static_cast<std::size_t>(run.first + b);
                const int32_t n = std::min(block, run.count - b);
                test_block(v_[static_cast<std::size_t>(run.first)] + b, k, n, emit);
            }
    }

private:
    // Checks per vectorised test: a population of 1000 hh cells has a spike somewhere in most
    // steps, so the walk check by check is limited to the block that has it.
    static constexpr int32_t block = 64;

    template <typename Emit>
    void test_block(const double* v, std::size_t k, int32_t n, Emit& emit) {
        const double* threshold = threshold_.data() + k;
        int64_t* above = above_.data() + k;
        if (!update_unless_rising(v, threshold, above, n))
            for (int32_t j = 0; j < n; ++j) {
                const bool now = v[j] >= threshold[j];
                if (now && above[j] == 0)
                    emit(detector_[k + static_cast<std::size_t>(j)]);
                above[j] = now;
            }
    }
    // above[j] = v[j] >= threshold[j] for all j and true, unless some check rose: then false
    // and nothing changed.
    static bool update_unless_rising(const double* v, const double* threshold, int64_t* above,
                                     int32_t n);

    std::vector<const double*> v_;
    std::vector<double> threshold_;
    std::vector<int32_t> detector_;
    std::vector<int64_t> above_; // 0 or 1, as wide as a double: the loops vectorise
};

} // namespace mech::detail
