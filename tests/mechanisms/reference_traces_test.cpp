// The library's synapses on a passive soma against NEURON 8.2's traces (tests/data/reference):
// A8 (Exp2Syn) and B1-B4 (SimpleAMPA_NMDA, TsodyksMarkram_AMPA_NMDA), through the runtime.
#include "library_harness.hpp"
#include "reference_csv.hpp"

#include <mech/catalogue.hpp>
#include <mech/model.hpp>
#include <mech/simulation.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace mech::library_test {
namespace {

double max_abs_diff(std::span<const double> a, const std::vector<double>& b) {
    EXPECT_EQ(a.size(), b.size());
    double m = 0;
    for (std::size_t k = 0; k < std::min(a.size(), b.size()); ++k)
        m = std::max(m, std::fabs(a[k] - b[k]));
    return m;
}

struct Setting {
    const char* field;
    double value;
};

// The B-case cell (reference notes 5.4): soma L = diam = 40 um, Ra 100, pas (0.001 S/cm2,
// -70 mV), v_init -65, celsius 6.3; the synapse at soma(0.5) gets the A8 train 1 ms late.
void run_case(const std::string& file, const std::string& mechanism, const std::vector<Setting>& settings,
              double weight, const std::string& reference,
              const std::vector<std::pair<std::string, std::string>>& columns, double tolerance) {
    const jit::JitCatalogue* compiled = load_together({file, pas_file()});
    ASSERT_NE(compiled, nullptr);
    Catalogue catalogue;
    for (const mech_mechanism* m : compiled->mechanisms())
        catalogue.add(m);

    Model model;
    const SectionId soma = model.add_section("soma", {40, 40, 1, 1, 100});
    model.insert(soma, "pas");
    const PointProcessId syn = model.add_point_process(soma, 0.5, mechanism);
    for (const auto& s : settings)
        model.set(syn, s.field, s.value);
    model.record_v("v_soma", soma, 0.5);
    for (const auto& [column, field] : columns)
        if (column != "v_soma")
            model.record(column, syn, field);
    Simulation sim(model, catalogue, SimOptions{1000, 0.025, 6.3, -65, 4});
    for (double t : {100, 150, 200, 250, 300, 350, 400, 450, 950})
        sim.queue_event(syn, t + 1, std::vector<double>{weight});
    sim.run();

    const auto ref = testing::read_csv(testing::reference_path(reference));
    ASSERT_EQ(sim.trace("t").size(), ref["t"].size());
    EXPECT_LE(max_abs_diff(sim.trace("t"), ref["t"]), 1e-6);
    for (const auto& [column, field] : columns) {
        const auto& expected = ref[column];
        double scale = 0; // the column's largest magnitude
        for (double x : expected)
            scale = std::max(scale, std::fabs(x));
        EXPECT_LE(max_abs_diff(sim.trace(column), expected), tolerance * scale)
            << reference << ": " << column;
    }
}

TEST(NeuronTraces, A8Exp2SynOnAPassiveSoma) {
    run_case("Exp2Syn.mech", "Exp2Syn", {{"tau1", 0.5}, {"tau2", 10}, {"e", -80}}, 0.001,
             "A8_exp2syn_vecstim.csv", {{"v_soma", "v"}, {"g_syn", "g"}, {"i_syn", "i"}}, 1e-7);
}

TEST(NeuronTraces, B1AmpaOnly) {
    run_case("AMPA_NMDA.mech", "SimpleAMPA_NMDA", {{"gmax_AMPA", 0.001}, {"gmax_NMDA", 0}}, 1.0,
             "B1_ampa_only.csv",
             {{"v_soma", "v"}, {"g", "g"}, {"i", "i"}, {"A_AMPA", "A_AMPA"}, {"B_AMPA", "B_AMPA"}}, 1e-7);
}

TEST(NeuronTraces, B2NmdaOnlyWithoutMagnesium) {
    run_case("AMPA_NMDA.mech", "SimpleAMPA_NMDA", {{"gmax_AMPA", 0}, {"gmax_NMDA", 0.001}, {"mg", 0}},
             1.0, "B2_nmda_only_mg0.csv",
             {{"v_soma", "v"}, {"g", "g"}, {"i", "i"}, {"A_NMDA", "A_NMDA"}, {"B_NMDA", "B_NMDA"}}, 1e-7);
}

TEST(NeuronTraces, B3AmpaAndBlockedNmda) {
    run_case("AMPA_NMDA.mech", "SimpleAMPA_NMDA",
             {{"gmax_AMPA", 0.001}, {"gmax_NMDA", 0.0007}, {"mg", 1}}, 1.0, "B3_ampa_nmda_mg1.csv",
             {{"v_soma", "v"},
              {"g", "g"},
              {"i", "i"},
              {"g_AMPA", "g_AMPA"},
              {"g_NMDA", "g_NMDA"},
              {"i_AMPA", "i_AMPA"},
              {"i_NMDA", "i_NMDA"}},
             1e-7);
}

TEST(NeuronTraces, B4TsodyksMarkram) {
    run_case("TsodyksMarkram_AMPA_NMDA.mech", "TsodyksMarkram_AMPA_NMDA",
             {{"gmax_AMPA", 0.001}, {"gmax_NMDA", 0.0007}, {"mg", 1}, {"tau_rec", 200},
              {"tau_facil", 200}, {"U1", 0.5}},
             1.0, "B4_tsodyks_markram.csv",
             {{"v_soma", "v"}, {"g", "g"}, {"i", "i"}, {"R", "R"}, {"Use", "Use"}}, 1e-7);
}

} // namespace
} // namespace mech::library_test
