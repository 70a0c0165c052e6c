// NEURON's hh written as a plain NMODL file (tests/data/mod/hh.mod) compiles unchanged and, in
// the runtime, gives NEURON's A3 trace — and the same trace as the library's hh.mech.
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
#include <vector>

namespace mech::library_test {
namespace {

// Case A3 (reference notes section 4): soma 40 x 40 um, hh with gnabar 0.1, gkbar 0.01,
// gl 5e-4, el -65, IClamp 0.1 nA from 10 to 60 ms; returns the simulation after the run.
Simulation run_a3(const std::string& hh_file) {
    const jit::JitCatalogue* compiled = load_together({hh_file});
    EXPECT_NE(compiled, nullptr);
    Catalogue catalogue;
    if (compiled)
        for (const mech_mechanism* m : compiled->mechanisms())
            catalogue.add(m);
    Model model;
    const SectionId soma = model.add_section("soma", {40, 40, 1, 1, 35.4});
    model.insert(soma, "hh");
    model.set(soma, "gnabar_hh", 0.1);
    model.set(soma, "gkbar_hh", 0.01);
    model.set(soma, "gl_hh", 5e-4);
    model.set(soma, "el_hh", -65);
    model.add_stimulus(soma, 0.5, IClamp{.amp = 0.1, .del = 10, .dur = 50});
    model.record_v("v_soma", soma, 0.5);
    for (const char* column : {"m_hh", "h_hh", "n_hh", "ina", "ik"})
        model.record(column, soma, 0.5, column);
    Simulation sim(model, catalogue, SimOptions{100, 0.025, 6.3, -65});
    sim.run();
    return sim;
}

double max_abs_diff(std::span<const double> a, std::span<const double> b) {
    EXPECT_EQ(a.size(), b.size());
    double m = 0;
    for (std::size_t k = 0; k < std::min(a.size(), b.size()); ++k)
        m = std::max(m, std::fabs(a[k] - b[k]));
    return m;
}

TEST(HhMod, NeuronsHhAsAPlainModFileMatchesNeuron) {
    const std::string mod = std::string(MECH_TEST_DATA_DIR) + "/mod/hh.mod";
    const Simulation sim = run_a3(mod);
    const auto ref = testing::read_csv(testing::reference_path("A3_hh_spiking.csv"));
    ASSERT_EQ(sim.trace("t").size(), ref["t"].size());
    // The reference is printed with 10 significant digits; the rest is the same arithmetic.
    EXPECT_LE(max_abs_diff(sim.trace("v_soma"), ref["v_soma"]), 1e-6);
    for (const char* gate : {"m_hh", "h_hh", "n_hh"})
        EXPECT_LE(max_abs_diff(sim.trace(gate), ref[gate]), 1e-8) << gate;
    EXPECT_LE(max_abs_diff(sim.trace("ina"), ref["ina"]), 1e-8);
    EXPECT_LE(max_abs_diff(sim.trace("ik"), ref["ik"]), 1e-8);
    EXPECT_EQ(testing::crossings(ref["t"], std::vector<double>(sim.trace("v_soma").begin(),
                                                               sim.trace("v_soma").end()),
                                 0.0),
              testing::crossings(ref["t"], ref["v_soma"], 0.0));
}

TEST(HhMod, ModAndMechGiveTheSameTrace) {
    const Simulation from_mod = run_a3(std::string(MECH_TEST_DATA_DIR) + "/mod/hh.mod");
    const Simulation from_mech = run_a3("hh.mech");
    // Different source, same equations: rounding-level differences only (vtrap vs exprelr).
    EXPECT_LE(max_abs_diff(from_mod.trace("v_soma"), from_mech.trace("v_soma")), 1e-6);
}

} // namespace
} // namespace mech::library_test
