// Cells of one shape are stored interleaved (interleave_cells.hpp): node j of every cell of a run
// side by side. Each cell must still compute exactly what it computes alone: every voltage of a
// population of mixed shapes, on one, two and three threads, equals bit for bit the same cell
// simulated by itself (where nothing is interleaved).
#include "interleave_cells.hpp"
#include "test_mechanisms.hpp"

#include "mech/mech.hpp"

#include <functional>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace {

using namespace mech;

// The sections of one cell and the points where its voltage is compared.
struct Cell {
    std::vector<SectionId> sections;
    std::vector<std::pair<SectionId, double>> probes;
};

// Ball and stick: hh soma, passive dendrite of 7 segments; geometry and drive vary by k.
Cell ball_and_stick(Model& m, const std::string& name, int k) {
    const SectionId soma = m.add_section(name + ".soma", {12.0 + 0.1 * k, 12.0, 1, 1, 35.4});
    const SectionId dend = m.add_section(name + ".dend", {200.0 + k, 1.0 + 0.01 * k, 7, 1, 100});
    m.connect(dend, soma, 1.0);
    m.insert(soma, "hh");
    m.insert(dend, "pas");
    m.set(dend, "e_pas", -65);
    m.add_stimulus(soma, 0.5, IClamp{1.0, 20.0, 0.1 + 0.01 * k});
    return {{soma, dend}, {{soma, 0.5}, {dend, 0.5}, {dend, 1.0}}};
}

// A branched cell: soma with two dendrites of 3 segments (the general tree path).
Cell forked(Model& m, const std::string& name, int k) {
    const SectionId soma = m.add_section(name + ".soma", {15, 15, 1, 1, 35.4});
    const SectionId a = m.add_section(name + ".a", {80.0 + 2 * k, 2, 3, 1, 100});
    const SectionId b = m.add_section(name + ".b", {60, 1.5, 3, 1, 100});
    m.connect(a, soma, 1.0);
    m.connect(b, soma, 0.5);
    m.insert(soma, "hh");
    m.insert(a, "pas");
    m.insert(b, "pas");
    m.add_stimulus(soma, 0.5, IClamp{0.5, 15.0, 0.2 + 0.02 * k});
    return {{soma, a, b}, {{soma, 0.5}, {a, 1.0}, {b, 0.5}}};
}

using Builder = std::function<Cell(Model&, const std::string&, int)>;

TEST(InterleavedCells, EveryCellComputesWhatItComputesAlone) {
    // Runs of one shape separated by cells of other shapes: 37 ball-and-stick cells (a full
    // group of 32 lanes and a partial one), 2 forked, 6 ball-and-stick, 9 forked, 1 of each.
    std::vector<std::pair<Builder, int>> plan;
    for (int k = 0; k < 37; ++k)
        plan.emplace_back(ball_and_stick, k);
    plan.emplace_back(forked, 0);
    plan.emplace_back(forked, 1);
    for (int k = 0; k < 6; ++k)
        plan.emplace_back(ball_and_stick, 40 + k);
    for (int k = 0; k < 9; ++k)
        plan.emplace_back(forked, 2 + k);
    plan.emplace_back(ball_and_stick, 50);
    plan.emplace_back(forked, 20);

    SimOptions options{25, 0.025};
    std::vector<std::vector<double>> alone;
    for (const auto& [build, k] : plan) {
        Model m;
        const Cell cell = build(m, "c", k);
        Simulation sim(m, mech::testing::catalogue(), options);
        sim.run();
        std::vector<double> v;
        for (const auto& [section, x] : cell.probes)
            v.push_back(sim.voltage(section, x));
        alone.push_back(v);
    }
    for (const int threads : {1, 2, 3}) {
        Model m;
        std::vector<Cell> cells;
        for (std::size_t c = 0; c < plan.size(); ++c)
            cells.push_back(plan[c].first(m, "c" + std::to_string(c), plan[c].second));
        options.threads = threads;
        Simulation sim(m, mech::testing::catalogue(), options);
        sim.run();
        for (std::size_t c = 0; c < cells.size(); ++c)
            for (std::size_t p = 0; p < cells[c].probes.size(); ++p) {
                const auto [section, x] = cells[c].probes[p];
                ASSERT_EQ(sim.voltage(section, x), alone[c][p])
                    << "cell " << c << ", probe " << p << ", " << threads << " thread(s)";
            }
    }
}

