// The symbolic algebra: derivatives, linearity, simplification levels.
#include "ir/build.hpp"
#include "ir/print.hpp"
#include "passes/symbolic/derivative.hpp"
#include "passes/symbolic/simplify.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace mech::passes::symbolic {
namespace {

using namespace ir;

Var x = Var::field(0);
ExprPtr X() { return ref(x); }

TEST(Symbolic, DerivativeOfPolynomialAndQuotient) {
    // d/dx (3·x·x) = 3·x + 3·x after simplification of the product rule.
    auto d = derivative(mul(mul(num(3), X()), X()), x);
    EXPECT_EQ(print(d), "3 * field0 + 3 * field0");
    // d/dx ((a - x)/tau) with tau independent of x is -1/tau (NEURON's cnexp coefficient).
    auto tau = ref(Var::field(1));
    EXPECT_EQ(print(derivative(div(sub(ref(Var::field(2)), X()), tau), x)), "-1 / field1");
}

TEST(Symbolic, ChainRuleThroughIntrinsicsMatchesFiniteDifferences) {
    auto e = mul(exp(neg(div(X(), num(18)))), call(Intrinsic::Exprelr, div(X(), num(10))));
    auto d = derivative(e, x);
    ASSERT_TRUE(d);
    // Evaluate both by substituting a literal and folding.
    for (double at : {-3.0, -0.5, 0.7, 12.0}) {
        auto value = [&](ExprPtr f, double p) {
            return *constant_value(simplify(substitute(f, x, num(p)), Level::Exact));
        };
        double h = 1e-6;
        double fd = (value(e, at + h) - value(e, at - h)) / (2 * h);
        EXPECT_NEAR(value(d, at), fd, 1e-7) << "at " << at;
    }
}

TEST(Symbolic, ExprelrDerivativeIsFiniteAtZero) {
    auto d = derivative(call(Intrinsic::Exprelr, X()), x);
    auto at0 = simplify(substitute(d, x, num(0)), Level::Exact);
    ASSERT_TRUE(at0->is<Select>() || constant_value(at0));
}

TEST(Symbolic, LinearityTest) {
    auto a = ref(Var::field(1));
    auto lin = linear_in(sub(mul(a, sub(num(1), X())), mul(num(2), X())), x);
    ASSERT_TRUE(lin);
    EXPECT_EQ(print(lin->constant), "field1");
    EXPECT_FALSE(linear_in(mul(X(), X()), x));
    EXPECT_FALSE(linear_in(exp(X()), x));
    EXPECT_TRUE(linear_in(exp(a), x)); // constant in x
}

TEST(Symbolic, ExactLevelKeepsNanPropagatingTerms) {
    auto e = add(mul(X(), num(0)), num(1));
    EXPECT_EQ(print(simplify(e, Level::Exact)), "field0 * 0 + 1");
    EXPECT_EQ(print(simplify(e, Level::Algebraic)), "1");
    EXPECT_EQ(print(simplify(mul(num(2), num(3)), Level::Exact)), "6");
    EXPECT_EQ(print(simplify(pow(X(), num(1)), Level::Exact)), "field0");
}

TEST(Symbolic, FmodHasNoDerivative) {
    EXPECT_EQ(derivative(call(Intrinsic::Fmod, X(), num(2)), x), nullptr);
}

} // namespace
} // namespace mech::passes::symbolic
