// NEURON's tree solver (triang + bksub) over nodes stored parent-before-child.
#pragma once

#include <cstdint>
#include <span>

namespace mech::detail {

// Solves the tree matrix in place: on return rhs holds the solution (dv). Row i reads
//   d[i]*x[i] + b[i]*x[parent[i]] + sum over children c of a[c]*x[c] = rhs[i].
// parent[i] < i for every non-root node; roots have parent -1. d is overwritten.
void solve_tree(std::span<const int32_t> parent, std::span<const double> a,
                std::span<const double> b, std::span<double> d, std::span<double> rhs);
// The same on the nodes [begin, end) only: a union of whole trees (parents index the full arrays).
void solve_tree(std::span<const int32_t> parent, std::span<const double> a,
                std::span<const double> b, std::span<double> d, std::span<double> rhs,
                int64_t begin, int64_t end);

} // namespace mech::detail
