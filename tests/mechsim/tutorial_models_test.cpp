// The tutorial model files (examples/tutorial) built by the model builder and run by the runtime
// against NEURON's traces, with the runtime's hand-written hh/pas standing in for compiled ones.
// This checks the model files and the builder; mechsim_reference_test checks the same files
// through the mechsim command with JIT-compiled mechanisms.
#include <gtest/gtest.h>

#include "read_model.hpp"
#include "reference_compare.hpp"
#include "run_model.hpp"
#include "test_mechanisms.hpp"
#include "traces.hpp"

namespace {

using mech::mechsim_test::Kind;

struct Case {
    const char* name;
    Kind kind;
};

class TutorialModel : public ::testing::TestWithParam<Case> {};

mech::testing::Csv to_csv(const mech::mechsim::RunResult& r) {
    mech::testing::Csv csv;
    csv.names.push_back("t");
    csv.columns["t"] = r.t;
    for (const auto& trace : r.traces) {
        csv.names.push_back(trace.name);
        csv.columns[trace.name] = trace.values;
    }
    return csv;
}

TEST_P(TutorialModel, MatchesNeuron) {
    const Case c = GetParam();
    const auto model = mech::model::read_model_file(std::string(MECH_TUTORIAL_DIR) + "/" + c.name + ".toml");
    mech::model::MechanismLoader loader({});
    loader.add(mech::testing::hh());
    loader.add(mech::testing::pas());
    const auto result = mech::mechsim::run_model(model, loader, false);
    ASSERT_FALSE(result.failure) << *result.failure;
    const auto reference = mech::testing::read_csv(mech::testing::reference_path(std::string(c.name) + ".csv"));
    EXPECT_EQ(mech::mechsim_test::compare_with_reference(to_csv(result), reference, c.kind), "");
}

INSTANTIATE_TEST_SUITE_P(Cases, TutorialModel,
                         ::testing::Values(Case{"A1_passive_soma", Kind::Passive}, Case{"A2_hh_leak_only", Kind::Passive},
                                           Case{"A3_hh_spiking", Kind::Spiking}, Case{"A5_ball_and_stick", Kind::Spiking}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(TutorialModel, BallAndStickSpikesOnceNear20ms) {
    const auto model = mech::model::read_model_file(std::string(MECH_TUTORIAL_DIR) + "/A5_ball_and_stick.toml");
    mech::model::MechanismLoader loader({});
    loader.add(mech::testing::hh());
    const auto result = mech::mechsim::run_model(model, loader, false);
    ASSERT_EQ(result.spikes.size(), 1u);
    EXPECT_EQ(result.spikes[0].first, "neuron");
    ASSERT_EQ(result.spikes[0].second.size(), 1u);
    EXPECT_NEAR(result.spikes[0].second[0], 20.3, 0.0251);
}

}  // namespace
