// IR nodes: construction, types, structural equality, printing, and traversal sharing.
#include "ir/build.hpp"
#include "ir/print.hpp"
#include "ir/visitor.hpp"

#include <gtest/gtest.h>

namespace mech::ir {
namespace {

TEST(Ir, TypesAreFixedAtConstruction) {
    EXPECT_EQ(add(num(1), voltage())->type(), Type::Double);
    EXPECT_EQ(compare(BinaryOp::Lt, num(1), voltage())->type(), Type::Bool);
    EXPECT_EQ(Unary::make(UnaryOp::Not, compare(BinaryOp::Lt, num(1), num(2)))->type(), Type::Bool);
}

TEST(Ir, StructuralEquality) {
    EXPECT_TRUE(equal(add(num(1), voltage()), add(num(1), voltage())));
    EXPECT_FALSE(equal(add(num(1), voltage()), add(voltage(), num(1))));
    EXPECT_FALSE(equal(num(0.0), num(-0.0))); // bitwise: -0 and +0 differ
    EXPECT_FALSE(equal(field(1), field(2)));
}

TEST(Ir, PrinterUsesPrecedenceAndNames) {
    Mechanism m;
    m.name = "x";
    m.fields.push_back({"g", "S/cm2", 0.001, 0, 1e9, FieldRole::Parameter});
    m.ions.push_back({"na", 1, IonReversal, IonCurrent});
    m.compute_currents.add_local("i");
    m.compute_currents.body.push_back(AssignLocal::make(
        0, mul(field(0), sub(voltage(), ref(Var::ion(0, IonQuantity::Reversal))))));
    m.compute_currents.body.push_back(AccumulateCurrent::make(0, false, local(0), field(0)));
    m.compute_currents.body.push_back(
        If::make(compare(BinaryOp::Gt, voltage(), num(0)), {NetEvent::make(ref(Var::special(VarKind::Time)))}));
    EXPECT_EQ(print(m), "mechanism x density\n"
                        "  parameter g \"S/cm2\" = 0.001 <0, 1000000000>\n"
                        "  ion na valence 1 reads e writes i\n"
                        "kernel compute_currents {\n"
                        "  %i = g * (v - ion.na.e)\n"
                        "  current ion na i = %i, g = g\n"
                        "  if v > 0 {\n"
                        "    net_event(t)\n"
                        "  }\n"
                        "}\n");
    EXPECT_EQ(print(sub(num(1), sub(num(2), num(3)))), "1 - (2 - 3)");
    EXPECT_EQ(print(neg(num(-2))), "-(-2)");
}

TEST(Ir, MutatorReturnsSameNodeWhenNothingChanges) {
    Mutator identity;
    auto e = mul(exp(voltage()), add(field(0), num(2)));
    EXPECT_EQ(identity.mutate(e), e);
    Block b{Store::make(Var::field(0), e), If::make(compare(BinaryOp::Lt, e, num(1)), {})};
    EXPECT_TRUE(same_block(identity.mutate(b), b));
}

TEST(Ir, MutatorRebuildsOnlyThePathThatChanged) {
    struct VToZero : Mutator {
        using Mutator::on;
        ExprPtr on(const ExprPtr& self, const VarRef& r) override {
            return r.var.kind == VarKind::Voltage ? num(0) : self;
        }
    } m;
    auto untouched = add(field(0), num(2));
    auto e = mul(exp(voltage()), untouched);
    auto out = m.mutate(e);
    ASSERT_NE(out, e);
    EXPECT_EQ(out->as<Binary>()->rhs, untouched); // shared, not copied
    EXPECT_EQ(print(out), "exp(0) * (field0 + 2)");
}

TEST(Ir, VisitorWalksChildrenByDefault) {
    struct Count : Visitor {
        int refs = 0;
        void on(const VarRef&) override { ++refs; }
    } c;
    c.visit(Block{If::make(compare(BinaryOp::Lt, voltage(), field(0)),
                           {Store::make(Var::field(1), add(field(2), dt()))}, {NetSend::make(dt(), num(1))})});
    EXPECT_EQ(c.refs, 5);
}

TEST(Ir, IntrinsicsByName) {
    EXPECT_EQ(find_intrinsic("fmax"), Intrinsic::Max);
    EXPECT_EQ(find_intrinsic("exprelr"), Intrinsic::Exprelr);
    EXPECT_FALSE(find_intrinsic("vtrap"));
    EXPECT_EQ(evaluate_intrinsic(Intrinsic::Exprelr, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(evaluate_intrinsic(Intrinsic::Exprelr, 1e-3), 1e-3 / std::expm1(1e-3));
    EXPECT_EQ(intrinsic_arity(Intrinsic::Atan2), 2);
}

} // namespace
} // namespace mech::ir
