// diam and area in a density mechanism (tests/golden/geometry.mod) through the JIT: each instance
// reads its own node's node_area / node_diam, in the contiguous and in the gathering instance
// loop, and the results equal the closed forms and the reference evaluator.
#include "eval/evaluator.hpp"
#include "instance_store.hpp"
#include "jit/compile.hpp"
#include "jit/compile_files.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace mech::jit {
namespace {

using testing::InstanceStore;

constexpr int width = 37; // several vectors and a remainder

struct Geometry {
    ir::Mechanism ir;
    std::unique_ptr<JitCatalogue> catalogue;
    const mech_mechanism* compiled = nullptr;
    int field(const char* name) const { return ir.find_field(name); }
};

Geometry compile_geometry() {
    Geometry g;
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    auto lowered = lower_files({MECH_GOLDEN_DIR "/geometry.mod"}, sources, diags);
    EXPECT_TRUE(lowered.has_value());
    if (!lowered)
        return g;
    g.ir = lowered->mechanisms.at(0);
    g.catalogue = compile(lowered->mechanisms, diags);
    EXPECT_NE(g.catalogue, nullptr);
    if (g.catalogue)
        g.compiled = g.catalogue->find("geom");
    return g;
}

// Instance i on node i (the contiguous loop), or a shuffle of the nodes (the gathering one).
std::vector<mech_index_t> nodes(bool contiguous) {
    std::vector<mech_index_t> n(width);
    for (int i = 0; i < width; ++i)
        n[i] = contiguous ? i : (i * 7) % width;
    return n;
}

bool close(double a, double b) {
    return std::fabs(a - b) <= 1e-13 * std::max(std::fabs(a), std::fabs(b));
}

class GeometryReads : public ::testing::TestWithParam<bool> {};

TEST_P(GeometryReads, InitCopiesEachNodesArea) {
    auto g = compile_geometry();
    ASSERT_NE(g.compiled, nullptr);
    InstanceStore s(*g.compiled, nodes(GetParam()), width);
    std::mt19937_64 rng(11);
    s.randomise(rng);
    g.compiled->init(s.data());
    const int surface = g.field("surface");
    for (int i = 0; i < width; ++i)
        EXPECT_EQ(s.fields[surface][i], s.node_area[s.node_index[i]]) << "instance " << i;
}

TEST_P(GeometryReads, CurrentScalesWithDiamSquaredOverArea) {
    auto g = compile_geometry();
    ASSERT_NE(g.compiled, nullptr);
    InstanceStore s(*g.compiled, nodes(GetParam()), width);
    std::mt19937_64 rng(12);
    s.randomise(rng);
    g.compiled->compute_currents(s.data());
    const int gbar = g.field("g"), e = g.field("e"), x = g.field("x");
    for (int i = 0; i < width; ++i) {
        const int n = s.node_index[i];
        const double geometry = s.node_diam[n] * s.node_diam[n] / s.node_area[n];
        const double conductance = s.fields[gbar][i] * s.fields[x][i] * geometry;
        const double current = conductance * (s.v[n] - s.fields[e][i]);
        EXPECT_TRUE(close(s.rhs[n], -current)) << "node " << n << ": " << s.rhs[n];
        EXPECT_TRUE(close(s.d[n], conductance)) << "node " << n << ": " << s.d[n];
    }
}

TEST_P(GeometryReads, PumpRateScalesWithFourOverDiam) {
    auto g = compile_geometry();
    ASSERT_NE(g.compiled, nullptr);
    InstanceStore s(*g.compiled, nodes(GetParam()), width);
    std::mt19937_64 rng(13);
    s.randomise(rng);
    const int x = g.field("x"), k = g.field("k");
    const std::vector<double> before = s.fields[x];
    g.compiled->advance_state(s.data());
    const double q10 = std::pow(3.0, (s.data()->celsius - 6.3) / 10.0);
    for (int i = 0; i < width; ++i) {
        const double rate = s.fields[k][i] * q10 * 4.0 / s.node_diam[s.node_index[i]];
        const double expected = 1.0 - (1.0 - before[i]) * std::exp(-rate * s.data()->dt);
        EXPECT_NEAR(s.fields[x][i], expected, 1e-13) << "instance " << i;
    }
}

TEST_P(GeometryReads, JitAgreesWithTheEvaluator) {
    auto g = compile_geometry();
    ASSERT_NE(g.compiled, nullptr);
    using Runner = void (*)(const ir::Mechanism&, mech_instance_data&);
    const std::pair<void (*)(mech_instance_data*), Runner> kernels[] = {
        {g.compiled->init, eval::init},
        {g.compiled->compute_currents, eval::compute_currents},
        {g.compiled->advance_state, eval::advance_state}};
    for (const auto& [jit_kernel, reference] : kernels) {
        InstanceStore a(*g.compiled, nodes(GetParam()), width);
        InstanceStore b(*g.compiled, nodes(GetParam()), width);
        std::mt19937_64 rng_a(14), rng_b(14);
        a.randomise(rng_a);
        b.randomise(rng_b);
        jit_kernel(a.data());
        reference(g.ir, *b.data());
        for (std::size_t f = 0; f < a.fields.size(); ++f)
            for (int i = 0; i < width; ++i)
                EXPECT_TRUE(close(a.fields[f][i], b.fields[f][i]))
                    << g.ir.fields[f].name << "[" << i << "]";
        for (int n = 0; n < width; ++n) {
            EXPECT_TRUE(close(a.rhs[n], b.rhs[n])) << "rhs " << n;
            EXPECT_TRUE(close(a.d[n], b.d[n])) << "d " << n;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Loops, GeometryReads, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "contiguous" : "gathering"; });

} // namespace
} // namespace mech::jit
