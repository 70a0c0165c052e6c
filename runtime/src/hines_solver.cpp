// Hines elimination: leaves to roots (triang), then roots to leaves (bksub), exactly the
// operation order of NEURON's triang/bksub so results agree to the last bit on the same data.
#include "hines_solver.hpp"

namespace mech::detail {

void solve_tree(std::span<const int32_t> parent, std::span<const double> a,
                std::span<const double> b, std::span<double> d, std::span<double> rhs) {
    const auto n = static_cast<int64_t>(parent.size());
    for (int64_t i = n - 1; i >= 0; --i) {
        const int32_t p = parent[i];
        if (p < 0)
            continue;
        const double f = a[i] / d[i];
        d[p] -= f * b[i];
        rhs[p] -= f * rhs[i];
    }
    for (int64_t i = 0; i < n; ++i) {
        const int32_t p = parent[i];
        if (p >= 0)
            rhs[i] -= b[i] * rhs[p];
        rhs[i] /= d[i];
    }
}

} // namespace mech::detail
