// See interleave_cells.hpp.
#include "interleave_cells.hpp"

#include "aligned_vector.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace mech::detail {
namespace {

bool same_shape(const TreeLayout& layout, std::pair<int32_t, int32_t> x,
                std::pair<int32_t, int32_t> y) {
    if (x.second - x.first != y.second - y.first)
        return false;
    for (int32_t j = 0; j < x.second - x.first; ++j) {
        const int32_t px = layout.parent[static_cast<std::size_t>(x.first + j)];
        const int32_t py = layout.parent[static_cast<std::size_t>(y.first + j)];
        if ((px < 0) != (py < 0) || (px >= 0 && px - x.first != py - y.first))
            return false;
    }
    return true;
}

// values[i] moves to new_of[i]; the `size` - values.size() positions nothing moves to (the
// gaps between partitions) hold `gap`.
template <typename T>
void permute(std::vector<T>& values, const std::vector<int32_t>& new_of, std::size_t size,
             T gap) {
    std::vector<T> moved(size, gap);
    for (std::size_t i = 0; i < values.size(); ++i)
        moved[static_cast<std::size_t>(new_of[i])] = values[i];
    values = std::move(moved);
}

} // namespace

void interleave_cells(TreeLayout& layout,
                      std::span<const std::pair<std::size_t, std::size_t>> cell_ranges) {
    const auto cells = layout.cells; // as they are before the move
    std::vector<int32_t> new_of(layout.size());
    for (std::size_t i = 0; i < new_of.size(); ++i)
        new_of[i] = static_cast<int32_t>(i);
    std::vector<int32_t> stride_of(layout.size(), 1); // per old node: its block's cell count
    layout.blocks.clear();
    int32_t shift = 0; // the gaps so far
    // Between ranges of cells (partitions, any two of which may be stepped by different
    // threads), a gap: while one thread streams
    // through its nodes, the hardware prefetcher runs past the end of the range, and it does not
    // cross a page. Without the gap it can pull the next partition's first lines away from the
    // thread writing them every step (W2 on two threads, each partition's time: 1.60/2.09 s
    // without, 1.49/1.95 s with, in paired runs; see docs/performance.md).
    for (std::size_t r = 0; r < cell_ranges.size(); ++r) {
        const auto [first_cell, end_cell] = cell_ranges[r];
        if (r > 0 && first_cell < end_cell) {
            // At least a page, and the next range starts on a cache line.
            constexpr auto line = static_cast<int32_t>(doubles_per_line);
            const int32_t begin = cells[first_cell].first + shift + partition_gap;
            shift += partition_gap + (line - begin % line) % line;
        }
        for (std::size_t c = first_cell; c < end_cell; ++c) {
            layout.cells[c].first += shift;
            layout.cells[c].second += shift;
        }
        for (std::size_t c = first_cell; c < end_cell;) {
            std::size_t run_end = c + 1;
            while (run_end < end_cell && same_shape(layout, cells[c], cells[run_end]))
                ++run_end;
            const auto count = static_cast<int32_t>(run_end - c);
            const int32_t begin = cells[c].first + shift;
            const int32_t n = cells[c].second - cells[c].first;
            for (int32_t k = 0; k < count; ++k)
                for (int32_t j = 0; j < n; ++j) {
                    const auto old = static_cast<std::size_t>(cells[c + k].first + j);
                    new_of[old] = begin + j * count + k;
                    stride_of[old] = count;
                }
            layout.blocks.push_back(CellBlock{begin, begin + count * n, count});
            c = run_end;
        }
    }
    // Gap nodes: roots of nothing, no membrane, never stepped.
    const std::size_t size = layout.size() + static_cast<std::size_t>(shift);
    layout.gap_nodes = shift;
    for (int32_t& p : layout.parent)
        if (p >= 0)
            p = new_of[static_cast<std::size_t>(p)];
    permute(layout.parent, new_of, size, -1);
    permute(layout.area, new_of, size, 100.0);
    permute(layout.cm, new_of, size, 0.0);
    permute(layout.a, new_of, size, 0.0);
    permute(layout.b, new_of, size, 0.0);
    permute(layout.membrane, new_of, size, uint8_t{0});
    permute(layout.section_of, new_of, size, -1);
    for (auto& s : layout.sections) {
        s.stride = stride_of[static_cast<std::size_t>(s.first)];
        s.first = new_of[static_cast<std::size_t>(s.first)];
        if (s.end0 >= 0)
            s.end0 = new_of[static_cast<std::size_t>(s.end0)];
        if (s.end1 >= 0)
            s.end1 = new_of[static_cast<std::size_t>(s.end1)];
    }
}

} // namespace mech::detail
