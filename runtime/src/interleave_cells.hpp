// A node order for vector code: cells of the same shape stored interleaved, node j of every
// cell of a block side by side, as CoreNEURON permutes its nodes.
#pragma once

#include "tree_layout.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

namespace mech::detail {

// Within each range of cells (indices into layout.cells: the cells of one partition), every run
// of consecutive cells with the same shape (node count and parent of each node) becomes one
// CellBlock: node j of the run's cell c moves to begin + j*count + c. The run keeps the node
// range its cells had, so each range of cells still owns one range of nodes. Every node array of
// the layout, the sections' nodes (with stride = count) and layout.blocks follow.
// Why: a mechanism on the same segment of every cell (hh on W1's somas, pas on W2's dendrites)
// then has its instances on consecutive nodes, which the kernels read and write as vectors
// instead of gathering and scattering, and the cable step reads node j of 32 cells as 32
// consecutive values. Each node's arithmetic is unchanged, so results are too.
// Before every range but the first, `partition_gap` nodes or a few more (so that the range
// starts on a cache line) that belong to no cell: layout.gap_nodes counts them, every node array
// holds them (parent -1, no membrane, area 100, cm 0), no block covers them, and layout.cells
// are shifted by their range's gaps (the cells of a range still cover exactly its nodes).
inline constexpr int32_t partition_gap = 512; // one page of doubles

void interleave_cells(TreeLayout& layout,
                      std::span<const std::pair<std::size_t, std::size_t>> cell_ranges);

} // namespace mech::detail