TEST(InterleavedCells, RunsOfOneShapeBecomeBlocksWithStridedSections) {
    // Three ball-and-stick cells, one forked, two ball-and-stick; one thread's range of all six.
    Model m;
    for (int k = 0; k < 3; ++k)
        ball_and_stick(m, "a" + std::to_string(k), k);
    forked(m, "f", 0);
    for (int k = 0; k < 2; ++k)
        ball_and_stick(m, "b" + std::to_string(k), k);
    auto layout = detail::build_tree_layout(m.sections());
    const auto before = layout;
    ASSERT_EQ(layout.cells.size(), 6U);
    const std::pair<std::size_t, std::size_t> all{0, 6};
    detail::interleave_cells(layout, std::span(&all, 1));

    // ball and stick: root, soma, soma end, 7 dendrite segments, dendrite end = 11 nodes.
    ASSERT_EQ(layout.blocks.size(), 3U);
    EXPECT_EQ(layout.blocks[0].begin, 0);
    EXPECT_EQ(layout.blocks[0].end, 33);
    EXPECT_EQ(layout.blocks[0].cells, 3);
    EXPECT_EQ(layout.blocks[1].cells, 1);
    EXPECT_EQ(layout.blocks[2].cells, 2);
    EXPECT_EQ(layout.blocks[2].end, static_cast<int32_t>(layout.size()));
    // Cell 1's dendrite segment j is node 1 + (3 + j) * 3; its parent is the same cell's node
    // before it; areas moved with the nodes.
    const auto& dend = layout.sections[3]; // a1.dend
    EXPECT_EQ(dend.stride, 3);
    for (int32_t j = 0; j < dend.nseg; ++j) {
        const int32_t node = dend.segment(j);
        EXPECT_EQ(node, 1 + (3 + j) * 3);
        EXPECT_EQ(layout.parent[static_cast<std::size_t>(node)], node - 3);
        const int32_t old = before.sections[3].segment(j);
        EXPECT_EQ(layout.area[static_cast<std::size_t>(node)],
                  before.area[static_cast<std::size_t>(old)]);
    }
    EXPECT_EQ(layout.node_at(3, 1.0), 1 + 10 * 3); // the dendrite's x = 1 end
    // Parents still precede children.
    for (std::size_t i = 0; i < layout.size(); ++i)
        EXPECT_LT(layout.parent[i], static_cast<int32_t>(i));
}

TEST(InterleavedCells, ThreadsRangesAreSeparatedByAPageOfNodesOfNoCell) {
    // Two ranges of three ball-and-stick cells (11 nodes each): the second range starts at least
    // partition_gap nodes after the first ends, on a cache line, and the gap is inert.
    Model m;
    for (int k = 0; k < 6; ++k)
        ball_and_stick(m, "c" + std::to_string(k), k);
    auto layout = detail::build_tree_layout(m.sections());
    const std::pair<std::size_t, std::size_t> ranges[] = {{0, 3}, {3, 6}};
    detail::interleave_cells(layout, ranges);
    ASSERT_EQ(layout.blocks.size(), 2U);
    EXPECT_EQ(layout.blocks[0].begin, 0);
    EXPECT_EQ(layout.blocks[0].end, 33);
    const int32_t second = layout.blocks[1].begin;
    EXPECT_GE(second - 33, 512); // a 4 KiB page of doubles
    EXPECT_GE(detail::partition_gap, 512);
    EXPECT_EQ(second % 8, 0);
    EXPECT_EQ(layout.blocks[1].end, static_cast<int32_t>(layout.size()));
    EXPECT_EQ(layout.gap_nodes, second - 33);
    for (int32_t i = 33; i < second; ++i) {
        const auto n = static_cast<std::size_t>(i);
        EXPECT_EQ(layout.parent[n], -1);
        EXPECT_EQ(layout.membrane[n], 0);
        EXPECT_EQ(layout.cm[n], 0.0);
        EXPECT_EQ(layout.section_of[n], -1);
    }
    // The cells moved with their range; cell 4's dendrite is in the second block.
    EXPECT_EQ(layout.cells[3].first, second);
    EXPECT_EQ(layout.sections[9].first, second + 3 * 3 + 1); // c4.dend segment 0
    EXPECT_EQ(layout.parent[static_cast<std::size_t>(second + 3 * 3 + 1)], second + 2 * 3 + 1);

    // A simulation counts only the cells' nodes.
    Simulation one(m, mech::testing::catalogue(), SimOptions{1});
    Simulation two(m, mech::testing::catalogue(), SimOptions{1, 0.025, 6.3, -65, 1, 2});
    EXPECT_EQ(two.node_count(), one.node_count());
    EXPECT_EQ(one.node_count(), 66U);
}

} // namespace
