// Density mechanisms reading NEURON's `diam` and `area` inside the runtime (compiled by the real
// pipeline): each segment sees its own diameter and area, per-segment diam assignments included,
// on one thread and on two, and a leak scaled by them charges each cell as the closed form says.
#include "jit/compile_files.hpp"

#include "mech/mech.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numbers>
#include <unistd.h>

namespace {

using namespace mech;
namespace fs = std::filesystem;

// g: a conductance density scaled by 4/diam (um), as a volume-bound process is; gtot: a total
// conductance per segment (uS) spread over its area. dseen/aseen keep what INITIAL read.
constexpr const char* kGeomLeak = R"(NEURON {
    SUFFIX geomleak
    NONSPECIFIC_CURRENT i
    RANGE g, gtot, e, dseen, aseen
}
UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (um) = (micron)
    (uS) = (microsiemens)
}
PARAMETER {
    g = 0.001 (S/cm2)
    gtot = 0.001 (uS)
    e = -70 (mV)
}
ASSIGNED {
    v (mV)
    i (mA/cm2)
    diam (um)
    area (um2)
    dseen (um)
    aseen (um2)
}
INITIAL {
    dseen = diam
    aseen = area
}
BREAKPOINT {
    UNITSOFF
    i = g*(4/diam)*(v - e) + 100*gtot*(v - e)/area
    UNITSON
}
)";

struct Compiled {
    std::unique_ptr<jit::JitCatalogue> jit;
    Catalogue catalogue;
};

std::unique_ptr<Compiled> compile_geomleak() {
    const fs::path dir = fs::temp_directory_path() / ("mech_diam_area_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path file = dir / "geomleak.mod";
    std::ofstream(file) << kGeomLeak;
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    auto out = std::make_unique<Compiled>();
    out->jit = jit::compile_files({file.string()}, sources, diags);
    for (const auto& d : diags.diagnostics())
        ADD_FAILURE() << diags.render(d);
    fs::remove_all(dir);
    if (!out->jit)
        return nullptr;
    for (const mech_mechanism* m : out->jit->mechanisms())
        out->catalogue.add(m);
    return out;
}

class DiamArea : public ::testing::TestWithParam<int> {}; // the number of threads

TEST_P(DiamArea, EachSegmentReadsItsOwnDiameterAndArea) {
    auto compiled = compile_geomleak();
    ASSERT_NE(compiled, nullptr);
    Model model;
    const SectionId a = model.add_section("a", {20, 5, 1, 1, 100});
    const SectionId b = model.add_section("b", {40, 3, 2, 1, 100}); // second cell, two segments
    model.set(b, 0.75, "diam", 6);
    for (SectionId s : {a, b})
        model.insert(s, "geomleak");
    SimOptions options{1, 0.025, 6.3, -65, 1, GetParam()};
    Simulation sim(model, compiled->catalogue, options);
    sim.initialize();
    const double pi = std::numbers::pi;
    EXPECT_DOUBLE_EQ(sim.value(a, 0.5, "dseen_geomleak"), 5);
    EXPECT_DOUBLE_EQ(sim.value(a, 0.5, "aseen_geomleak"), pi * 5 * 20);
    EXPECT_DOUBLE_EQ(sim.value(b, 0.25, "dseen_geomleak"), 3);
    EXPECT_DOUBLE_EQ(sim.value(b, 0.25, "aseen_geomleak"), pi * 3 * 20);
    EXPECT_DOUBLE_EQ(sim.value(b, 0.75, "dseen_geomleak"), 6);
    EXPECT_DOUBLE_EQ(sim.value(b, 0.75, "aseen_geomleak"), pi * 6 * 20);
}

// One segment of diameter d and area A with the leak above and an IClamp of I nA: an RC circuit
// with G = g*4/d + 100*gtot/A (S/cm2), tau = cm/G (1e-3 ms per uF/S), v_inf = e + 100*I/(G*A).
TEST_P(DiamArea, ScaledLeakChargesEachCellAsAnRcCircuit) {
    auto compiled = compile_geomleak();
    ASSERT_NE(compiled, nullptr);
    struct Cell {
        double length, diam;
        SectionId section;
    };
    std::vector<Cell> cells{{20, 5, {}}, {10, 2, {}}};
    Model model;
    const double g = 1e-3, gtot = 1e-3, e = -70, amp = 0.02;
    for (std::size_t k = 0; k < cells.size(); ++k) {
        auto& c = cells[k];
        c.section = model.add_section("c" + std::to_string(k), {c.length, c.diam, 1, 1, 100});
        model.insert(c.section, "geomleak");
        model.add_stimulus(c.section, 0.5, IClamp{amp, 0, 1e9});
        model.record_v("v" + std::to_string(k), c.section, 0.5);
    }
    const double dt = 0.001;
    Simulation sim(model, compiled->catalogue, SimOptions{20, dt, 6.3, e, 1, GetParam()});
    sim.run();
    const auto t = sim.trace("t");
    for (std::size_t k = 0; k < cells.size(); ++k) {
        const auto& c = cells[k];
        const double area = std::numbers::pi * c.diam * c.length;
        const double G = g * 4 / c.diam + 100 * gtot / area;
        const double tau = 1e-3 / G;
        const double dv = 100 * amp / (G * area);
        const auto v = sim.trace("v" + std::to_string(k));
        double err = 0;
        for (std::size_t n = 0; n < t.size(); ++n)
            err = std::max(err, std::fabs(v[n] - (e + dv * (1 - std::exp(-t[n] / tau)))));
        // Backward Euler's error is about dv*dt/(2 tau) e^-1 at most; the cells' taus differ
        // (0.89 and 0.28 ms), so a diam or area read from the wrong node shows at once.
        EXPECT_LT(err, dv * dt / tau) << "cell " << k;
        EXPECT_NEAR(v.back(), e + dv, 1e-6 * dv) << "cell " << k;
    }
}

INSTANTIATE_TEST_SUITE_P(Threads, DiamArea, ::testing::Values(1, 2),
                         [](const auto& info) { return std::to_string(info.param) + "_threads"; });

} // namespace
