// Short runs (50 ms) of W1-W3 through the JIT and the runtime against NEURON 8.2's spike times
// with exact rates (usetable_hh 0): every spike within one step (0.025 ms).
#include "run_workload.hpp"
#include "spike_agreement.hpp"
#include "workload_models.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace mech::workloads {
namespace {

constexpr double tstop = 50;
constexpr double one_step = 0.025;

const Catalogue& mechanisms() {
    static const auto set = std::make_unique<MechanismSet>(MECH_MECHANISM_DIR);
    return set->catalogue();
}

std::vector<Spike> run_short(const Workload& w, int threads = 1) {
    RunSettings settings;
    settings.tstop = tstop;
    settings.threads = threads;
    const RunResult r = run_workload(w, mechanisms(), settings);
    EXPECT_EQ(r.steps, 2000);
    EXPECT_EQ(r.run_seconds.size(), 1u);
    return r.spikes;
}

void expect_agreement(const std::vector<Spike>& ours, const std::string& reference_csv,
                      std::size_t expected_count) {
    const auto ref = read_spikes_csv(reference_csv);
    const auto a = compare_spikes(ref, ours, tstop, one_step);
    EXPECT_TRUE(a.ok()) << describe(a, tstop);
    EXPECT_EQ(a.compared, expected_count);
    EXPECT_EQ(a.matched, expected_count) << describe(a, tstop);
}

TEST(ShortRuns, W1MatchesNeuronExactRates) {
    const auto spikes = run_short(build_w1());
    // tests/bench/data/README.md: NEURON's W1 fires 4730 spikes in 50 ms; cell 993 is first at 1.2.
    ASSERT_FALSE(spikes.empty());
    EXPECT_EQ(spikes.front().gid, 993);
    EXPECT_NEAR(spikes.front().t, 1.2, one_step);
    expect_agreement(spikes, MECH_BENCH_DATA_DIR "/W1_spikes_50ms.csv", 4730);
}

TEST(ShortRuns, W2MatchesNeuronExactRates) {
    const auto spikes = run_short(build_w2());
    expect_agreement(spikes, MECH_BENCH_DATA_DIR "/W2_spikes_50ms.csv", 787);
}

TEST(ShortRuns, W3FirstFiftyMillisecondsMatchNeuronExactRates) {
    const auto spikes = run_short(build_w3());
    // Cells 0-9 are driven first; the first undriven cell is 262 at 11.65 ms with exact rates.
    ASSERT_GE(spikes.size(), 11u);
    for (int k = 0; k < 10; ++k)
        EXPECT_NEAR(spikes[static_cast<std::size_t>(k)].t, 6.475, one_step);
    EXPECT_EQ(spikes[10].gid, 262);
    expect_agreement(spikes, MECH_REFERENCE_DIR "/W3_spikes.csv", 1129);
}

// --threads reaches the runtime, and the raster does not depend on it (W3: spikes cross from
// one thread's cells to the other's).
TEST(ShortRuns, W3OnTwoThreadsGivesTheSameSpikes) {
    ASSERT_TRUE(runtime_supports_threads());
    const Workload w = build_w3();
    const auto one = run_short(w, 1);
    const auto two = run_short(w, 2);
    ASSERT_EQ(one.size(), two.size());
    for (std::size_t k = 0; k < one.size(); ++k) {
        EXPECT_EQ(one[k].gid, two[k].gid) << "spike " << k;
        EXPECT_EQ(one[k].t, two[k].t) << "spike " << k;
    }
}

} // namespace
} // namespace mech::workloads
