// Unit tests of mechsim's pieces: CSV text, spike detection, sweep values, output folders and
// model overrides.
#include <cmath>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "apply_override.hpp"
#include "model_error.hpp"
#include "output_folder.hpp"
#include "read_model.hpp"
#include "reference_compare.hpp"
#include "run_mechsim.hpp"
#include "sweep_values.hpp"
#include "traces.hpp"

namespace {

namespace fs = std::filesystem;
using namespace mech::mechsim;

TEST(FormatCsv, HeaderAndTenSignificantDigits) {
    const std::vector<double> t = {0, 0.025, 0.05};
    Trace v{"v_soma", {-65, -64.123456789012, 1e-7}, 1, true};
    EXPECT_EQ(format_csv(t, {&v}, 1), "t,v_soma\n0,-65\n0.025,-64.12345679\n0.05,1e-07\n");
}

TEST(FormatCsv, EveryKeepsSamplesZeroKTwoK) {
    const std::vector<double> t = {0, 1, 2, 3, 4};
    Trace x{"x", {10, 11, 12, 13, 14}, 2, false};
    EXPECT_EQ(format_csv(t, {&x}, 2), "t,x\n0,10\n2,12\n4,14\n");
}

TEST(Spikes, UpwardCrossingsAreTheFirstSampleAtOrAbove) {
    const std::vector<double> t = {0, 1, 2, 3, 4, 5};
    const std::vector<double> v = {-65, 0, 10, -10, 0, -70};
    EXPECT_EQ(upward_crossings(t, v, 0), (std::vector<double>{1, 4}));
    const auto s = summarise(t, v, 0);
    EXPECT_EQ(s.spikes, 2u);
    EXPECT_DOUBLE_EQ(s.first_spike, 1);
    EXPECT_DOUBLE_EQ(s.max, 10);
    EXPECT_DOUBLE_EQ(s.min, -70);
}

TEST(SweepValues, RangeIncludesItsEnd) {
    const auto v = parse_sweep_values("0.08:0.16:0.01");
    ASSERT_EQ(v.size(), 9u);
    EXPECT_DOUBLE_EQ(v.front(), 0.08);
    EXPECT_NEAR(v.back(), 0.16, 1e-15);
    EXPECT_EQ(parse_sweep_values("1:0:-0.5"), (std::vector<double>{1, 0.5, 0}));
}

TEST(SweepValues, CountsAndLists) {
    EXPECT_EQ(parse_sweep_values("0:1:n3"), (std::vector<double>{0, 0.5, 1}));
    EXPECT_EQ(parse_sweep_values("0.1, 0.2,0.4"), (std::vector<double>{0.1, 0.2, 0.4}));
}

TEST(SweepValues, BadTextIsRejectedWithTheReason) {
    EXPECT_THROW(parse_sweep_values("0:1"), std::invalid_argument);
    EXPECT_THROW(parse_sweep_values("0:1:0"), std::invalid_argument);
    EXPECT_THROW(parse_sweep_values("0:1:-0.1"), std::invalid_argument);
    EXPECT_THROW(parse_sweep_values("0.1,x"), std::invalid_argument);
    EXPECT_THROW(parse_sweep_values("0:1:n0"), std::invalid_argument);
}

TEST(OutputFolder, ReplacesItsOwnFilesOnly) {
    const std::string dir = mech::mechsim_test::fresh_folder("folder");
    {
        std::ofstream(dir + "/notes.txt") << "mine";
    }
    OutputFolder folder(dir);
    folder.write("traces.csv", "a\n");
    folder.write("traces.csv", "b\n");
    EXPECT_EQ(mech::mechsim_test::read_text(dir + "/traces.csv"), "b\n");
    EXPECT_THROW(folder.write("notes.txt", "x"), std::runtime_error);
    EXPECT_EQ(mech::mechsim_test::read_text(dir + "/notes.txt"), "mine");
    // A new OutputFolder on the same path remembers what mechsim wrote there.
    OutputFolder again(dir);
    EXPECT_NO_THROW(again.write("traces.csv", "c\n"));
    // No temporary files are left behind.
    for (const auto& e : fs::directory_iterator(dir))
        EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
}

const char* const model_text = R"TOML(
[simulation]
tstop = 10
[cells.c.sections.soma]
L = 20
diam = 20
mechanisms = { hh = { gnabar = 0.1 } }
[stimuli.stim]
type = "IClamp"
at = "soma(0.5)"
amp = 0.1
dur = 1
)TOML";

