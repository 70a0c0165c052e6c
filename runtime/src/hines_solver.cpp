// Hines elimination: leaves to roots (triang), then roots to leaves (bksub), exactly the
// operation order of NEURON's triang/bksub so results agree to the last bit on the same data.
#include "hines_solver.hpp"

namespace mech::detail {

void solve_tree(std::span<const int32_t> parent, std::span<const double> a,
                std::span<const double> b, std::span<double> d, std::span<double> rhs) {
    solve_tree(parent, a, b, d, rhs, 0, static_cast<int64_t>(parent.size()));
}

void solve_tree(std::span<const int32_t> parent, std::span<const double> a,
                std::span<const double> b, std::span<double> d, std::span<double> rhs,
                int64_t begin, int64_t end) {
    for (int64_t i = end - 1; i >= begin; --i) {
        const int32_t p = parent[i];
        if (p < 0)
            continue;
        const double f = a[i] / d[i];
        d[p] -= f * b[i];
        rhs[p] -= f * rhs[i];
    }
    for (int64_t i = begin; i < end; ++i) {
        const int32_t p = parent[i];
        if (p >= 0)
            rhs[i] -= b[i] * rhs[p];
        rhs[i] /= d[i];
    }
}

} // namespace mech::detail
