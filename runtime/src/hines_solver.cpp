// Hines elimination: leaves to roots (triang), then roots to leaves (bksub), exactly the
// operation order of NEURON's triang/bksub so results agree to the last bit on the same data.
#include "hines_solver.hpp"

#include <algorithm>
#include <map>

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

namespace {

// One group: L cells of one shape with n nodes, local parents lp (lp[0] = -1). The lane loops
// are independent, so their divisions overlap; per cell the order is solve_tree's.
template <int L, bool Chain>
void solve_group(const int32_t* lp, int32_t n, const int32_t* base, const double* __restrict a,
                 const double* __restrict b, double* __restrict d, double* __restrict rhs) {
    for (int32_t j = n - 1; j >= 1; --j) {
        const int32_t p = Chain ? j - 1 : lp[j];
        for (int k = 0; k < L; ++k) {
            const int32_t i = base[k] + j, ip = base[k] + p;
            const double f = a[i] / d[i];
            d[ip] -= f * b[i];
            rhs[ip] -= f * rhs[i];
        }
    }
    for (int k = 0; k < L; ++k)
        rhs[base[k]] /= d[base[k]];
    for (int32_t j = 1; j < n; ++j) {
        const int32_t p = Chain ? j - 1 : lp[j];
        for (int k = 0; k < L; ++k) {
            const int32_t i = base[k] + j;
            rhs[i] -= b[i] * rhs[base[k] + p];
            rhs[i] /= d[i];
        }
    }
}

template <bool Chain>
void solve_group_any(int count, const int32_t* lp, int32_t n, const int32_t* base, const double* a,
                     const double* b, double* d, double* rhs) {
    switch (count) {
    case 4:
        solve_group<4, Chain>(lp, n, base, a, b, d, rhs);
        break;
    case 3:
        solve_group<3, Chain>(lp, n, base, a, b, d, rhs);
        break;
    case 2:
        solve_group<2, Chain>(lp, n, base, a, b, d, rhs);
        break;
    default:
        solve_group<1, Chain>(lp, n, base, a, b, d, rhs);
        break;
    }
}

} // namespace

static_assert(TreeSolvePlan::lanes == 4, "solve_group_any dispatches up to 4 lanes");

TreeSolvePlan::TreeSolvePlan(std::span<const int32_t> parent,
                             std::span<const std::pair<int32_t, int32_t>> cells)
    : parent_(parent) {
    std::map<std::vector<int32_t>, int32_t> shape_of;
    std::vector<std::vector<int32_t>> members; // per shape: first nodes of its cells
    for (const auto& [begin, end] : cells) {
        if (end <= begin)
            continue;
        std::vector<int32_t> local(static_cast<std::size_t>(end - begin));
        bool regular = parent[begin] < 0;
        local[0] = -1;
        for (int32_t i = begin + 1; i < end && regular; ++i) {
            const int32_t p = parent[i];
            regular = p >= begin && p < i;
            local[i - begin] = p - begin;
        }
        if (!regular) {
            irregular_.emplace_back(begin, end);
            continue;
        }
        auto [it, added] =
            shape_of.try_emplace(std::move(local), static_cast<int32_t>(shapes_.size()));
        if (added) {
            Shape shape;
            shape.parent = it->first;
            shape.chain = true;
            for (std::size_t j = 1; j < shape.parent.size(); ++j)
                shape.chain = shape.chain && shape.parent[j] == static_cast<int32_t>(j) - 1;
            shapes_.push_back(std::move(shape));
            members.emplace_back();
        }
        members[it->second].push_back(begin);
    }
    for (std::size_t s = 0; s < shapes_.size(); ++s) {
        const auto& firsts = members[s];
        for (std::size_t c = 0; c < firsts.size(); c += lanes) {
            Group g;
            g.shape = static_cast<int32_t>(s);
            g.count = static_cast<int32_t>(std::min<std::size_t>(lanes, firsts.size() - c));
            for (int k = 0; k < g.count; ++k)
                g.base[k] = firsts[c + k];
            groups_.push_back(g);
        }
    }
}

void TreeSolvePlan::solve(const double* a, const double* b, double* d, double* rhs) const {
    for (const Group& g : groups_) {
        const Shape& shape = shapes_[g.shape];
        const auto n = static_cast<int32_t>(shape.parent.size());
        if (shape.chain)
            solve_group_any<true>(g.count, shape.parent.data(), n, g.base.data(), a, b, d, rhs);
        else
            solve_group_any<false>(g.count, shape.parent.data(), n, g.base.data(), a, b, d, rhs);
    }
    for (const auto& [begin, end] : irregular_) {
        const auto size = parent_.size();
        solve_tree(parent_, std::span<const double>(a, size), std::span<const double>(b, size),
                   std::span<double>(d, size), std::span<double>(rhs, size), begin, end);
    }
}

} // namespace mech::detail
