// Morphology -> nodes: NEURON's areas and resistances, which node holds x, solver order, cells.
#include "tree_layout.hpp"

#include "mech/mech.hpp"
#include "test_mechanisms.hpp"

#include <gtest/gtest.h>
#include <numbers>

namespace {

using namespace mech;
using mech::detail::build_tree_layout;

TEST(Geometry, AreasAndResistancesAsNeuron) {
    Model model;
    const SectionId soma = model.add_section("soma", {40, 40, 1, 1, 35.4});
    const SectionId dend = model.add_section("dend", {400, 2, 9, 1, 200});
    model.connect(dend, soma, 1.0);
    const auto layout = build_tree_layout(model.sections());
    const auto& s = layout.sections[soma.index];
    const auto& d = layout.sections[dend.index];
    EXPECT_NEAR(layout.area[s.first], 5026.548, 1e-3);
    EXPECT_NEAR(layout.area[d.first + 4], 279.253, 1e-3);
    // dend(0.5).ri() = two half-segment resistances in series.
    EXPECT_NEAR(2 * mech::detail::half_segment_resistance(model.sections()[dend.index].geometry),
                28.294, 1e-3);
    // Root node, soma centre, soma x=1, 9 dendrite centres, dendrite x=1.
    EXPECT_EQ(layout.size(), 13u);
    EXPECT_EQ(layout.cm[s.end1], 0.0);
    EXPECT_EQ(layout.membrane[s.end1], 0);
}

TEST(Geometry, NodeHoldingXFollowsNeuron) {
    Model model;
    const SectionId soma = model.add_section("soma", {40, 40, 1, 1, 35.4});
    const SectionId dend = model.add_section("dend", {400, 2, 9, 1, 200});
    model.connect(dend, soma, 1.0);
    const auto layout = build_tree_layout(model.sections());
    const auto& s = layout.sections[soma.index];
    const auto& d = layout.sections[dend.index];
    EXPECT_EQ(layout.node_at(dend.index, 0.0), s.end1); // dend(0) is soma(1)
    const int expected[] = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    for (int k = 1; k <= 9; ++k)
        EXPECT_EQ(layout.node_at(dend.index, k / 10.0), d.first + expected[k - 1]) << k;
    EXPECT_EQ(layout.node_at(dend.index, 1.0), d.end1);
    EXPECT_EQ(layout.segment_node(dend.index, 1.0), d.first + 8);
    EXPECT_EQ(layout.segment_node(dend.index, 0.0), d.first);
}

TEST(Geometry, SolverOrderAndCells) {
    Model model;
    const SectionId a = model.add_section("a", {100, 2, 3});
    const SectionId b = model.add_section("b", {100, 2, 2});
    const SectionId c = model.add_section("c", {100, 2, 2});
    const SectionId other = model.add_section("other", {10, 10, 1});
    model.connect(c, b, 0.5); // c's parent is created after... b hangs from a below
    model.connect(b, a, 0.3);
    auto layout = build_tree_layout(model.sections());
    for (std::size_t i = 0; i < layout.size(); ++i)
        EXPECT_LT(layout.parent[i], static_cast<int32_t>(i));
    ASSERT_EQ(layout.cells.size(), 2u);
    // c attaches to the centre node of b's segment holding 0.5 (segment 1 of 2).
    EXPECT_EQ(layout.parent[layout.sections[c.index].first], layout.sections[b.index].first + 1);
    EXPECT_EQ(layout.parent[layout.sections[b.index].first], layout.sections[a.index].first);
    const auto [begin, end] = layout.cells[1];
    EXPECT_EQ(layout.section_of[begin], other.index);
    EXPECT_EQ(end, static_cast<int32_t>(layout.size()));

    model.disconnect(b);
    layout = build_tree_layout(model.sections());
    EXPECT_EQ(layout.cells.size(), 3u);
}

TEST(Geometry, SphereIsOneNodeWithAreaPiDSquared) {
    Model model;
    const SectionId s = model.add_sphere("soma", 20);
    const auto layout = build_tree_layout(model.sections());
    ASSERT_EQ(layout.size(), 1u);
    EXPECT_DOUBLE_EQ(layout.area[0], std::numbers::pi * 400);
    EXPECT_EQ(layout.node_at(s.index, 0.0), 0);
    EXPECT_EQ(layout.node_at(s.index, 1.0), 0);
}

} // namespace

namespace {

// A section whose segments have different diameters behaves as sections of those diameters
// joined end to end (the junction node has no membrane, so it only adds the two resistances).
TEST(Geometry, PerSegmentDiameterEqualsJoinedSections) {
    const mech::Catalogue cat = [] {
        mech::Catalogue c;
        c.add(mech::testing::pas());
        return c;
    }();
    Model tapered;
    const SectionId t = tapered.add_section("t", {200, 1, 2, 1, 150});
    tapered.set(t, 0.75, "diam", 3);
    tapered.insert(t, "pas");
    tapered.add_stimulus(t, 0.0, IClamp{0.05, 1, 5});
    tapered.record_v("a", t, 0.25);
    tapered.record_v("b", t, 0.75);

    Model joined;
    const SectionId a = joined.add_section("a", {100, 1, 1, 1, 150});
    const SectionId b = joined.add_section("b", {100, 3, 1, 1, 150});
    joined.connect(b, a, 1.0);
    joined.insert(a, "pas");
    joined.insert(b, "pas");
    joined.add_stimulus(a, 0.0, IClamp{0.05, 1, 5});
    joined.record_v("a", a, 0.5);
    joined.record_v("b", b, 0.5);

    mech::Simulation s1(tapered, cat, mech::SimOptions{10});
    mech::Simulation s2(joined, cat, mech::SimOptions{10});
    s1.run();
    s2.run();
    for (const char* c : {"a", "b"})
        for (std::size_t k = 0; k < s1.trace(c).size(); ++k)
            ASSERT_NEAR(s1.trace(c)[k], s2.trace(c)[k], 1e-9) << c << " " << k;
    EXPECT_GT(s1.trace("a")[200], -64); // the pulse did something
}

} // namespace