TEST(ApplyOverride, ReachesEveryKindOfNumber) {
    auto m = mech::model::read_model_text(model_text, "m.toml");
    mech::model::apply_override(m, "simulation.tstop", 20);
    mech::model::apply_override(m, "soma.L", 30);
    mech::model::apply_override(m, "c.soma.hh.gnabar", 0.2);
    mech::model::apply_override(m, "soma.gkbar_hh", 0.01);
    mech::model::apply_override(m, "stim.amp=0.3");
    EXPECT_DOUBLE_EQ(m.simulation.tstop, 20);
    const auto& soma = m.cells[0].sections[0];
    EXPECT_DOUBLE_EQ(soma.length, 30);
    EXPECT_DOUBLE_EQ(soma.mechanisms[0].params[0].value, 0.2);
    ASSERT_EQ(soma.neuron_style.size(), 1u);
    EXPECT_EQ(soma.neuron_style[0].name, "gkbar_hh");
    EXPECT_DOUBLE_EQ(m.stimuli[0].params.back().value, 0.3);
}

// Regression: sweeping soma.hh.gnabar over a model that writes gnabar_hh changed nothing,
// because the model builder applied the file's NEURON-style value after the override.
TEST(ApplyOverride, EitherSpellingReplacesTheOther) {
    auto m = mech::model::read_model_text(model_text, "m.toml");
    mech::model::apply_override(m, "soma.gnabar_hh", 0.3);
    auto& soma = m.cells[0].sections[0];
    EXPECT_TRUE(soma.mechanisms[0].params.empty());
    ASSERT_EQ(soma.neuron_style.size(), 1u);
    EXPECT_DOUBLE_EQ(soma.neuron_style[0].value, 0.3);
    mech::model::apply_override(m, "soma.hh.gnabar", 0.4);
    EXPECT_TRUE(soma.neuron_style.empty());
    ASSERT_EQ(soma.mechanisms[0].params.size(), 1u);
    EXPECT_EQ(soma.mechanisms[0].params[0].name, "gnabar");
    EXPECT_DOUBLE_EQ(soma.mechanisms[0].params[0].value, 0.4);
}

TEST(ApplyOverride, BadPathsSayWhy) {
    auto m = mech::model::read_model_text(model_text, "m.toml");
    auto message = [&](const std::string& assignment) {
        try {
            mech::model::apply_override(m, assignment);
        } catch (const mech::model::ModelError& e) {
            return std::string(e.what());
        }
        return std::string("(accepted)");
    };
    EXPECT_EQ(message("simulation.tsop=1"), "m.toml: error: cannot set 'simulation.tsop': unknown simulation setting 'tsop'; did you mean 'tstop'?");
    EXPECT_EQ(message("sona.L=1"), "m.toml: error: cannot set 'sona.L': no section, stimulus or point process 'sona'; did you mean 'soma'?");
    EXPECT_EQ(message("soma.pas.g=1"), "m.toml: error: cannot set 'soma.pas.g': mechanism 'pas' is not inserted in section 'soma'");
    EXPECT_EQ(message("soma.L=-1"), "m.toml: error: cannot set 'soma.L': L must be > 0");
    EXPECT_EQ(message("soma.L=abc"), "m.toml: error: cannot set 'soma.L': 'abc' is not a number");
}

TEST(CompareWithReference, CatchesAShiftedSpike) {
    mech::testing::Csv a, b;
    a.names = b.names = {"t", "v_soma"};
    for (int i = 0; i < 100; ++i) {
        a.columns["t"].push_back(i * 0.025);
        b.columns["t"].push_back(i * 0.025);
        a.columns["v_soma"].push_back(i == 50 ? 10 : -65);
        b.columns["v_soma"].push_back(i == 52 ? 10 : -65);
    }
    using mech::mechsim_test::Kind;
    EXPECT_NE(mech::mechsim_test::compare_with_reference(a, b, Kind::Spiking), "");
    EXPECT_NE(mech::mechsim_test::compare_with_reference(a, b, Kind::Passive), "");
    EXPECT_EQ(mech::mechsim_test::compare_with_reference(a, a, Kind::Spiking), "");
}

}  // namespace
