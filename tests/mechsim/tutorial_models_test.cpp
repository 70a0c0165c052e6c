// The tutorial model files (examples/tutorial) built by the model builder and run by the runtime
// against NEURON's traces, with the runtime's hand-written hh, pas, ExpSyn and Exp2Syn standing
// in for compiled ones (the B cases need SimpleAMPA_NMDA, which only the JIT provides).
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
    for (auto* m : {mech::testing::hh(), mech::testing::pas(), mech::testing::expsyn(), mech::testing::exp2syn()})
        loader.add(m);
    const auto result = mech::mechsim::run_model(model, loader, false);
    ASSERT_FALSE(result.failure) << *result.failure;
    auto ours = to_csv(result);
    // Models written every k-th step: keep the rows mechsim writes to traces.csv.
    const int every = model.output.every;
    if (every > 1)
        for (auto& [name, column] : ours.columns) {
            std::vector<double> kept;
            for (std::size_t i = 0; i < column.size(); i += static_cast<std::size_t>(every)) kept.push_back(column[i]);
            column = kept;
        }
    const auto reference = mech::testing::read_csv(mech::testing::reference_path(std::string(c.name) + ".csv"));
    EXPECT_EQ(mech::mechsim_test::compare_with_reference(ours, reference, c.kind), "");
}

INSTANTIATE_TEST_SUITE_P(Cases, TutorialModel,
                         ::testing::Values(Case{"A1_passive_soma", Kind::Passive}, Case{"A2_hh_leak_only", Kind::Passive},
                                           Case{"A3_hh_spiking", Kind::Spiking}, Case{"A5_ball_and_stick", Kind::Spiking},
                                           Case{"A6_expsyn_netstim", Kind::Spiking}, Case{"A7_two_cells", Kind::Spiking},
                                           Case{"A8_exp2syn_vecstim", Kind::Passive}),
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
