// The cable solver against closed forms: RC charging of a passive sphere (and first-order
// convergence of backward Euler), steady-state attenuation along a sealed passive cable.
#include "test_mechanisms.hpp"

#include "mech/mech.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <numbers>

namespace {

using namespace mech;

// Max |v - v_exact| for a sphere (d = 10 um, pas g = 1e-3, e = -70, cm = 1) charged from rest by
// a 10 mV-equivalent current step: v(t) = e + dV (1 - exp(-t/tau)), tau = cm/g = 1 ms.
double rc_error(double dt) {
    Model model;
    const double d = 10;
    const SectionId soma = model.add_sphere("soma", d);
    model.insert(soma, "pas");
    const double area = std::numbers::pi * d * d;
    const double dv = 10;
    const double amp = dv * 1e-3 * area / 100; // dV = 100 I/(g area)
    model.add_stimulus(soma, 0.5, IClamp{amp, 0, 1e9});
    model.record_v("v", soma, 0.5);
    Simulation sim(model, mech::testing::catalogue(), SimOptions{5, dt, 6.3, -70, 1});
    sim.run();
    const auto t = sim.trace("t");
    const auto v = sim.trace("v");
    double err = 0;
    for (std::size_t k = 0; k < t.size(); ++k)
        err = std::max(err, std::fabs(v[k] - (-70 + dv * (1 - std::exp(-t[k] / 1.0)))));
    return err;
}

TEST(Analytic, SphereChargesLikeAnRcCircuit) {
    EXPECT_LT(rc_error(0.001), 5e-3);
}

TEST(Analytic, BackwardEulerIsFirstOrder) {
    const double coarse = rc_error(0.01), fine = rc_error(0.005);
    EXPECT_NEAR(coarse / fine, 2.0, 0.1);
}

TEST(Analytic, SealedCableAttenuatesAsCosh) {
    // lambda = sqrt(d Rm / (4 Ra)) with Rm = 1/g: d = 2 um, Ra = 100 ohm cm, g = 1e-4 S/cm2.
    const double L = 1000, diam = 2, Ra = 100, g = 1e-4;
    const double lambda = std::sqrt(diam * 1e-4 / (4 * Ra * g)) * 1e4; // um
    Model model;
    const SectionId cable = model.add_section("cable", {L, diam, 201, 1, Ra});
    model.insert(cable, "pas");
    model.set(cable, "g_pas", g);
    model.set(cable, "e_pas", -65);
    model.add_stimulus(cable, 0.0, IClamp{0.05, 0, 1e9});
    Simulation sim(model, mech::testing::catalogue(), SimOptions{300, 0.1, 6.3, -65, 100});
    sim.run();
    const double v0 = sim.voltage(cable, 0.0) + 65;
    ASSERT_GT(v0, 1.0);
    for (double x : {0.5 / 201, 50.5 / 201, 100.5 / 201, 150.5 / 201, 1.0}) {
        const double expected = std::cosh((L - x * L) / lambda) / std::cosh(L / lambda);
        EXPECT_NEAR((sim.voltage(cable, x) + 65) / v0, expected, 1e-4) << "x = " << x;
    }
}

} // namespace
