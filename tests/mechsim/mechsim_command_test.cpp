// The mechsim command end to end: outputs, errors and exit status, sweeps, and what it must
// never do (overwrite a user's file, leave half-written output).
#include <cmath>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "reference_compare.hpp"
#include "reference_csv.hpp"
#include "run_mechsim.hpp"

namespace {

namespace fs = std::filesystem;
using namespace mech::mechsim_test;

const std::string tutorial = MECH_TUTORIAL_DIR;

TEST(MechsimRun, WritesTracesSpikesAndSummary) {
    const std::string out = fresh_folder("run");
    const auto r = run_mechsim("run " + tutorial + "/A1_passive_soma.toml -o " + out + " --no-plot");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("compartment-steps/s"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("wrote " + out + "/traces.csv"), std::string::npos) << r.out;
    EXPECT_TRUE(fs::exists(out + "/spikes.csv"));
    EXPECT_FALSE(fs::exists(out + "/traces.png"));  // --no-plot
    const std::string csv = read_text(out + "/traces.csv");
    EXPECT_EQ(csv.substr(0, csv.find('\n')), "t,v_soma,i_stim");
}

TEST(MechsimRun, PlotsWithGnuplot) {
    const std::string out = fresh_folder("plot");
    const auto r = run_mechsim("run " + tutorial + "/A1_passive_soma.toml -o " + out);
    ASSERT_EQ(r.status, 0) << r.err;
    ASSERT_TRUE(fs::exists(out + "/traces.png")) << r.err;
    const std::string png = read_text(out + "/traces.png");
    EXPECT_EQ(png.substr(1, 3), "PNG");
    EXPECT_TRUE(fs::exists(out + "/traces.gp"));
}

TEST(MechsimRun, SetOverridesANumber) {
    const std::string out = fresh_folder("set");
    const auto r = run_mechsim("run " + tutorial + "/A1_passive_soma.toml -o " + out +
                               " --no-plot --set simulation.tstop=5 --set stim.amp=0.2");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto csv = mech::testing::read_csv(out + "/traces.csv");
    EXPECT_EQ(csv["t"].size(), 201u);
}

TEST(MechsimRun, BadModelGivesLocatedErrorAndFailureStatus) {
    const std::string out = fresh_folder("bad");
    const std::string model = std::string(MECH_MODEL_BAD_DIR) + "/unknown_section_field.toml";
    const auto r = run_mechsim("run " + model + " -o " + out);
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, model + ":7:1: error: unknown field 'cells.neuron.sections.soma.nsge'; did you mean 'nseg'?\n");
    EXPECT_FALSE(fs::exists(out + "/traces.csv"));
}

TEST(MechsimRun, NeverOverwritesAFileItDidNotWrite) {
    const std::string out = fresh_folder("theirs");
    {
        std::ofstream mine(out + "/traces.csv");
        mine << "my data\n";
    }
    const auto r = run_mechsim("run " + tutorial + "/A1_passive_soma.toml -o " + out + " --no-plot");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("was not written by mechsim"), std::string::npos) << r.err;
    EXPECT_EQ(read_text(out + "/traces.csv"), "my data\n");
    // Its own outputs it replaces freely.
    const std::string ours = fresh_folder("ours");
    ASSERT_EQ(run_mechsim("run " + tutorial + "/A1_passive_soma.toml -o " + ours + " --no-plot").status, 0);
    EXPECT_EQ(run_mechsim("run " + tutorial + "/A1_passive_soma.toml -o " + ours + " --no-plot").status, 0);
}

TEST(MechsimRun, BlownUpRunReportsAndKeepsTraces) {
    const std::string out = fresh_folder("nan");
    const std::string model = out + "/blowup.toml";
    {
        std::ofstream m(model);
        m << "[simulation]\ntstop = 5\n[cells.c.sections.soma]\nsphere = 10\n"
             "[stimuli.stim]\ntype = \"IClamp\"\nat = \"soma(0.5)\"\namp = 1e306\ndel = 1\ndur = 1\n"
             "[probes]\nv_soma = \"soma(0.5).v\"\n";
    }
    const auto r = run_mechsim("run " + model + " -o " + out + "/run --no-plot");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("error: the run stopped"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("soma"), std::string::npos) << r.err;
    const auto csv = mech::testing::read_csv(out + "/run/traces.csv");
    EXPECT_GT(csv["t"].size(), 10u);  // the samples before the failure are there
}

TEST(MechsimSweep, WritesOneSummaryRowPerValue) {
    const std::string out = fresh_folder("sweep");
    const auto r = run_mechsim("sweep " + tutorial + "/A1_passive_soma.toml --param stim.amp --values 0:0.2:0.1 -o " +
                               out + " --traces -q");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto csv = mech::testing::read_csv(out + "/sweep.csv");
    ASSERT_EQ(csv.names.size(), 7u);
    EXPECT_EQ(csv.names[1], "stim.amp");
    EXPECT_EQ(csv.names[2], "v_soma_max");
    ASSERT_EQ(csv["stim.amp"].size(), 3u);
    EXPECT_DOUBLE_EQ(csv["v_soma_max"][0], -65);            // no current: v stays put
    EXPECT_NEAR(csv["v_soma_max"][1], 34.47183943, 1e-6);   // the A1 reference value
    EXPECT_GT(csv["v_soma_max"][2], csv["v_soma_max"][1]);
    EXPECT_TRUE(std::isnan(csv["v_soma_first_spike"][0]));
    EXPECT_DOUBLE_EQ(csv["failed"][1], 0);
    EXPECT_TRUE(fs::exists(out + "/run_002/traces.csv"));
}

TEST(MechsimSweep, BadPathFailsBeforeAnyRun) {
    const std::string out = fresh_folder("sweep_bad");
    const auto r = run_mechsim("sweep " + tutorial + "/A1_passive_soma.toml --param soma.cn --values 1,2 -o " + out);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("unknown field 'cn' in section 'soma'; did you mean 'cm'?"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out + "/sweep.csv"));
}

}  // namespace
