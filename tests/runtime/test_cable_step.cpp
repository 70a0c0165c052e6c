// The cable step (capacitance and axial set-up, tree solve, v update) against NEURON's plain
// loops: bit for bit on the same data, for chains taken in SIMD lanes (full and partial groups,
// several lengths), chains too few to group, branched cells, and all of them mixed; and cells
// interleaved in blocks (interleave_cells.hpp) against the plain loops on the cells one after
// another.
#include "cable_step.hpp"
#include "hines_solver.hpp"

#include <cstdint>
#include <cstring>
#include <gtest/gtest.h>
#include <random>
#include <vector>

namespace {

struct Nodes {
    std::vector<int32_t> parent;
    std::vector<double> a, b, cap, v, rhs, d;
    std::vector<mech::detail::CellBlock> cells;
};

// Appends one cell with local parents `shape` (shape[0] = -1) and random values.
void add_cell(Nodes& s, const std::vector<int32_t>& shape, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> coef(0.1, 10.0), value(-80, 40), membrane(-2, 2);
    const auto begin = static_cast<int32_t>(s.parent.size());
    for (int32_t p : shape) {
        s.parent.push_back(p < 0 ? -1 : begin + p);
        s.a.push_back(p < 0 ? 0.0 : -coef(rng));
        s.b.push_back(p < 0 ? 0.0 : -coef(rng));
        s.cap.push_back(coef(rng));
        s.v.push_back(value(rng));
        s.rhs.push_back(membrane(rng));
        s.d.push_back(std::abs(membrane(rng)));
    }
    s.cells.push_back({begin, static_cast<int32_t>(s.parent.size()), 1});
}

std::vector<int32_t> chain(int n) {
    std::vector<int32_t> shape(static_cast<std::size_t>(n));
    for (int j = 0; j < n; ++j)
        shape[static_cast<std::size_t>(j)] = j - 1;
    return shape;
}

// NEURON's order: setup_tree_matrix's capacitance and axial loop, triang + bksub, v += dv.
void reference_step(Nodes& s) {
    const auto n = static_cast<int32_t>(s.parent.size());
    for (int32_t i = 0; i < n; ++i) {
        s.d[i] += s.cap[i];
        const int32_t p = s.parent[i];
        if (p < 0)
            continue;
        const double dv = s.v[p] - s.v[i];
        s.rhs[i] -= s.b[i] * dv;
        s.rhs[p] += s.a[i] * dv;
        s.d[i] -= s.b[i];
        s.d[p] -= s.a[i];
    }
    mech::detail::solve_tree(s.parent, s.a, s.b, s.d, s.rhs);
    for (int32_t i = 0; i < n; ++i) {
        s.v[i] += s.rhs[i];
        s.rhs[i] = 0;
        s.d[i] = 0;
    }
}

void expect_bitwise_equal(const std::vector<double>& x, const std::vector<double>& y) {
    ASSERT_EQ(x.size(), y.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        ASSERT_EQ(std::memcmp(&x[i], &y[i], sizeof(double)), 0)
            << "node " << i << ": " << x[i] << " vs " << y[i];
}

// `s` with its cells from `first` on (all of one shape) interleaved into one block; where[i]
// is the new place of node i.
Nodes interleave(const Nodes& s, std::size_t first, std::vector<int32_t>& where) {
    Nodes out = s;
    where.resize(s.parent.size());
    for (std::size_t i = 0; i < where.size(); ++i)
        where[i] = static_cast<int32_t>(i);
    const auto count = static_cast<int32_t>(s.cells.size() - first);
    const int32_t begin = s.cells[first].begin;
    const int32_t n = s.cells[first].end - begin;
    for (int32_t c = 0; c < count; ++c)
        for (int32_t j = 0; j < n; ++j)
            where[static_cast<std::size_t>(begin + c * n + j)] = begin + j * count + c;
    for (std::size_t i = 0; i < where.size(); ++i) {
        const auto k = static_cast<std::size_t>(where[i]);
        out.parent[k] = s.parent[i] < 0 ? -1 : where[static_cast<std::size_t>(s.parent[i])];
        out.a[k] = s.a[i];
        out.b[k] = s.b[i];
        out.cap[k] = s.cap[i];
        out.v[k] = s.v[i];
        out.rhs[k] = s.rhs[i];
        out.d[k] = s.d[i];
    }
    out.cells.resize(first);
    out.cells.push_back({begin, begin + count * n, count});
    return out;
}

// Several steps with fresh membrane terms each step, planned (on `s`, or on its interleaved
// form if `interleave_from` names a first cell) vs the plain loops on `s`.
void check(Nodes s, int steps = 3, std::size_t interleave_from = SIZE_MAX) {
    Nodes ref = s;
    std::vector<int32_t> where(s.parent.size());
    for (std::size_t i = 0; i < where.size(); ++i)
        where[i] = static_cast<int32_t>(i);
    if (interleave_from != SIZE_MAX)
        s = interleave(ref, interleave_from, where);
    auto same_place = [&](const std::vector<double>& planned) {
        std::vector<double> back(planned.size());
        for (std::size_t i = 0; i < back.size(); ++i)
            back[i] = planned[static_cast<std::size_t>(where[i])];
        return back;
    };
    mech::detail::CableStepPlan plan(s.parent, s.a, s.b, s.cells);
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> membrane(-2, 2);
    for (int step = 0; step < steps; ++step) {
        for (std::size_t i = 0; i < s.v.size(); ++i) {
            const auto k = static_cast<std::size_t>(where[i]);
            s.rhs[k] = ref.rhs[i] = membrane(rng);
            s.d[k] = ref.d[i] = std::abs(membrane(rng));
        }
        reference_step(ref);
        const double sum = plan.step(s.cap.data(), s.v.data(), s.rhs.data(), s.d.data());
        expect_bitwise_equal(same_place(s.v), ref.v);
        double ref_sum = 0;
        for (double x : ref.v)
            ref_sum += x;
        EXPECT_NEAR(sum, ref_sum, 1e-9 * (1 + std::abs(ref_sum)));
        for (std::size_t i = 0; i < s.v.size(); ++i)
            ASSERT_TRUE(s.rhs[i] == 0 && s.d[i] == 0) << "node " << i << " not cleared";
    }
}

TEST(CableStepPlan, OneCompartmentCellsInFullAndPartialGroups) {
    // W1's shape: soma plus two zero-area end nodes; 75 cells = two full groups and a tail.
    std::mt19937_64 rng(1);
    Nodes s;
    for (int c = 0; c < 2 * mech::detail::CableStepPlan::lanes + 11; ++c)
        add_cell(s, chain(3), rng);
    check(s);
}

TEST(CableStepPlan, LongChainsOfSeveralLengthsInterleaved) {
    std::mt19937_64 rng(2);
    Nodes s;
    for (int c = 0; c < 40; ++c)
        add_cell(s, chain(c % 3 == 0 ? 105 : 17), rng);
    check(s);
}

TEST(CableStepPlan, FewChainsAndBranchedCellsTakeTheGeneralPath) {
    std::mt19937_64 rng(3);
    Nodes s;
    add_cell(s, chain(9), rng); // one chain of its length: not worth a group
    add_cell(s, {-1, 0, 1, 1, 0, 4}, rng);
    add_cell(s, chain(9), rng);
    for (int c = 0; c < 9; ++c) // a group of 9
        add_cell(s, chain(4), rng);
    add_cell(s, {-1, 0, 0, 2, 2}, rng);
    check(s);
}

TEST(CableStepPlan, ARangeThatIsNotWholeCells) {
    // A partition cut through cells is handed over as one range: solved as one whole.
    std::mt19937_64 rng(4);
    Nodes s;
    for (int c = 0; c < 6; ++c)
        add_cell(s, {-1, 0, 1, 1}, rng);
    s.cells.assign(1, {0, static_cast<int32_t>(s.parent.size()), 1});
    check(s);
}

TEST(CableStepPlan, InterleavedOneCompartmentCells) {
    // W1 in interleaved order: two groups of 32 adjacent lanes and a partial group of 11.
    std::mt19937_64 rng(5);
    Nodes s;
    for (int c = 0; c < 2 * mech::detail::CableStepPlan::lanes + 11; ++c)
        add_cell(s, chain(3), rng);
    check(s, 3, 0);
}

TEST(CableStepPlan, InterleavedLongChainsAfterSeparateCells) {
    // W2's dendrites: a block of 40 chains (32 adjacent lanes, then 8) after separate cells.
    std::mt19937_64 rng(6);
    Nodes s;
    add_cell(s, {-1, 0, 1, 1}, rng);
    for (int c = 0; c < 5; ++c)
        add_cell(s, chain(17), rng);
    for (int c = 0; c < 40; ++c)
        add_cell(s, chain(105), rng);
    check(s, 3, 6);
}

TEST(CableStepPlan, InterleavedBranchedCellsAndAShortBlock) {
    // Branched cells interleaved take the general path as one forest; a block of two chains is
    // one partial group.
    std::mt19937_64 rng(8);
    Nodes s;
    for (int c = 0; c < 6; ++c)
        add_cell(s, {-1, 0, 1, 1, 0, 4}, rng);
    check(s, 3, 0);
    Nodes t;
    add_cell(t, chain(5), rng);
    add_cell(t, chain(7), rng);
    add_cell(t, chain(7), rng);
    check(t, 3, 1);
}

} // namespace
