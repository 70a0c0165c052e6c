// Builds the node arrays of all cells: NEURON's geometry (nrn_area_ri, connection_coef) with
// the nodes renumbered so every parent precedes its children and each cell is one block.
#include "tree_layout.hpp"

#include "mech/error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <numbers>

namespace mech::detail {

namespace {
constexpr double zero_area = 100; // NEURON's nominal area of the end nodes (no membrane there)
} // namespace

double half_segment_resistance(const SectionGeometry& g) {
    const double half = g.length / (2.0 * g.nseg);
    // ohm cm * um / um2 = 1e4 ohm = 1e-2 MOhm
    return g.Ra * half / (std::numbers::pi * g.diam * g.diam / 4.0) * 1e-2;
}

double segment_area(const SectionSpec& s) {
    const auto& g = s.geometry;
    if (s.sphere)
        return std::numbers::pi * g.diam * g.diam;
    return std::numbers::pi * g.diam * g.length / g.nseg;
}

namespace {

// The diameter of each segment: the section's, then any "diam" assignments in order.
std::vector<double> segment_diameters(const SectionSpec& spec) {
    const int n = spec.geometry.nseg;
    std::vector<double> diam(n, spec.geometry.diam);
    for (const auto& a : spec.assignments) {
        if (a.name != "diam")
            continue;
        if (!(a.value > 0) || !std::isfinite(a.value))
            throw Error(
                fmt::format("section '{}': diam must be positive (got {} um)", spec.name, a.value));
        if (spec.sphere)
            throw Error(fmt::format("section '{}': set the diameter of a spherical compartment "
                                    "with add_sphere",
                                    spec.name));
        if (!a.x) {
            std::fill(diam.begin(), diam.end(), a.value);
            continue;
        }
        const auto k = static_cast<int>(std::clamp(*a.x, 0.0, 1.0) * n);
        diam[std::clamp(k, 0, n - 1)] = a.value;
    }
    return diam;
}

struct Builder {
    const std::vector<SectionSpec>& specs;
    std::vector<std::vector<int>> children;
    TreeLayout out;
    std::vector<double> rinv; // 1/MOhm of the link from node i to its parent

    int32_t add_node(int32_t parent, double area, double cm, double link_rinv, int section,
                     bool membrane) {
        out.parent.push_back(parent);
        out.area.push_back(area);
        out.cm.push_back(cm);
        out.membrane.push_back(membrane ? 1 : 0);
        out.section_of.push_back(section);
        rinv.push_back(link_rinv);
        return static_cast<int32_t>(out.parent.size() - 1);
    }

    void place(int s, int32_t attach) {
        const auto& spec = specs[s];
        const auto& g = spec.geometry;
        auto& nodes = out.sections[s];
        nodes.nseg = spec.sphere ? 1 : g.nseg;
        nodes.end0 = attach;
        if (spec.sphere) {
            nodes.first = add_node(-1, segment_area(spec), g.cm, 0, s, true);
            nodes.end0 = nodes.end1 = nodes.first;
        } else {
            // Per-segment diameters (NEURON's diam is a range variable): areas and half-segment
            // resistances follow each segment's own diameter, as in nrn_area_ri.
            const std::vector<double> diam = segment_diameters(spec);
            const double dx = g.length / g.nseg;
            auto half_r = [&](int j) {
                return g.Ra * (dx / 2) / (std::numbers::pi * diam[j] * diam[j] / 4.0) * 1e-2;
            };
            int32_t prev = attach;
            for (int j = 0; j < g.nseg; ++j) {
                const double r = j == 0 ? half_r(0) : half_r(j - 1) + half_r(j);
                const int32_t n =
                    add_node(prev, std::numbers::pi * diam[j] * dx, g.cm, 1 / r, s, true);
                if (j == 0)
                    nodes.first = n;
                prev = n;
            }
            nodes.end1 = add_node(prev, zero_area, 0, 1 / half_r(g.nseg - 1), s, false);
        }
        for (int c : children[s])
            place(c, out.node_at(s, specs[c].parent_x));
    }
};

} // namespace

int32_t TreeLayout::node_at(int section, double x) const {
    const auto& s = sections[section];
    if (x <= 0)
        return s.end0;
    if (x >= 1)
        return s.end1;
    return s.segment(std::min<int32_t>(static_cast<int32_t>(x * s.nseg), s.nseg - 1));
}

int32_t TreeLayout::segment_node(int section, double x) const {
    const auto& s = sections[section];
    const auto k = static_cast<int32_t>(std::clamp(x, 0.0, 1.0) * s.nseg);
    return s.segment(std::clamp<int32_t>(k, 0, s.nseg - 1));
}

TreeLayout build_tree_layout(const std::vector<SectionSpec>& specs) {
    Builder b{specs, std::vector<std::vector<int>>(specs.size()), {}, {}};
    b.out.sections.resize(specs.size());
    std::vector<int> roots;
    for (std::size_t s = 0; s < specs.size(); ++s) {
        const auto& spec = specs[s];
        if (spec.parent < 0) {
            roots.push_back(static_cast<int>(s));
            continue;
        }
        if (spec.sphere)
            throw Error(fmt::format("section '{}': a spherical compartment cannot be attached to "
                                    "a parent section (it can only be the root of a cell)",
                                    spec.name));
        b.children[spec.parent].push_back(static_cast<int>(s));
    }
    for (int r : roots) {
        const auto begin = static_cast<int32_t>(b.out.size());
        int32_t attach = -1;
        if (!specs[r].sphere)
            attach = b.add_node(-1, zero_area, 0, 0, r, false); // x = 0 of the root section
        b.place(r, attach);
        b.out.cells.emplace_back(begin, static_cast<int32_t>(b.out.size()));
        b.out.blocks.push_back(CellBlock{begin, static_cast<int32_t>(b.out.size()), 1});
    }
    if (b.out.size() == 0 && !specs.empty())
        throw Error("model has sections but no root section");

    // NEURON's connection_coef: coefficients scaled by the area of the row they belong to.
    const std::size_t n = b.out.size();
    b.out.a.assign(n, 0);
    b.out.b.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const int32_t p = b.out.parent[i];
        if (p < 0)
            continue;
        b.out.a[i] = -1e2 * b.rinv[i] / b.out.area[p];
        b.out.b[i] = -1e2 * b.rinv[i] / b.out.area[i];
    }
    return std::move(b.out);
}

} // namespace mech::detail
