// One step of the cable equation for a partition's cells: NEURON's matrix set-up (capacitance
// and axial terms), the tree solve and the voltage update, after the membrane currents are in.
#pragma once

#include "hines_solver.hpp"
#include "tree_layout.hpp"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace mech::detail {

// Cells that are unbranched chains (node j's parent is node j-1) of equal length are stepped
// `lanes` at a time in SIMD lanes: their nodes are gathered into lane-interleaved scratch, so
// the divisions of the elimination run as vector divisions instead of a dependent scalar chain
// per cell. In an interleaved block (interleave_cells.hpp) node j of 32 consecutive cells is
// already 32 consecutive values, and the gather is a plain copy. Every other cell goes through TreeSolvePlan. Either way each node sees NEURON's
// operations in NEURON's order (setup_tree_matrix, triang, bksub, v += dv), so the result is
// bit-identical to the plain loops.
class CableStepPlan {
public:
    // Cells per group. Four AVX-512 vectors per operation: the elimination of one node waits
    // for the division of the node before, and four independent vector chains hide most of
    // that latency (eight lanes ran W1 about 40 % slower).
    static constexpr int lanes = 32;
    // Fewer cells than this of one length are not worth the lanes: they take the general path.
    static constexpr int min_group = 4;
    // Storage of one value per lane.
    struct alignas(64) LaneStore {
        double x[lanes];
    };

    CableStepPlan() = default;
    // `blocks`: whole cells, one per block or several interleaved (a block that is not one of
    // those is solved as a range of whole trees, TreeSolvePlan's rule). `a`, `b` are the axial
    // coefficients, `parent` the parent of every node; the plan keeps pointers to all three and
    // copies of a and b for the chains (they must not change).
    CableStepPlan(std::span<const int32_t> parent, std::span<const double> a,
                  std::span<const double> b, std::span<const CellBlock> blocks);

    // rhs and d hold the membrane terms of the step. Adds the capacitance (cap per node) and
    // axial terms, solves, adds the solution to v and leaves rhs and d zero. Returns the sum of
    // the new v (finite exactly when every v is).
    double step(const double* cap, double* v, double* rhs, double* d);

private:
    struct ChainGroup {
        int32_t nodes = 0;    // chain length
        int32_t count = 0;    // cells used, 1 .. lanes (unused lanes repeat the first cell)
        int64_t coeff = 0;    // offset of this group's node 0 in a_, b_
        int64_t base = 0;     // offset in base_ of the first node of each lane's cell
        int32_t stride = 1;   // node j of a lane's cell is its first node + j*stride
        bool packed3 = false; // 3-node cells one after another: whole-register gather
        bool adjacent = false; // the lanes' cells are interleaved: node j of all is one run
    };
    std::vector<ChainGroup> groups_;
    std::vector<int32_t> base_;
    std::vector<LaneStore> a_, b_; // per group: node j of lane k at [coeff + j].x[k]
    std::vector<LaneStore> scratch_;

    // The general path.
    std::vector<std::pair<int32_t, int32_t>> other_ranges_;
    TreeSolvePlan others_;
    const int32_t* parent_ = nullptr;
    const double* a_full_ = nullptr;
    const double* b_full_ = nullptr;
};

} // namespace mech::detail
