// The planned solve (cells of one shape in lock step) against solve_tree: bit for bit on the
// same data, for chains, branched trees, mixed shapes, odd group sizes and irregular ranges.
#include "hines_solver.hpp"

#include <cstring>
#include <gtest/gtest.h>
#include <random>
#include <vector>

namespace {

using Cells = std::vector<std::pair<int32_t, int32_t>>;

struct System {
    std::vector<int32_t> parent;
    std::vector<double> a, b, d, rhs;
    Cells cells;
};

// Appends one cell with local parents `shape` (shape[0] = -1) and random coefficients.
void add_cell(System& s, const std::vector<int32_t>& shape, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> coef(0.1, 10.0), value(-5, 5);
    const auto begin = static_cast<int32_t>(s.parent.size());
    for (int32_t p : shape) {
        s.parent.push_back(p < 0 ? -1 : begin + p);
        s.a.push_back(p < 0 ? 0.0 : -coef(rng));
        s.b.push_back(p < 0 ? 0.0 : -coef(rng));
        s.d.push_back(coef(rng));
        s.rhs.push_back(value(rng));
    }
    s.cells.emplace_back(begin, static_cast<int32_t>(s.parent.size()));
}

std::vector<int32_t> random_shape(int n, std::mt19937_64& rng) {
    std::vector<int32_t> shape(n, -1);
    for (int j = 1; j < n; ++j)
        shape[j] = static_cast<int32_t>(rng() % j);
    return shape;
}

std::vector<int32_t> chain(int n) {
    std::vector<int32_t> shape(n);
    for (int j = 0; j < n; ++j)
        shape[j] = j - 1;
    return shape;
}

bool same_bits(const std::vector<double>& x, const std::vector<double>& y) {
    return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0;
}

void expect_identical(System s, const Cells& plan_cells) {
    System ref = s;
    mech::detail::solve_tree(ref.parent, ref.a, ref.b, ref.d, ref.rhs);
    const mech::detail::TreeSolvePlan plan(s.parent, plan_cells);
    plan.solve(s.a.data(), s.b.data(), s.d.data(), s.rhs.data());
    EXPECT_TRUE(same_bits(s.rhs, ref.rhs));
    EXPECT_TRUE(same_bits(s.d, ref.d));
}

TEST(TreeSolvePlan, ChainsOfEveryGroupSizeMatchSolveTreeBitForBit) {
    std::mt19937_64 rng(7);
    for (int cells = 1; cells <= 9; ++cells) { // full groups of 4 and every remainder
        System s;
        for (int c = 0; c < cells; ++c)
            add_cell(s, chain(3), rng); // W1's soma with its two end nodes
        expect_identical(s, s.cells);
        System w2;
        for (int c = 0; c < cells; ++c)
            add_cell(w2, chain(105), rng);
        expect_identical(w2, w2.cells);
    }
}

TEST(TreeSolvePlan, MixedBranchedShapesMatchSolveTreeBitForBit) {
    std::mt19937_64 rng(11);
    const auto shape_a = random_shape(40, rng), shape_b = random_shape(17, rng);
    System s;
    for (int c = 0; c < 23; ++c) // interleaved shapes: groups gather cells that are apart
        add_cell(s, rng() % 3 == 0 ? shape_b : (rng() % 2 ? shape_a : random_shape(9, rng)), rng);
    add_cell(s, {-1}, rng); // a sphere: one node
    expect_identical(s, s.cells);
}

TEST(TreeSolvePlan, RangesThatAreNotOneTreeFallBackToSolveTree) {
    std::mt19937_64 rng(3);
    System s;
    for (int c = 0; c < 6; ++c)
        add_cell(s, random_shape(12, rng), rng);
    // Two cells given as one range (two roots), the others planned.
    Cells plan_cells = {{s.cells[0].first, s.cells[1].second}};
    plan_cells.insert(plan_cells.end(), s.cells.begin() + 2, s.cells.end());
    expect_identical(s, plan_cells);
}

TEST(TreeSolvePlan, SolvesOnlyItsCells) {
    std::mt19937_64 rng(5);
    System s;
    for (int c = 0; c < 5; ++c)
        add_cell(s, chain(4), rng);
    const System before = s;
    const Cells first_two(s.cells.begin(), s.cells.begin() + 2);
    const mech::detail::TreeSolvePlan plan(s.parent, first_two);
    plan.solve(s.a.data(), s.b.data(), s.d.data(), s.rhs.data());
    const auto untouched = static_cast<std::size_t>(s.cells[2].first);
    for (std::size_t i = untouched; i < s.rhs.size(); ++i) {
        EXPECT_EQ(s.rhs[i], before.rhs[i]);
        EXPECT_EQ(s.d[i], before.d[i]);
    }
    EXPECT_NE(s.rhs[0], before.rhs[0]);
}

} // namespace
