// NEURON's own cabpump.mod (the demo file Debian ships, unmodified) compiled by mech and run in the
// runtime against NEURON 8.2's run of the same file (tests/data/reference/C1_cabpump.csv, made by
// scripts/neuron/cabpump_reference.py): radial calcium diffusion in 10 shells scaled by diam, a
// pump whose states start at pump0, and the pump current moving v.
#include "jit/compile_files.hpp"
#include "reference_csv.hpp"

#include "mech/mech.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

namespace {

using namespace mech;

constexpr const char* kCabpump = "/usr/share/nrn/demo/release/cabpump.mod";

TEST(Cabpump, MatchesNeuronOnOneSegment) {
    ASSERT_TRUE(std::filesystem::exists(kCabpump))
        << kCabpump << " is missing: install Debian's 'neuron' package (scripts/install-deps.sh)";
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    auto compiled = jit::compile_files({kCabpump}, sources, diags);
    ASSERT_NE(compiled, nullptr);
    EXPECT_EQ(diags.error_count(), 0u);
    Catalogue catalogue;
    for (const mech_mechanism* m : compiled->mechanisms())
        catalogue.add(m);

    Model model;
    const SectionId soma = model.add_section("soma", {10, 2, 1, 1, 100});
    model.insert(soma, "cadifpmp");
    IonDefaults ca;
    ca.internal = 1e-3;
    ca.external = 2;
    ca.valence = 2;
    model.set_ion_defaults("ca", ca);
    model.record_v("v_soma", soma, 0.5);
    model.record("cai", soma, 0.5, "cai");
    model.record("ica", soma, 0.5, "ica");
    model.record("ca0", soma, 0.5, "ca[0]_cadifpmp");
    model.record("ca9", soma, 0.5, "ca[9]_cadifpmp");
    model.record("pump", soma, 0.5, "pump_cadifpmp");
    model.record("pumpca", soma, 0.5, "pumpca_cadifpmp");
    Simulation sim(model, catalogue, SimOptions{20, 0.025, 6.3, -65, 4});
    sim.run();

    const auto ref = mech::testing::read_csv(mech::testing::reference_path("C1_cabpump.csv"));
    ASSERT_EQ(sim.trace("t").size(), ref["t"].size());
    for (const char* column : {"v_soma", "cai", "ica", "ca0", "ca9", "pump", "pumpca"}) {
        const auto trace = sim.trace(column);
        const auto& expected = ref[column];
        double scale = 0, worst = 0;
        for (std::size_t k = 0; k < expected.size(); ++k) {
            ASSERT_TRUE(std::isfinite(trace[k])) << column << " at row " << k;
            scale = std::max(scale, std::fabs(expected[k]));
            worst = std::max(worst, std::fabs(trace[k] - expected[k]));
        }
        // NEURON's sparse solver ends its Newton iteration on this nonlinear scheme (ca[0] + pump
        // <-> pumpca) once the update is small, not at convergence: ica (from f_flux - b_flux)
        // differs by ~1e-6 of its size, cai by ~2e-7, the rest by less than 1e-7. A wrong diam or
        // area, or a pump not started at pump0, is off by far more than 1e-5.
        EXPECT_LE(worst, 1e-5 * scale) << column;
    }
}

} // namespace
