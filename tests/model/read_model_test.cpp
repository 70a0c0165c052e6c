// Reader unit tests: a complete model file is read into the description it means.
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "model_error.hpp"
#include "read_model.hpp"

namespace {

using namespace mech::model;

const char* const ball_and_stick = R"TOML(
title = "ball and stick"
mechanism_paths = ["mods"]

[simulation]
tstop = 40
dt = 0.025
celsius = 6.3
v_init = -65

[templates.bs.sections.soma]
L = 40
diam = 40
Ra = 35.4
mechanisms = { hh = { gnabar = 0.1, gkbar = 0.01, gl = 5e-4, el = -65 } }

[templates.bs.sections.dend]
L = 400
diam = 2
nseg = 9
Ra = 200
parent = "soma"
mechanisms = ["hh"]
gnabar_hh = 0
ena = 50

[cells.neuron]
template = "bs"
[cells.neuron.sections.soma]
mechanisms = { hh = { gnabar = 0.12 } }

[stimuli.stim]
type = "IClamp"
at = "soma(0.5)"
amp = 0.1
del = 10
dur = 50

[point_processes.syn]
mechanism = "ExpSyn"
at = "neuron.dend(0.5)"
tau = 2
e = 0

[probes]
v_soma = "soma(0.5).v"
v_dend_1 = "dend(1).v"
m = "soma(0.5).hh.m"
i_stim = "stim.i"
g_syn = { variable = "g", point = "syn", every = 4 }

[output]
plot = false
)TOML";

TEST(ReadModel, ReadsEveryPartOfACompleteFile) {
    const ModelDescription m = read_model_text(ball_and_stick, "bs.toml", "/models");
    EXPECT_EQ(m.title, "ball and stick");
    ASSERT_EQ(m.mechanism_paths.size(), 1u);
    EXPECT_EQ(m.mechanism_paths[0], "/models/mods");
    EXPECT_DOUBLE_EQ(m.simulation.tstop, 40);
    ASSERT_EQ(m.cells.size(), 1u);
    const CellDesc& cell = m.cells[0];
    EXPECT_EQ(cell.template_name, "bs");
    ASSERT_EQ(cell.sections.size(), 2u);
    // File order, not alphabetical order.
    EXPECT_EQ(cell.sections[0].name, "soma");
    EXPECT_EQ(cell.sections[1].name, "dend");
    const SectionDesc& soma = cell.sections[0];
    ASSERT_EQ(soma.mechanisms.size(), 1u);
    // The cell's gnabar replaces the template's; the template's other parameters stay.
    std::map<std::string, double> p;
    for (const auto& v : soma.mechanisms[0].params) p[v.name] = v.value;
    EXPECT_DOUBLE_EQ(p.at("gnabar"), 0.12);
    EXPECT_DOUBLE_EQ(p.at("gkbar"), 0.01);
    EXPECT_DOUBLE_EQ(p.at("el"), -65);
    const SectionDesc& dend = cell.sections[1];
    EXPECT_EQ(dend.nseg, 9);
    EXPECT_EQ(dend.parent, "soma");
    EXPECT_DOUBLE_EQ(dend.parent_x, 1.0);
    ASSERT_EQ(dend.neuron_style.size(), 2u);
    EXPECT_EQ(dend.neuron_style[0].name, "gnabar_hh");
    EXPECT_EQ(dend.neuron_style[1].name, "ena");
    EXPECT_DOUBLE_EQ(dend.neuron_style[1].value, 50);
    EXPECT_GT(dend.neuron_style[1].loc.line, 0);

    ASSERT_EQ(m.stimuli.size(), 1u);
    EXPECT_EQ(m.stimuli[0].kind, StimulusKind::IClamp);
    EXPECT_EQ(m.stimuli[0].params.size(), 3u);
    ASSERT_EQ(m.point_processes.size(), 1u);
    EXPECT_EQ(m.point_processes[0].at.cell, "neuron");
    EXPECT_EQ(m.point_processes[0].params.size(), 2u);

    ASSERT_EQ(m.probes.size(), 5u);
    EXPECT_EQ(m.probes[0].name, "v_soma");
    EXPECT_EQ(m.probes[1].name, "v_dend_1");
    EXPECT_DOUBLE_EQ(m.probes[1].at->x, 1.0);
    EXPECT_EQ(m.probes[2].mechanism, "hh");
    EXPECT_EQ(m.probes[2].variable, "m");
    EXPECT_EQ(m.probes[3].point, "stim");
    EXPECT_EQ(m.probes[3].variable, "i");
    EXPECT_EQ(m.probes[4].every, 4);
    EXPECT_FALSE(m.output.plot);
}

TEST(ReadModel, ProbesKeepFileOrderForCsvColumns) {
    const ModelDescription m = read_model_text(R"TOML(
[simulation]
tstop = 1
[cells.c.sections.soma]
sphere = 10
[probes]
z = "soma(0.5).v"
a = "soma(0.5).v"
m = "soma(0.5).v"
)TOML", "order.toml");
    ASSERT_EQ(m.probes.size(), 3u);
    EXPECT_EQ(m.probes[0].name, "z");
    EXPECT_EQ(m.probes[1].name, "a");
    EXPECT_EQ(m.probes[2].name, "m");
}

