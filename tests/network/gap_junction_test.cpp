// Gap junctions: two identical passive cells, current into one, against (1) the exact solution of
// the step's recurrence (partner voltage from the start of the step, own voltage implicit) to
// 1e-9 mV and (2) the analytic two-compartment solution (symmetric mode tau = C/G, antisymmetric
// tau = C/(G + 2 g_gap)) within backward Euler's first-order error; rectification; threads.
#include "library.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace mech {
namespace {

using network_test::library;

constexpr double area = std::numbers::pi * 20 * 20; // um2, soma L = diam = 20
constexpr double cap = 1 * area * 1e-5;             // nF (cm 1 uF/cm2)
constexpr double leak = 0.001 * area * 1e-2;        // uS (g_pas 0.001 S/cm2): tau = 1 ms
constexpr double rest = -65;                        // e_pas = v_init

struct Pair {
    Model model;
    SectionId a, b;
    GapJunctionId junction;
};

Pair coupled_pair(const GapJunction& gj, double amp_a, double amp_b = 0) {
    Pair p;
    for (auto* s : {&p.a, &p.b}) {
        *s = p.model.add_section(s == &p.a ? "a" : "b",
                                 SectionGeometry{.length = 20, .diam = 20, .nseg = 1});
        p.model.insert(*s, "pas");
        p.model.set(*s, "g_pas", 0.001);
        p.model.set(*s, "e_pas", rest);
    }
    p.model.add_stimulus(p.a, 0.5, IClamp{.amp = amp_a, .del = 0, .dur = 1e9});
    if (amp_b != 0)
        p.model.add_stimulus(p.b, 0.5, IClamp{.amp = amp_b, .del = 0, .dur = 1e9});
    p.junction = p.model.add_gap_junction(p.a, 0.5, p.b, 0.5, gj);
    p.model.record_v("va", p.a, 0.5);
    p.model.record_v("vb", p.b, 0.5);
    p.model.record("i", p.junction, "i");
    p.model.record("g", p.junction, "g");
    return p;
}

struct Traces {
    std::vector<double> t, va, vb, i, g;
};

Traces run(const Pair& p, double dt, double tstop, int threads = 1) {
    SimOptions o;
    o.dt = dt;
    o.tstop = tstop;
    o.threads = threads;
    Simulation sim(p.model, library(), o);
    sim.run();
    auto vec = [&](const char* c) {
        const auto s = sim.trace(c);
        return std::vector<double>(s.begin(), s.end());
    };
    return {vec("t"), vec("va"), vec("vb"), vec("i"), vec("g")};
}

TEST(GapJunction, MatchesTheExactRecurrenceOfTheStep) {
    const double g = 0.02, amp = 0.1, dt = 0.025;
    const Traces r = run(coupled_pair(GapJunction{.g = g}, amp), dt, 10);
    // (C/dt + G + g) du_a = I - G u_a - g (u_a - u_b), and the same for b without I.
    double ua = 0, ub = 0;
    const double diag = cap / dt + leak + g;
    for (std::size_t n = 1; n < r.t.size(); ++n) {
        const double da = (amp - leak * ua - g * (ua - ub)) / diag;
        const double db = (-leak * ub - g * (ub - ua)) / diag;
        ua += da;
        ub += db;
        ASSERT_NEAR(r.va[n] - rest, ua, 1e-9) << "t = " << r.t[n];
        ASSERT_NEAR(r.vb[n] - rest, ub, 1e-9) << "t = " << r.t[n];
    }
    // The recorded current is g*(va - vb) at the start of each step.
    EXPECT_NEAR(r.i[200], g * (r.va[199] - r.vb[199]), 1e-12);
    EXPECT_EQ(r.g[200], g);
}

// Largest |v - analytic| over both cells on [0, tstop].
double analytic_error(double dt, double g, double amp) {
    const Traces r = run(coupled_pair(GapJunction{.g = g}, amp), dt, 10);
    double worst = 0;
    for (std::size_t n = 0; n < r.t.size(); ++n) {
        const double t = r.t[n];
        const double s = amp / (2 * leak) * (1 - std::exp(-t * leak / cap));
        const double a = amp / (2 * (leak + 2 * g)) * (1 - std::exp(-t * (leak + 2 * g) / cap));
        worst = std::max(
            {worst, std::abs(r.va[n] - rest - (s + a)), std::abs(r.vb[n] - rest - (s - a))});
    }
    return worst;
}

TEST(GapJunction, FollowsTheAnalyticTwoCompartmentSolution) {
    const double g = 0.02, amp = 0.1; // tau 1 ms and 0.239 ms; amplitudes 3.98 and 0.95 mV
    const double e1 = analytic_error(0.025, g, amp);
    const double e2 = analytic_error(0.0125, g, amp);
    // First order: 0.075 mV of a 4.9 mV response at dt = 0.025 ms (g dt/C = 0.04); the bound
    // is 0.1 mV, i.e. 2.5 dt/tau_fast times the antisymmetric amplitude.
    EXPECT_LT(e1, 0.1);
    EXPECT_GT(e1, 1e-4);            // it is a first-order method: the error is there
    EXPECT_NEAR(e2 / e1, 0.5, 0.1); // and halves with dt
    // The steady state is exact: u_a - u_b = I / (G + 2 g).
    const Traces r = run(coupled_pair(GapJunction{.g = g}, amp), 0.025, 60);
    EXPECT_NEAR(r.va.back() - r.vb.back(), amp / (leak + 2 * g), 1e-9);
    EXPECT_NEAR(r.va.back() + r.vb.back() - 2 * rest, amp / leak, 1e-9);
}

TEST(GapJunction, StrongCouplingStaysStableWithASlowedCommonMode) {
    // g_gap dt / C = 80: a fully explicit junction would blow up; the implicit self term keeps
    // the antisymmetric factor (C/dt + G - g)/(C/dt + G + g) inside (-1, 1). The price (see
    // docs/networks.md): the self term also loads the common mode, whose per-step factor becomes
    // q = 1 - G/(C/dt + G + g) instead of 1/(1 + G dt/C): tau 81 ms instead of 1 ms here.
    const double g = 40, amp = 0.1, dt = 0.025;
    const Traces r = run(coupled_pair(GapJunction{.g = g}, amp), dt, 1000);
    const double q = 1 - leak / (cap / dt + leak + g);
    const std::size_t n20 = 800; // t = 20 ms
    EXPECT_NEAR(r.va[n20] + r.vb[n20] - 2 * rest, amp / leak * (1 - std::pow(q, 800.0)), 1e-9);
    double worst = 0;
    for (std::size_t n = 0; n < r.t.size(); ++n)
        worst = std::max({worst, std::abs(r.va[n] - rest), std::abs(r.vb[n] - rest)});
    EXPECT_LT(worst, amp / (2 * leak) * 1.01); // never beyond the steady state: no ringing growth
    EXPECT_NEAR(r.va.back() - r.vb.back(), amp / (leak + 2 * g), 1e-9);
    EXPECT_NEAR(r.va.back() + r.vb.back() - 2 * rest, amp / leak * (1 - std::pow(q, 40000.0)),
                1e-9);
}

TEST(GapJunction, RectifyingConductanceFollowsTheSigmoidOfVj) {
    const GapJunction rect{
        .g = 0.02, .rectifying = true, .g_min = 0.001, .v_half = 1, .slope = 0.5};
    const Traces into_a = run(coupled_pair(rect, 0.1), 0.025, 20);
    for (std::size_t n = 1; n < into_a.t.size(); n += 37) {
        const double vj = into_a.va[n - 1] - into_a.vb[n - 1];
        const double g = 0.001 + 0.019 / (1 + std::exp(-(vj - 1) / 0.5));
        ASSERT_NEAR(into_a.g[n], g, 1e-15) << "t = " << into_a.t[n];
        ASSERT_NEAR(into_a.i[n], g * vj, 1e-15);
    }
    // Vj > 0 opens it: current into a reaches b far better than current into b reaches a.
    const Traces into_b = run(coupled_pair(rect, 0, 0.1), 0.025, 20);
    EXPECT_GT(into_a.vb.back() - rest, 3 * (into_b.va.back() - rest));
    EXPECT_GT(into_a.g.back(), 0.015);
    EXPECT_LT(into_b.g.back(), 0.002);
}

TEST(GapJunction, ResultsDoNotDependOnThreads) {
    // A ring of hh cells joined by junctions, one cell driven: partitions read partner voltages
    // from the start-of-step snapshot, never from a neighbour being solved.
    Network net(3);
    net.add_population("ring", 6, network_test::hh_cell);
    for (int k = 0; k < 6; ++k)
        net.add_gap_junction(k, "soma", (k + 1) % 6, "soma", GapJunction{.g = 0.005});
    net.add_stimulus(GidSet::list({0}), "soma", IClamp{.amp = 0.3, .del = 1, .dur = 100});
    for (int k = 0; k < 6; ++k)
        net.model().record_v(fmt::format("v{}", k), net.cell(k).locations.at("soma").section, 0.5);
    SimOptions o;
    o.tstop = 60;
    Simulation one = net.simulate(library(), o);
    one.run();
    o.threads = 2;
    Simulation two = net.simulate(library(), o);
    two.run();
    for (int k = 0; k < 6; ++k) {
        const auto x = one.trace(fmt::format("v{}", k)), y = two.trace(fmt::format("v{}", k));
        ASSERT_TRUE(std::equal(x.begin(), x.end(), y.begin(), y.end())) << "cell " << k;
    }
    EXPECT_FALSE(net.spikes(one).empty());
    EXPECT_EQ(net.spikes(one), net.spikes(two));
}

} // namespace
} // namespace mech
