// NEURON's tree solver (triang + bksub) over nodes stored parent-before-child, plain and with
// cells of identical shape solved in lock step.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

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

// The same solve for a fixed set of whole cells, planned once: cells of identical shape are
// taken `lanes` at a time and eliminated in lock step (node j of every cell in the group, then
// node j-1, ...), so the division chains of different cells overlap instead of running one
// after another. Each cell sees exactly solve_tree's operations in solve_tree's order, so the
// result is bit-identical (cells are independent blocks of the matrix).
class TreeSolvePlan {
public:
    static constexpr int lanes = 4;

    TreeSolvePlan() = default;
    // `cells`: [begin, end) node ranges, each one whole tree rooted at its first node.
    TreeSolvePlan(std::span<const int32_t> parent,
                  std::span<const std::pair<int32_t, int32_t>> cells);
    void solve(const double* a, const double* b, double* d, double* rhs) const;

private:
    struct Shape {
        std::vector<int32_t> parent; // local: parent node minus the cell's first node
        bool chain = false;          // parent of local node j is j - 1 for every j > 0
    };
    struct Group {
        int32_t shape = 0;
        int32_t count = 0; // cells used, 1 .. lanes
        std::array<int32_t, lanes> base{};
    };
    std::vector<Shape> shapes_;
    std::vector<Group> groups_;
    // Cells whose nodes are not one tree rooted at the first node: solved by solve_tree.
    std::vector<std::pair<int32_t, int32_t>> irregular_;
    std::span<const int32_t> parent_; // the full parent array (for irregular_); not owned
};

} // namespace mech::detail