TEST(ReadModel, SphereSetsLengthAndDiameter) {
    const ModelDescription m = read_model_text("[simulation]\ntstop = 1\n[cells.c.sections.soma]\nsphere = 12.5\n", "s.toml");
    EXPECT_DOUBLE_EQ(m.cells[0].sections[0].length, 12.5);
    EXPECT_DOUBLE_EQ(m.cells[0].sections[0].diam, 12.5);
}

TEST(ReadModel, MissingFileIsAnErrorNamingIt) {
    try {
        read_model_file("/nonexistent/model.toml");
        FAIL();
    } catch (const ModelError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/model.toml: error: cannot read"), std::string::npos);
    }
}

TEST(DidYouMean, SuggestsTyposOnly) {
    EXPECT_EQ(closest_match("gnbaar", {"gnabar", "gkbar", "gl"}), "gnabar");
    EXPECT_EQ(closest_match("simulaton", {"simulation", "output"}), "simulation");
    EXPECT_EQ(closest_match("xyz", {"simulation", "output"}), "");
}

}  // namespace

namespace {

// The complete example in docs/model-format.md must stay a valid model file.
TEST(ReadModel, DocumentationExampleIsValid) {
    std::ifstream in(MECH_MODEL_FORMAT_DOC);
    std::stringstream text;
    text << in.rdbuf();
    const std::string doc = text.str();
    const auto start = doc.find("```toml\n");
    ASSERT_NE(start, std::string::npos);
    const auto end = doc.find("```", start + 8);
    const std::string example = doc.substr(start + 8, end - start - 8);
    const ModelDescription m = read_model_text(example, "model-format.md example", "/docs");
    ASSERT_EQ(m.cells.size(), 1u);
    EXPECT_EQ(m.cells[0].sections.size(), 2u);
    EXPECT_EQ(m.probes.size(), 7u);
    EXPECT_EQ(m.probes[6].every, 4);
    EXPECT_EQ(m.point_processes.size(), 1u);
}

TEST(ModelFormatDoc, NetworkExampleParses) {
    std::ifstream in(MECH_MODEL_FORMAT_DOC);
    std::stringstream text;
    text << in.rdbuf();
    const std::string doc = text.str();
    const auto section = doc.find("## Networks");
    ASSERT_NE(section, std::string::npos);
    const auto start = doc.find("```toml\n", section);
    ASSERT_NE(start, std::string::npos);
    const auto end = doc.find("```", start + 8);
    const ModelDescription m = read_model_text(doc.substr(start + 8, end - start - 8), "model-format.md network", "/docs");
    EXPECT_EQ(m.seed, 12345u);
    EXPECT_EQ(m.simulation.threads, 2);
    ASSERT_EQ(m.populations.size(), 2u);
    EXPECT_EQ(m.populations[1].first_gid, 80);
    EXPECT_EQ(m.cells.size(), 100u);  // one per population cell
    EXPECT_EQ(m.cells[80].name, "inh[0]");
    ASSERT_EQ(m.spike_sources.size(), 1u);
    EXPECT_EQ(m.spike_sources[0].first_gid, 100);
    EXPECT_EQ(m.spike_sources[0].count, 50);
    EXPECT_EQ(m.spike_sources[0].noise, 1);
    ASSERT_EQ(m.projections.size(), 4u);
    EXPECT_EQ(m.projections[0].rule, ProjectionDesc::Rule::FixedInDegree);
    EXPECT_FALSE(m.projections[0].multapses);
    EXPECT_EQ(m.projections[0].delay.kind, DistributionDesc::Kind::Normal);
    EXPECT_EQ(m.projections[0].delay.min, 0.5);
    EXPECT_EQ(m.projections[1].receptor.params.size(), 2u);
    ASSERT_EQ(m.projections[3].pairs.size(), 3u);
    EXPECT_FALSE(m.projections[3].pairs[0].weight);
    EXPECT_EQ(m.projections[3].pairs[2].target, 5);
    EXPECT_EQ(m.projections[3].pairs[2].weight, 0.003);
    EXPECT_EQ(m.projections[3].pairs[2].delay, 2.5);
    ASSERT_EQ(m.drives.size(), 1u);
    EXPECT_EQ(m.drives[0].gids.size(), 10u);
    EXPECT_EQ(m.stimuli.size(), 3u);  // copied to gids 80, 81, 82
    EXPECT_EQ(m.stimuli[2].name, "step[82]");
    EXPECT_EQ(m.stimuli[2].at.cell, "inh[2]");
    ASSERT_EQ(m.gap_junctions.size(), 1u);
    EXPECT_TRUE(m.gap_junctions[0].rectifying);
    EXPECT_EQ(m.gap_junctions[0].slope, 5);
}

}  // namespace
