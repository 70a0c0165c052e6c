// compute_currents through the evaluator: accumulation signs, scale, and dI/dv both ways.
#include "eval/evaluator.hpp"
#include "eval/instance_storage.hpp"
#include "eval/muparser_expression.hpp"
#include "hand_built.hpp"

#include <cmath>

namespace mech::test {
namespace {

double sodium_current(double v, double gnabar, double mv, double hv, double ena) {
    return gnabar * std::pow(mv, 3) * hv * (v - ena);
}

TEST(Currents, SymbolicConductanceMatchesTheDerivative) {
    Mechanism m = hh_sodium();
    solve(m);
    eval::InstanceStorage s(m, 1);
    s.v(0) = -30;
    eval::compute_currents(m, s.data);
    double i = sodium_current(-30, 0.12, 0.05, 0.6, 50);
    EXPECT_DOUBLE_EQ(s.rhs(0), -i);
    EXPECT_DOUBLE_EQ(s.ion(0, IonQuantity::Current, 0), i);
    // dI/dv = gnabar·m³·h exactly.
    EXPECT_DOUBLE_EQ(s.d(0), 0.12 * std::pow(0.05, 3) * 0.6);
    EXPECT_DOUBLE_EQ(s.ion(0, IonQuantity::Conductance, 0), 0.12 * std::pow(0.05, 3) * 0.6);
}

TEST(Currents, FiniteDifferenceIsNeuronsFormula) {
    Mechanism m = hh_sodium();
    passes::Options options;
    options.conductance = passes::ConductanceMethod::FiniteDifference;
    solve(m, options);
    eval::InstanceStorage s(m, 1);
    s.v(0) = -30;
    eval::compute_currents(m, s.data);
    double i0 = sodium_current(-30, 0.12, 0.05, 0.6, 50);
    double i1 = sodium_current(-30 + 0.001, 0.12, 0.05, 0.6, 50);
    EXPECT_DOUBLE_EQ(s.d(0), (i1 - i0) / 0.001);
}

// A current with an IF cannot be differentiated symbolically: the fallback is used.
TEST(Currents, ConditionalCurrentFallsBackToFiniteDifference) {
    Mechanism m;
    int g = add_field(m, "g", FieldRole::Parameter, 0.002);
    Kernel& cc = m.compute_currents;
    int i = cc.add_local("i");
    cc.body.push_back(AssignLocal::make(i, num(0)));
    cc.body.push_back(If::make(compare(BinaryOp::Gt, voltage(), num(-50)),
                               {AssignLocal::make(i, mul(field(g), mul(voltage(), voltage())))}));
    cc.body.push_back(AccumulateCurrent::make(-1, false, local(i)));
    solve(m);
    eval::InstanceStorage s(m, 1);
    s.v(0) = -20;
    eval::compute_currents(m, s.data);
    double vs = -20.0 + 0.001;
    double i0 = 0.002 * 400.0, i1 = 0.002 * (vs * vs);
    EXPECT_DOUBLE_EQ(s.rhs(0), -i0);
    EXPECT_DOUBLE_EQ(s.d(0), (i1 - i0) / 0.001);
}

TEST(Currents, PointProcessScaleAndElectrodeSign) {
    Mechanism m;
    m.kind = Kind::Point;
    m.has_electrode_current = true;
    int amp = add_field(m, "amp", FieldRole::Parameter, 0.5);
    m.compute_currents.body.push_back(AccumulateCurrent::make(-1, true, field(amp)));
    solve(m);
    eval::InstanceStorage s(m, 1);
    s.data.scale = nullptr; // replaced below by a point-process scale
    double scale = 100.0 / 5026.548245743669;
    s.data.scale = &scale;
    eval::compute_currents(m, s.data);
    EXPECT_DOUBLE_EQ(s.rhs(0), scale * 0.5); // electrode current is added
    EXPECT_DOUBLE_EQ(s.d(0), 0.0);
}

// Folding and CSE change neither values nor their rounding.
TEST(Currents, OptimisationsAreBitIdentical) {
    Mechanism plain = hh_sodium();
    Mechanism optimised = hh_sodium();
    passes::Options off;
    off.fold = false;
    off.cse = false;
    solve(plain, off);
    solve(optimised);
    eval::InstanceStorage a(plain, 4), b(optimised, 4);
    for (int i = 0; i < 4; ++i)
        a.v(i) = b.v(i) = -80 + 25 * i;
    for (int n = 0; n < 200; ++n) {
        eval::compute_currents(plain, a.data);
        eval::compute_currents(optimised, b.data);
        eval::advance_state(plain, a.data);
        eval::advance_state(optimised, b.data);
    }
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(a.field(1, i), b.field(1, i));
        EXPECT_EQ(a.field(2, i), b.field(2, i));
        EXPECT_EQ(a.rhs(i), b.rhs(i));
        EXPECT_EQ(a.d(i), b.d(i));
    }
}

// muParser as an independent check of the evaluator's arithmetic.
TEST(Currents, EvaluatorAgreesWithMuParser) {
    Mechanism m;
    auto e = div(num(1), add(exp(div(neg(add(voltage(), num(35))), num(10))), num(1)));
    auto e2 = mul(num(0.07), exp(div(neg(add(voltage(), num(65))), num(20))));
    eval::InstanceStorage s(m, 1);
    for (double v : {-100.0, -65.0, -35.0, 0.0, 42.5}) {
        s.v(0) = v;
        EXPECT_NEAR(eval::evaluate(e, m, s.data, 0),
                    eval::evaluate_expression("1/(exp(-(v+35)/10)+1)", {{"v", v}}), 1e-15);
        EXPECT_NEAR(eval::evaluate(e2, m, s.data, 0),
                    eval::evaluate_expression("0.07*exp(-(v+65)/20)", {{"v", v}}), 1e-15);
    }
    EXPECT_THROW(eval::evaluate_expression("1 + ", {}), std::invalid_argument);
}

TEST(Currents, NetReceiveUpdatesStateAndSendsEvents) {
    Mechanism m;
    int g = add_field(m, "g", FieldRole::State, 0.0);
    m.net_receive_args.push_back({"weight", "uS"});
    m.net_receive.body.push_back(Store::make(Var::field(g), ref(Var::weight(0)), true));
    m.net_receive.body.push_back(NetSend::make(num(2.5), num(1)));
    solve(m);
    eval::InstanceStorage s(m, 2);
    struct Sent {
        int instance = -1;
        double delay = 0, flag = 0;
    } sent;
    s.data.runtime = &sent;
    s.data.net_send = [](void* r, mech_index_t i, mech_value_t d, mech_value_t f) {
        *static_cast<Sent*>(r) = {i, d, f};
    };
    double w = 0.25;
    eval::net_receive(m, s.data, 1, &w, 0);
    eval::net_receive(m, s.data, 1, &w, 0);
    EXPECT_EQ(s.field(g, 1), 0.5);
    EXPECT_EQ(s.field(g, 0), 0.0);
    EXPECT_EQ(sent.instance, 1);
    EXPECT_EQ(sent.delay, 2.5);
    EXPECT_EQ(sent.flag, 1.0);
}

} // namespace
} // namespace mech::test
