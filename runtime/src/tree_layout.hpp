// Morphology -> nodes in solver order (parent before child, each cell in one block of nodes)
// with NEURON's areas and axial coupling coefficients.
#pragma once

#include "mech/model.hpp"

#include <cstdint>
#include <vector>

namespace mech::detail {

// Where a section's nodes live in the node arrays.
struct SectionNodes {
    int32_t first = 0;  // centre node of segment 0
    int32_t nseg = 1;
    int32_t stride = 1; // segment j is first + j*stride (the cell count of an interleaved block)
    int32_t end0 = -1;  // node holding x = 0 (the parent's node, or the root node)
    int32_t end1 = -1;  // zero-area node at x = 1 (the centre node for a sphere)

    int32_t segment(int32_t j) const { return first + j * stride; }
};

// Nodes [begin, end) holding `cells` whole cells. With more than one cell, the cells have the
// same shape and are interleaved: node j of cell c is begin + j*cells + c (interleave_cells.hpp).
struct CellBlock {
    int32_t begin = 0, end = 0;
    int32_t cells = 1;
};

struct TreeLayout {
    std::vector<int32_t> parent;     // -1 for the root of each cell
    std::vector<double> area;        // um2; 100 for the zero-area end nodes (as NEURON)
    std::vector<double> cm;          // uF/cm2; 0 where there is no membrane
    std::vector<double> a;           // NODEA: effect of node i's v on its parent's row
    std::vector<double> b;           // NODEB: effect of the parent's v on row i
    std::vector<uint8_t> membrane;   // 1 at segment centres (nodes that carry mechanisms)
    std::vector<int32_t> section_of; // node -> section index
    std::vector<SectionNodes> sections;
    // [begin, end) of each cell before interleaving; after it, shifted by the gaps before its
    // range of cells (interleave_cells: the cells of a range still cover exactly its nodes).
    std::vector<std::pair<int32_t, int32_t>> cells;
    std::vector<CellBlock> blocks; // in node order, covering every node but the gaps
    int32_t gap_nodes = 0;         // nodes of no cell between partitions

    std::size_t size() const { return parent.size(); }
    // NEURON's node_exact: the node whose voltage `sec(x)` refers to.
    int32_t node_at(int section, double x) const;
    // The centre node of the segment containing x (x = 0 and 1 give the end segments).
    int32_t segment_node(int section, double x) const;
};

TreeLayout build_tree_layout(const std::vector<SectionSpec>& sections);

// Resistance (MOhm) from a segment centre to its end: Ra*(L/(2 nseg))/(pi diam^2/4), units fixed.
double half_segment_resistance(const SectionGeometry& g);
// Membrane area (um2) of one segment of a section.
double segment_area(const SectionSpec& s);

} // namespace mech::detail
