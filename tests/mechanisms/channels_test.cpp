// Voltage-gated channels: each gate's steady state and time constant against the published
// formulas (written out again here in C++), and each current against its driving force.
#include "library_harness.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>

namespace mech::library_test {
namespace {

using Fn = std::function<double(double v, double celsius)>;

double tadj36(double celsius) { return std::pow(3.0, (celsius - 36.0) / 10.0); }

// A gate from alpha/beta: inf = a/(a+b), tau = 1/(a+b).
struct AlphaBeta {
    Fn alpha, beta;
    Fn inf() const {
        return [a = alpha, b = beta](double v, double c) { return a(v, c) / (a(v, c) + b(v, c)); };
    }
    Fn tau() const {
        return [a = alpha, b = beta](double v, double c) { return 1.0 / (a(v, c) + b(v, c)); };
    }
};

struct GateCase {
    std::string file, mechanism, gate;
    Fn inf, tau;
};

std::ostream& operator<<(std::ostream& os, const GateCase& g) { return os << g.mechanism << "." << g.gate; }

constexpr double vt = -56.2;

const AlphaBeta nat_m{[](double v, double c) { return tadj36(c) * 0.32 * (v - vt - 13) / (1 - std::exp(-(v - vt - 13) / 4)); },
                      [](double v, double c) { return tadj36(c) * 0.28 * (v - vt - 40) / (std::exp((v - vt - 40) / 5) - 1); }};
const AlphaBeta nat_h{[](double v, double c) { return tadj36(c) * 0.128 * std::exp(-(v - vt - 17) / 18); },
                      [](double v, double c) { return tadj36(c) * 4 / (1 + std::exp(-(v - vt - 40) / 5)); }};
const AlphaBeta kdr_n{[](double v, double c) { return tadj36(c) * 0.032 * (v - vt - 15) / (1 - std::exp(-(v - vt - 15) / 5)); },
                      [](double v, double c) { return tadj36(c) * 0.5 * std::exp(-(v - vt - 10) / 40); }};
const AlphaBeta cal_q{[](double v, double c) { return tadj36(c) * 0.055 * (-27 - v) / (std::exp((-27 - v) / 3.8) - 1); },
                      [](double v, double c) { return tadj36(c) * 0.94 * std::exp((-75 - v) / 17); }};
const AlphaBeta cal_r{[](double v, double c) { return tadj36(c) * 0.000457 * std::exp((-13 - v) / 50); },
                      [](double v, double c) { return tadj36(c) * 0.0065 / (std::exp((-15 - v) / 28) + 1); }};

double boltzmann(double v, double half, double slope) { return 1.0 / (1.0 + std::exp(-(v - half) / slope)); }

std::vector<GateCase> gate_cases() {
    return {
        {"nat.mech", "nat", "m", nat_m.inf(), nat_m.tau()},
        {"nat.mech", "nat", "h", nat_h.inf(), nat_h.tau()},
        {"kdr.mech", "kdr", "n", kdr_n.inf(), kdr_n.tau()},
        {"cal.mech", "cal", "q", cal_q.inf(), cal_q.tau()},
        {"cal.mech", "cal", "r", cal_r.inf(), cal_r.tau()},
        {"im.mech", "im", "p", [](double v, double) { return boltzmann(v, -35, 10); },
         [](double v, double) { return 608 / (3.3 * std::exp((v + 35) / 20) + std::exp(-(v + 35) / 20)); }},
        {"nap.mech", "nap", "h", [](double v, double) { return boltzmann(v, -48, -6); },
         [](double v, double) { return 10000 / std::cosh((v + 48) / 12); }},
        {"ka.mech", "ka", "a",
         [](double v, double) {
             return std::cbrt(0.0761 * std::exp((v + 94.22) / 31.84) / (1 + std::exp((v + 1.17) / 28.93)));
         },
         [](double v, double) { return 0.3632 + 1.158 / (1 + std::exp((v + 55.96) / 20.12)); }},
        {"ka.mech", "ka", "b", [](double v, double) { return std::pow(boltzmann(v, -53.3, -14.54), 4); },
         [](double v, double) { return 1.24 + 2.678 / (1 + std::exp((v + 50) / 16.027)); }},
        {"ih.mech", "ih", "m", [](double v, double) { return boltzmann(v, -75, -5.5); },
         [](double v, double) { return 1 / (std::exp(-14.59 - 0.086 * v) + std::exp(-1.87 + 0.0701 * v)); }},
        {"cat.mech", "cat", "m", [](double v, double) { return boltzmann(v, -57, 6.2); },
         [](double v, double c) {
             return (0.612 + 1 / (std::exp(-(v + 132) / 16.7) + std::exp((v + 16.8) / 18.2))) /
                    std::pow(5.0, (c - 24) / 10);
         }},
        // cat's h gate: compiler_regressions_test.cpp (its two-branch time constant).
    };
}

class GateKinetics : public ::testing::TestWithParam<GateCase> {};

// INITIAL puts the gate at its steady state, and the state stays there under a clamp.
TEST_P(GateKinetics, StartsAndStaysAtInfAtFixedV) {
    const GateCase& g = GetParam();
    const auto* m = load(g.file, g.mechanism);
    ASSERT_NE(m, nullptr);
    for (double v : {-90.0, -65.0, -30.0, 10.0}) {
        for (double celsius : {6.3, 36.0}) {
            Instance s(*m, v);
            s.set_celsius(celsius);
            s.init();
            const double inf = g.inf(v, celsius);
            EXPECT_NEAR(s.field(g.gate), inf, 1e-12 * std::max(1.0, inf)) << "init at v = " << v;
            s.steps(400);
            EXPECT_NEAR(s.field(g.gate), inf, 1e-12) << "after 10 ms at v = " << v;
        }
    }
}

// After a voltage jump the gate relaxes with the published time constant (one exact step).
TEST_P(GateKinetics, RelaxesWithTauAfterAVoltageStep) {
    const GateCase& g = GetParam();
    const auto* m = load(g.file, g.mechanism);
    ASSERT_NE(m, nullptr);
    const double celsius = 22.0;
    for (auto [v0, v1] : {std::pair{-80.0, -20.0}, std::pair{-20.0, -95.0}, std::pair{-60.0, -44.0}}) {
        Instance s(*m, v0);
        s.set_celsius(celsius);
        s.init();
        s.set_v(v1);
        s.set_dt(0.1);
        s.step();
        const double inf0 = g.inf(v0, celsius), inf1 = g.inf(v1, celsius);
        const double expected = inf1 + (inf0 - inf1) * std::exp(-0.1 / g.tau(v1, celsius));
        EXPECT_NEAR(s.field(g.gate), expected, 1e-11) << "step " << v0 << " -> " << v1 << " mV";
    }
}

INSTANTIATE_TEST_SUITE_P(Library, GateKinetics, ::testing::ValuesIn(gate_cases()),
                         [](const auto& p) { return p.param.mechanism + "_" + p.param.gate; });

TEST(Nap, ActivationIsInstantaneous) {
    const auto* m = load("nap.mech", "nap");
    ASSERT_NE(m, nullptr);
    Instance s(*m, -65.0);
    s.init();
    EXPECT_NEAR(s.field("m"), boltzmann(-65, -40, 6), 1e-14);
    s.set_v(-35.0);
    s.currents();
    const double minf = boltzmann(-35, -40, 6);
    EXPECT_NEAR(s.field("m"), minf, 1e-14);
    const double h = s.field("h");
    auto& na = s.ion("na");
    EXPECT_NEAR(na.current[0], 2.8e-4 * minf * h * (-35.0 - na.reversal[0]), 1e-16);
}

TEST(Nat, SodiumCurrentIsGmaxM3HTimesDrivingForce) {
    const auto* m = load("nat.mech", "nat");
    ASSERT_NE(m, nullptr);
    Instance s(*m, -50.0);
    s.init();
    s.ion("na").reversal[0] = 50.0;
    s.currents();
    const double mm = nat_m.inf()(-50, 6.3), hh = nat_h.inf()(-50, 6.3);
    const double ina = 0.056 * mm * mm * mm * hh * (-50.0 - 50.0);
    EXPECT_NEAR(s.ion("na").current[0], ina, 1e-15);
    EXPECT_NEAR(s.store().rhs[0], -ina, 1e-15);
    EXPECT_NEAR(s.ion("na").conductance[0], 0.056 * mm * mm * mm * hh, 1e-6);
}

TEST(Kdr, PotassiumCurrentIsGmaxN4TimesDrivingForce) {
    const auto* m = load("kdr.mech", "kdr");
    ASSERT_NE(m, nullptr);
    Instance s(*m, -40.0);
    s.init();
    s.ion("k").reversal[0] = -90.0;
    s.currents();
    const double n = kdr_n.inf()(-40, 6.3);
    EXPECT_NEAR(s.ion("k").current[0], 0.006 * std::pow(n, 4) * 50.0, 1e-15);
}

TEST(Ih, NonspecificCurrentReversesAtEh) {
    const auto* m = load("ih.mech", "ih");
    ASSERT_NE(m, nullptr);
    Instance s(*m, -43.0);
    s.init();
    s.currents();
    EXPECT_NEAR(s.store().rhs[0], 0.0, 1e-18);
    s.set_v(-90.0);
    s.init();
    s.currents();
    const double mm = boltzmann(-90, -75, -5.5);
    EXPECT_NEAR(s.store().rhs[0], -2e-5 * mm * (-90.0 + 43.0), 1e-16); // inward, so rhs > 0
    EXPECT_GT(s.store().rhs[0], 0.0);
}

// Physical constants as NEURON 8.2 uses them (CODATA 2018).
constexpr double faraday = 96485.33212;
constexpr double gas_constant = 8.314462618;

double nernst(double ci, double co, double z, double celsius) {
    return 1000 * gas_constant * (celsius + 273.15) / (z * faraday) * std::log(co / ci);
}

TEST(Cal, ReversalFollowsTheNernstPotentialOfCalcium) {
    const auto* m = load("cal.mech", "cal");
    ASSERT_NE(m, nullptr);
    for (double cai : {5e-5, 1e-4, 1e-3}) {
        Instance s(*m, -20.0);
        s.set_celsius(36.0);
        s.ion("ca").internal[0] = cai;
        s.ion("ca").external[0] = 2.0;
        s.init();
        s.currents();
        const double eca = nernst(cai, 2.0, 2, 36.0);
        const double q = cal_q.inf()(-20, 36), r = cal_r.inf()(-20, 36);
        EXPECT_NEAR(s.ion("ca").current[0], 1e-4 * q * q * r * (-20.0 - eca), 1e-12 * 1e-4 * 150)
            << "cai = " << cai;
    }
    EXPECT_NEAR(nernst(1e-4, 2.0, 2, 36.0), 132.0, 0.5); // the familiar ~130 mV
}

// NEURON's ghk (mA/cm2 per cm/s): 1e-3 z F (ci efun(-x) - co efun(x)), x = z v F/(RT), efun(x) = x/(e^x - 1).
double ghk(double v, double ci, double co, double z, double celsius) {
    const double x = z * v * faraday / (1000 * gas_constant * (celsius + 273.15));
    auto efun = [](double u) { return std::fabs(u) < 1e-9 ? 1 - u / 2 : u / std::expm1(u); };
    return 1e-3 * z * faraday * (ci * efun(-x) - co * efun(x));
}

TEST(Cat, CurrentIsPermeabilityTimesGhkWithValenceTwo) {
    const auto* m = load("cat.mech", "cat");
    ASSERT_NE(m, nullptr);
    for (double v : {-70.0, -40.0, 0.0, 20.0}) {
        Instance s(*m, v);
        s.ion("ca").internal[0] = 1e-4;
        s.ion("ca").external[0] = 2.0;
        s.init();
        s.currents();
        const double mm = boltzmann(v, -57, 6.2), h = boltzmann(v, -81, -4);
        const double expected = 2e-4 * mm * mm * h * ghk(v, 1e-4, 2.0, 2, 6.3);
        EXPECT_NEAR(s.ion("ca").current[0], expected, 1e-12 * std::fabs(expected) + 1e-20) << "v = " << v;
        EXPECT_LT(s.ion("ca").current[0], 0.0); // inward below the (very positive) reversal
    }
}

} // namespace
} // namespace mech::library_test
