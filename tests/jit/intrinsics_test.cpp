// Every math built-in as compiled code against ir::evaluate_intrinsic (the reference the
// evaluator uses), in vectorised loops, including exprelr's and expm1's awkward arguments.
#include "instance_store.hpp"
#include "ir/build.hpp"
#include "jit/compile.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace mech::jit {
namespace {

using namespace mech::ir;

// A mechanism whose init stores fn(a, b) into field 2 for every instance (fields a, b, out).
std::unique_ptr<JitCatalogue> compile_intrinsic(Intrinsic fn) {
    Mechanism m;
    m.name = std::string(intrinsic_name(fn));
    Field out{"out", "", 0, -HUGE_VAL, HUGE_VAL, FieldRole::Assigned};
    m.fields = {Field{"a", "", 0, -HUGE_VAL, HUGE_VAL, FieldRole::Parameter},
                Field{"b", "", 0, -HUGE_VAL, HUGE_VAL, FieldRole::Parameter}, out};
    std::vector<ExprPtr> args{field(0)};
    if (intrinsic_arity(fn) == 2) {
        args.push_back(field(1));
    }
    m.init.body = {Store::make(Var::field(2), Call::make(fn, args))};
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    auto catalogue = compile({m}, diags);
    EXPECT_FALSE(diags.has_errors());
    return catalogue;
}

// Relative error in units of the larger of |expected| and tiny, NaN matching NaN.
void expect_matches(double actual, double expected, double tolerance, const std::string& what) {
    if (std::isnan(expected)) {
        EXPECT_TRUE(std::isnan(actual)) << what << " = " << actual << ", expected NaN";
        return;
    }
    if (std::isinf(expected) || expected == 0.0) {
        EXPECT_EQ(actual, expected) << what;
        return;
    }
    EXPECT_LE(std::fabs(actual - expected) / std::fabs(expected), tolerance)
        << what << " = " << actual << ", expected " << expected;
}

std::vector<double> awkward_arguments() {
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> xs{0.0,    -0.0,    1e-300, -1e-300, 1e-20,  -1e-20, 1e-16,
                           -1e-16, 1.2e-16, 3e-16,  1e-12,   -1e-9,  1e-6,   -1e-4,
                           0.01,   -0.5,    1.0,    -1.0,    2.5,    -7.0,   20.0,
                           -36.0,  -37.0,   -38.0,  40.0,    -100.0, 300.0,  709.0,
                           709.9,  -745.5,  800.0,  -800.0,  inf,    -inf,   std::nan("")};
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> wide(-50.0, 50.0), narrow(-1e-6, 1e-6);
    for (int k = 0; k < 200; ++k) {
        xs.push_back(wide(rng));
        xs.push_back(narrow(rng));
    }
    return xs;
}

class Intrinsics : public ::testing::TestWithParam<Intrinsic> {};

TEST_P(Intrinsics, MatchTheReference) {
    const Intrinsic fn = GetParam();
    auto catalogue = compile_intrinsic(fn);
    ASSERT_NE(catalogue, nullptr);
    const auto& m = *catalogue->mechanisms()[0];

    std::vector<double> as, bs;
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> second(-3.0, 3.0);
    for (double x : awkward_arguments()) {
        as.push_back(fn == Intrinsic::Log || fn == Intrinsic::Log10 || fn == Intrinsic::Sqrt
                         ? std::fabs(x)
                         : x);
        bs.push_back(fn == Intrinsic::Pow ? second(rng) : second(rng) * 10);
    }
    std::vector<mech_index_t> nodes(as.size(), 0);
    testing::InstanceStore s(m, nodes, 1);
    s.fields[0] = as;
    s.fields[1] = bs;
    m.init(s.data());
    // libmvec and Kahan's expm1 formulation are accurate to a few ulp, not correctly rounded.
    const double tolerance = 1e-14;
    for (std::size_t i = 0; i < as.size(); ++i) {
        const double expected = evaluate_intrinsic(fn, as[i], bs[i]);
        expect_matches(s.fields[2][i], expected, tolerance,
                       std::string(intrinsic_name(fn)) + "(" + std::to_string(as[i]) + ", " +
                           std::to_string(bs[i]) + ")");
    }
}

std::vector<Intrinsic> all_intrinsics() {
    return {
#define MECH_IR_X(e, name, arity) Intrinsic::e,
        MECH_IR_INTRINSICS(MECH_IR_X)
#undef MECH_IR_X
    };
}

INSTANTIATE_TEST_SUITE_P(All, Intrinsics, ::testing::ValuesIn(all_intrinsics()),
                         [](const auto& info) { return std::string(intrinsic_name(info.param)); });

TEST(ExprelrLimit, IsExactlyOneAtZero) {
    auto catalogue = compile_intrinsic(Intrinsic::Exprelr);
    ASSERT_NE(catalogue, nullptr);
    const auto& m = *catalogue->mechanisms()[0];
    testing::InstanceStore s(m, std::vector<mech_index_t>(9, 0), 1);
    s.fields[0] = {0.0, -0.0, 1e-17, -1e-17, 5e-324, 1e-300, 0.0, 0.0, 0.0};
    m.init(s.data());
    for (double out : s.fields[2]) {
        EXPECT_EQ(out, 1.0);
    }
}

} // namespace
} // namespace mech::jit
