// cnexp with a rate that is 0 at run time: x' = k·(x∞ − x) must leave x unchanged at k = 0 (the
// exact solution), not NaN from x∞ = (k·x∞)/k; for k > 0 every step follows the closed form.
#include "eval/evaluator.hpp"
#include "eval/instance_storage.hpp"
#include "lower_source.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace mech::test {
namespace {

constexpr double dt = 0.025;
constexpr int steps = 200;

// x(t) = x∞ + (x0 − x∞)·e^(−rate·t)
double closed_form(double x0, double inf, double rate, double t) {
    return inf + (x0 - inf) * std::exp(-rate * t);
}

TEST(CnexpZeroRate, SharedRateFactorZeroLeavesStatesAndPositiveFollowsClosedForm) {
    auto m = lower_source_file(MECH_GOLDEN_DIR "/cnexp_shared_rate.mod", FailOn::AnyDiagnostic);
    eval::InstanceStorage s(m, 2);
    s.data.dt = dt;
    eval::init(m, s.data);
    int k = m.find_field("k"), c = m.find_field("c");
    const char* names[] = {"x", "y", "z", "w"};
    const double start[] = {0.3, 0.9, -0.2, 0.6};
    double rate = 0.37, target = 0.25;
    s.field(k, 0) = 0;
    s.field(k, 1) = rate;
    for (int i = 0; i < 2; ++i) {
        s.field(c, i) = target;
        for (int j = 0; j < 4; ++j)
            s.field(m.find_field(names[j]), i) = start[j];
    }
    for (int n = 0; n < steps; ++n)
        eval::advance_state(m, s.data);

    // x' = k(1 − x), y' = k(c − y), z' = −k(z − c), w' = −(2kc)(w − 1)/c.
    const double inf[] = {1, target, target, 1};
    const double rates[] = {rate, rate, rate, 2 * rate};
    for (int j = 0; j < 4; ++j) {
        int f = m.find_field(names[j]);
        EXPECT_EQ(s.field(f, 0), start[j]) << names[j] << " moved (or became NaN) with k = 0";
        EXPECT_NEAR(s.field(f, 1), closed_form(start[j], inf[j], rates[j], steps * dt), 1e-12)
            << names[j] << " with k = " << rate;
    }
}

TEST(CnexpZeroRate, AlphaBetaGatesWithAZeroQ10StayPut) {
    auto m = lower_source_file(MECH_GOLDEN_DIR "/cnexp_q10_alpha_beta.mod",
                               FailOn::AnyDiagnostic);
    int q10base = m.find_global("q10base");
    const char* names[] = {"m", "h", "n"};
    const double start[] = {0.1, 0.7, 0.4};
    for (double base : {0.0, 3.0}) {
        eval::InstanceStorage s(m, 1);
        s.data.dt = dt;
        s.data.celsius = 16.3; // q10 = base^1
        eval::init(m, s.data);
        s.global(q10base) = base;
        double v = -52;
        s.v(0) = v;
        for (int j = 0; j < 3; ++j)
            s.field(m.find_field(names[j]), 0) = start[j];
        for (int n = 0; n < steps; ++n)
            eval::advance_state(m, s.data);

        // The rates of the file at q10 = 1; every one is scaled by q10 = base.
        const double alpha[] = {0.1 * std::exp(v / 20), 0.07 * std::exp(-(v + 65) / 20),
                                0.01 * std::exp(v / 30)};
        const double beta[] = {4 * std::exp(-(v + 65) / 18), 1 / (1 + std::exp(-(v + 35) / 10)),
                               0.125 * std::exp(-(v + 65) / 80)};
        for (int j = 0; j < 3; ++j) {
            double got = s.field(m.find_field(names[j]), 0);
            double inf = alpha[j] / (alpha[j] + beta[j]);
            double expected =
                closed_form(start[j], inf, base * (alpha[j] + beta[j]), steps * dt);
            if (base == 0)
                EXPECT_EQ(got, start[j]) << names[j] << " moved (or became NaN) with q10 = 0";
            else
                EXPECT_NEAR(got, expected, 1e-12) << names[j] << " with q10 = " << base;
        }
    }
}

} // namespace
} // namespace mech::test
