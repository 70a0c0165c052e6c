// cancel_common_factors: shared factors leave a quotient, everything else is left alone.
#include "ir/build.hpp"
#include "ir/print.hpp"
#include "passes/symbolic/cancel.hpp"

#include <gtest/gtest.h>

namespace mech::passes::symbolic {
namespace {

using namespace ir;

ExprPtr k() { return field(0); }
ExprPtr c() { return field(1); }
ExprPtr g() { return field(2); }
ExprPtr h() { return field(3); }

std::string cancelled(const ExprPtr& a, const ExprPtr& b, const KnownValues& known = {}) {
    auto q = cancel_common_factors(a, b, known);
    return q ? print(q) : "(nothing cancels)";
}

TEST(Cancel, FactorOverItselfIsOne) {
    EXPECT_EQ(cancelled(k(), k()), "1");
    EXPECT_EQ(cancelled(neg(k()), neg(k())), "1");
    EXPECT_EQ(cancelled(k(), neg(k())), "-1");
    // A sum with nothing to factor is one factor: x' = (g + h)·(1 − x) has x∞ = 1.
    EXPECT_EQ(cancelled(neg(add(g(), h())), neg(add(g(), h()))), "1");
}

TEST(Cancel, ProductOverOneOfItsFactors) {
    EXPECT_EQ(cancelled(mul(k(), c()), k()), "field1");
    EXPECT_EQ(cancelled(mul(c(), k()), k()), "field1");
    // −(−k·(−c)) / (−k): the three signs and k cancel, c remains.
    EXPECT_EQ(cancelled(neg(mul(neg(k()), neg(c()))), neg(k())), "field1");
}

TEST(Cancel, ProductsSharingSeveralFactors) {
    EXPECT_EQ(cancelled(mul(mul(k(), c()), g()), mul(k(), h())), "field1 * field2 / field3");
    EXPECT_EQ(cancelled(mul(mul(num(2), mul(k(), c())), g()), mul(neg(c()), k())), "-2 * field2");
    // Quotients on both sides: (k·g/h)/(k/h) = g.
    EXPECT_EQ(cancelled(div(mul(k(), g()), h()), div(k(), h())), "field2");
    // A repeated factor cancels once per occurrence: k·k·g / k = k·g.
    EXPECT_EQ(cancelled(mul(mul(k(), k()), g()), k()), "field0 * field2");
}

TEST(Cancel, FactorSharedByEveryTermOfASum) {
    // α/(α + β) with α = q·a, β = q·b, also as cnexp forms it: −(q·a) / (−(q·a) − q·b).
    auto q = ref(Var::global(0));
    auto a = g(), b = h();
    EXPECT_EQ(cancelled(mul(q, a), add(mul(q, a), mul(q, b))), "field2 / (field2 + field3)");
    EXPECT_EQ(cancelled(neg(mul(q, a)), sub(neg(mul(q, a)), mul(q, b))),
              "field2 / (field2 + field3)");
    // k·c + k = k·(c + 1).
    EXPECT_EQ(cancelled(k(), add(mul(k(), c()), k())), "1 / (field1 + 1)");
}

TEST(Cancel, LooksThroughKnownValues) {
    auto alpha = local(0), beta = local(1), q = local(2);
    KnownValues known{{Var::local(0), mul(q, g())}, {Var::local(1), mul(q, h())}};
    EXPECT_EQ(cancelled(alpha, add(alpha, beta), known), "field2 / (field2 + field3)");
    // Without the values the locals are opaque and nothing cancels.
    EXPECT_EQ(cancelled(alpha, add(alpha, beta)), "(nothing cancels)");
    // A known value with no factors to offer stays the variable that holds it.
    KnownValues sums{{Var::local(0), add(g(), h())}};
    EXPECT_EQ(cancelled(mul(alpha, k()), mul(alpha, c()), sums), "field0 / field1");
}

TEST(Cancel, NothingSharedLeavesTheQuotientAlone) {
    EXPECT_EQ(cancelled(k(), c()), "(nothing cancels)");
    EXPECT_EQ(cancelled(mul(num(2), k()), mul(num(2), c())), "(nothing cancels)");
    EXPECT_EQ(cancelled(add(k(), c()), k()), "(nothing cancels)");
    EXPECT_EQ(cancelled(mul(k(), c()), num(0)), "(nothing cancels)");
    // Structurally different forms of the same value are not matched (no general algebra).
    EXPECT_EQ(cancelled(mul(k(), c()), mul(num(1), add(k(), num(0)))), "(nothing cancels)");
}

} // namespace
} // namespace mech::passes::symbolic
