// Features the NEURON demo mechanisms need, run through the evaluator from source: a scheme's
// steady state in INITIAL (mcna.mod), net_move from NET_RECEIVE (invlfire.mod), constant
// species in reactions (release.mod) and a file's own FUNCTION named like a built-in
// (camchan.mod's ghk).
#include "eval/evaluator.hpp"
#include "eval/instance_storage.hpp"
#include "lower_source.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace mech::test {
namespace {


TEST(DemoFeatures, SteadyStateOfAKineticSchemeInInitial) {
    auto m = lower_source_file(MECH_GOLDEN_DIR "/steady_state_kinetic.mod", FailOn::Errors);
    eval::InstanceStorage s(m, 1);
    eval::init(m, s.data);
    // C <-> O (a = 0.3, b = 0.1) from C = 1: O = a/(a + b), C = b/(a + b), total kept.
    int c = m.find_field("C"), o = m.find_field("O");
    EXPECT_NEAR(s.field(c, 0), 0.25, 1e-8);
    EXPECT_NEAR(s.field(o, 0), 0.75, 1e-8);
    // The total is kept up to the rounding of a 1e9 ms step (NEURON's ss_dt has the same).
    EXPECT_NEAR(s.field(c, 0) + s.field(o, 0), 1.0, 1e-8);
}

TEST(DemoFeatures, ConstantSpeciesFeedsTheScheme) {
    auto m = lower_source_file(MECH_GOLDEN_DIR "/kinetic_constant_species.mod", FailOn::Errors);
    eval::InstanceStorage s(m, 1);
    int ves = m.find_field("Ves"), b = m.find_field("B");
    s.data.dt = 0.025;
    eval::init(m, s.data);
    EXPECT_DOUBLE_EQ(s.field(ves, 0), 5.0);
    // One backward-Euler step of Ves' = kt·(GenVes − Ves) − kt·Ves + kb·B, B' = kt·Ves − kb·B.
    double dt = 0.025, kt = 0.2, kb = 0.1, g = 5;
    double a11 = 1 + dt * 2 * kt, a12 = -dt * kb, a21 = -dt * kt, a22 = 1 + dt * kb;
    double r1 = 5 + dt * kt * g, r2 = 0;
    double det = a11 * a22 - a12 * a21;
    eval::advance_state(m, s.data);
    EXPECT_NEAR(s.field(ves, 0), (r1 * a22 - a12 * r2) / det, 1e-12);
    EXPECT_NEAR(s.field(b, 0), (a11 * r2 - a21 * r1) / det, 1e-12);
}

TEST(DemoFeatures, OwnFunctionWinsOverBuiltinGhk) {
    auto m = lower_source_file(MECH_GOLDEN_DIR "/own_function_over_builtin.mod", FailOn::Errors);
    eval::InstanceStorage s(m, 1);
    int ca = m.find_ion("ca");
    ASSERT_GE(ca, 0);
    s.v(0) = -20;
    s.ion(ca, ir::IonQuantity::Internal, 0) = 1e-4;
    s.ion(ca, ir::IonQuantity::External, 0) = 2;
    s.clear_accumulators();
    eval::compute_currents(m, s.data);
    // ica = pcabar·2·(ci − co)·v with the file's own ghk.
    EXPECT_NEAR(s.ion(ca, ir::IonQuantity::Current, 0), 2e-4 * 2 * (1e-4 - 2) * -20, 1e-15);
}

struct Moves {
    std::vector<std::pair<int, double>> calls;
    static void record(void* runtime, mech_index_t i, mech_value_t time) {
        static_cast<Moves*>(runtime)->calls.emplace_back(i, time);
    }
};

TEST(DemoFeatures, NetMoveCallsTheRuntimeWithTheNewTime) {
    auto m = lower_source_file(MECH_GOLDEN_DIR "/net_move.mod", FailOn::Errors);
    eval::InstanceStorage s(m, 2);
    Moves moves;
    s.data.runtime = &moves;
    s.data.net_move = &Moves::record;
    s.data.t = 3;
    double w = 1;
    eval::net_receive(m, s.data, 1, &w, 0); // a network event: moves the self-event to t + tau/2
    ASSERT_EQ(moves.calls.size(), 1u);
    EXPECT_EQ(moves.calls[0].first, 1);
    EXPECT_DOUBLE_EQ(moves.calls[0].second, 3 + 10 / 2.0);
    eval::net_receive(m, s.data, 0, &w, 1); // the self-event itself: no move
    EXPECT_EQ(moves.calls.size(), 1u);
}

} // namespace
} // namespace mech::test

