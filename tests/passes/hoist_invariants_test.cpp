// hoist_invariants on hand-built IR: what moves to the front of a kernel and what must stay.
#include "ir/build.hpp"
#include "ir/print.hpp"
#include "passes/hoist_invariants.hpp"

#include <gtest/gtest.h>

namespace mech::passes {
namespace {

using namespace ir;

ExprPtr celsius() {
    return VarRef::make(Var::special(VarKind::Celsius));
}

Mechanism one_field() {
    Mechanism m;
    m.fields.push_back({"x", "", 0.0, -HUGE_VAL, HUGE_VAL, FieldRole::State});
    return m;
}

std::string kernel_text(const Mechanism& m) {
    auto text = print(m);
    return text.substr(text.find("kernel"));
}

TEST(HoistInvariants, MovesQ10AndExtractsDtTerms) {
    auto m = one_field();
    auto& k = m.advance_state;
    const int rv = k.add_local("rates_v");
    const int q10 = k.add_local("q10");
    k.body = {AssignLocal::make(rv, voltage()),
              AssignLocal::make(q10, pow(num(3), div(sub(celsius(), num(6.3)), num(10)))),
              Store::make(Var::field(0),
                          mul(field(0), exp(div(neg(dt()), mul(local(q10), local(rv)))))),
              Store::make(Var::field(0), add(field(0), neg(dt())))};
    hoist_invariants(m);
    EXPECT_EQ(kernel_text(m), "kernel advance_state {\n"
                              "  %q10 = pow(3, (celsius - 6.3) / 10)\n"
                              "  %inv0 = -dt\n"
                              "  %rates_v = v\n"
                              "  x = x * exp(%inv0 / (%q10 * %rates_v))\n"
                              "  x = x + %inv0\n"
                              "}\n");
}

TEST(HoistInvariants, KeepsLocalsThatDependOnTheirPlace) {
    auto m = one_field();
    m.globals.push_back({"g", "", 1.0});
    auto& k = m.init;
    const int twice = k.add_local("twice");
    const int early = k.add_local("early");
    const int scaled = k.add_local("scaled");
    k.body = {
        AssignLocal::make(twice, celsius()),
        AssignLocal::make(twice, add(local(twice), num(1))), // assigned twice
        Store::make(Var::field(0), local(early)),            // read (as 0) before assignment
        AssignLocal::make(early, celsius()),
        AssignLocal::make(scaled, mul(ref(Var::global(0)), num(2))), // the kernel stores g
        Store::make(Var::global(0), add(local(scaled), local(twice))),
        Store::make(Var::field(0), add(local(early), field(0)))};
    const auto before = kernel_text(m);
    hoist_invariants(m);
    EXPECT_EQ(kernel_text(m), before);
}

TEST(HoistInvariants, LeavesConditionsAndNetReceiveAlone) {
    auto m = one_field();
    m.kind = Kind::Point;
    m.compute_currents.body = {
        If::make(compare(BinaryOp::Gt, celsius(), num(20)), {Store::make(Var::field(0), num(1))})};
    m.net_receive.body = {Store::make(Var::field(0), mul(celsius(), num(2)))};
    const auto before = kernel_text(m);
    hoist_invariants(m);
    EXPECT_EQ(kernel_text(m), before);
}

TEST(HoistInvariants, SharesOneLocalPerDistinctExpression) {
    auto m = one_field();
    m.init.body = {Store::make(Var::field(0), mul(field(0), mul(dt(), celsius()))),
                   Store::make(Var::field(0), add(field(0), mul(dt(), celsius())))};
    hoist_invariants(m);
    EXPECT_EQ(kernel_text(m), "kernel init {\n"
                              "  %inv0 = dt * celsius\n"
                              "  x = x * %inv0\n"
                              "  x = x + %inv0\n"
                              "}\n");
}

} // namespace
} // namespace mech::passes