namespace mech::test {
namespace {

// cabpump.mod's pattern: arrays sized by a DEFINE, unrolled FROM loops, diffusion reactions
// between elements and an indexed COMPARTMENT. Backward Euler keeps the amount Σ vol[i]·c[i]
// exactly up to the leak of the last element, and the fields are named c[0], c[1], ...
TEST(DemoFeatures, ArrayDiffusionKeepsAmountUpToTheLeak) {
    auto m = lower_source_file(MECH_GOLDEN_DIR "/array_diffusion.mod", FailOn::Errors);
    eval::InstanceStorage s(m, 1);
    s.data.dt = 0.1;
    eval::init(m, s.data);
    int c[3] = {m.find_field("c[0]"), m.find_field("c[1]"), m.find_field("c[2]")};
    int vol[3] = {m.find_field("vol[0]"), m.find_field("vol[1]"), m.find_field("vol[2]")};
    for (int k = 0; k < 3; ++k) {
        ASSERT_GE(c[k], 0);
        ASSERT_GE(vol[k], 0);
        EXPECT_DOUBLE_EQ(s.field(vol[k], 0), k + 1.0);
    }
    EXPECT_DOUBLE_EQ(s.field(c[0], 0), 6.0);
    EXPECT_DOUBLE_EQ(s.field(c[1], 0), 0.0);
    double c2_before = 0;
    for (int step = 0; step < 5; ++step) {
        c2_before = s.field(c[2], 0);
        double before = 0;
        for (int k = 0; k < 3; ++k)
            before += s.field(vol[k], 0) * s.field(c[k], 0);
        eval::advance_state(m, s.data);
        double after = 0;
        for (int k = 0; k < 3; ++k)
            after += s.field(vol[k], 0) * s.field(c[k], 0);
        EXPECT_NEAR(after, before - 0.1 * 0.2 * s.field(c[2], 0), 1e-12);
    }
    EXPECT_GT(s.field(c[1], 0), 0.0);
    EXPECT_GT(s.field(c[2], 0), 0.0);
    // flux_seen = f_flux - b_flux of the leak (no backward flux): -k·c[2], evaluated where the
    // solver evaluates the block's assignments (at the state the step starts from).
    EXPECT_NEAR(s.field(m.find_field("flux_seen"), 0), -0.2 * c2_before, 1e-12);
}

// cabpump.mod's FUNCTION ss() { SOLVE state STEADYSTATE sparse  ss = cai }, here called from
// INITIAL: the call is inlined there and solves the scheme's steady state, B = kf/(kf + kb).
TEST(DemoFeatures, SteadyStateSolvedInsideAFunctionThatInitialCalls) {
    auto m = lower_source_file(MECH_GOLDEN_DIR "/solve_in_function.mod", FailOn::Errors);
    eval::InstanceStorage s(m, 1);
    eval::init(m, s.data);
    const double a = s.field(m.find_field("A"), 0), b = s.field(m.find_field("B"), 0);
    EXPECT_NEAR(b, 2.0 / 3.0, 1e-8);
    EXPECT_NEAR(a + b, 1.0, 1e-12);
    EXPECT_EQ(s.field(m.find_field("result"), 0), b);
}

// NEURON's s0 convention (cabpump.mod's pump0): each STATE starts at its PARAMETER s0, then
// INITIAL runs; the file checks without a single diagnostic (s0 counts as used).
TEST(DemoFeatures, StatesStartAtTheirS0Parameters) {
    auto m = lower_source_file(MECH_GOLDEN_DIR "/state_start.mod", FailOn::AnyDiagnostic);
    eval::InstanceStorage s(m, 2);
    s.field(m.find_field("x0"), 1) = 0.5;
    eval::init(m, s.data);
    EXPECT_EQ(s.field(m.find_field("x"), 0), 0.25);
    EXPECT_EQ(s.field(m.find_field("x"), 1), 0.5);
    EXPECT_EQ(s.field(m.find_field("y"), 0), 6.0);
}

// cabpump.mod reads diam in a density mechanism: each instance reads its node's diam and area.
TEST(DemoFeatures, DensityMechanismReadsItsNodesDiamAndArea) {
    auto m = lower_source_file(MECH_GOLDEN_DIR "/geometry.mod", FailOn::Errors);
    eval::InstanceStorage s(m, 2);
    s.node_diam(0) = 2;
    s.node_area(0) = 50;
    s.node_diam(1) = 8;
    s.node_area(1) = 400;
    eval::init(m, s.data);
    EXPECT_EQ(s.field(m.find_field("surface"), 0), 50);
    EXPECT_EQ(s.field(m.find_field("surface"), 1), 400);
    const int x = m.find_field("x");
    s.field(x, 0) = s.field(x, 1) = 1;
    s.v(0) = s.v(1) = -60;
    eval::compute_currents(m, s.data);
    // i = g*(v - e)*x*diam^2/area = 0.001*10*diam^2/area
    EXPECT_NEAR(s.field(m.find_field("i"), 0), 0.01 * 4 / 50, 1e-15);
    EXPECT_NEAR(s.field(m.find_field("i"), 1), 0.01 * 64 / 400, 1e-15);
}

} // namespace
} // namespace mech::test
