// The IR of pas, hh, ExpSyn and a calcium pool, written by hand in solved (cnexp) form.
#include "hand_mechanisms.hpp"

#include "ir/build.hpp"

#include <array>

namespace mech::testing {

using namespace mech::ir;

namespace {

ExprPtr celsius() {
    return ref(Var::special(VarKind::Celsius));
}
ExprPtr ion_ref(int j, IonQuantity q) {
    return ref(Var::ion(j, q));
}

Field param(std::string name, std::string units, double value) {
    return Field{std::move(name), std::move(units), value,
                 -HUGE_VAL,       HUGE_VAL,         FieldRole::Parameter};
}
Field state(std::string name) {
    return Field{std::move(name), "", 0.0, -HUGE_VAL, HUGE_VAL, FieldRole::State};
}
Field assigned(std::string name, std::string units) {
    return Field{std::move(name), std::move(units), 0.0, -HUGE_VAL, HUGE_VAL, FieldRole::Assigned};
}

// cnexp for x' = a - (a + b)x:  x += (1 - exp(-dt (a + b))) (a/(a + b) - x)
StmtPtr cnexp(int x, ExprPtr a, ExprPtr b) {
    auto sum = add(a, b);
    return Store::make(Var::field(x), add(field(x), mul(sub(num(1), exp(neg(mul(dt(), sum)))),
                                                        sub(div(a, sum), field(x)))));
}

} // namespace

Mechanism make_pas() {
    Mechanism m;
    m.name = "pas";
    m.fields = {param("g", "S/cm2", 0.001), param("e", "mV", -70), assigned("i", "mA/cm2")};
    m.nonspecific_currents = {"i"};
    auto current = mul(field(0), sub(voltage(), field(1)));
    m.compute_currents.body = {Store::make(Var::field(2), current),
                               AccumulateCurrent::make(-1, false, field(2), field(0))};
    return m;
}

Mechanism make_hh() {
    Mechanism m;
    m.name = "hh";
    m.fields = {param("gnabar", "S/cm2", 0.12),
                param("gkbar", "S/cm2", 0.036),
                param("gl", "S/cm2", 0.0003),
                param("el", "mV", -54.3),
                state("m"),
                state("h"),
                state("n"),
                assigned("gna", "S/cm2"),
                assigned("gk", "S/cm2"),
                assigned("il", "mA/cm2")};
    enum { gnabar, gkbar, gl, el, M, H, N, gna, gk, il };
    m.ions = {Ion{"na", 0, IonReversal, IonCurrent}, Ion{"k", 0, IonReversal, IonCurrent}};
    m.nonspecific_currents = {"il"};

    // Rates as locals of one kernel: am, bm, ah, bh, an, bn (and q10 in advance_state).
    auto rates = [&](Kernel& k, bool with_q10) {
        Block body;
        const int q10 = k.add_local("q10");
        body.push_back(AssignLocal::make(
            q10, with_q10 ? pow(num(3), div(sub(celsius(), num(6.3)), num(10))) : num(1)));
        auto v = voltage();
        auto rate = [&](const char* name, ExprPtr e) {
            const int l = k.add_local(name);
            body.push_back(AssignLocal::make(l, mul(local(q10), e)));
            return l;
        };
        // linoid_rate(1, -40, 10), exp_rate(4, -65, -18), exp_rate(0.07, -65, -20),
        // sigmoid_rate(1, -35, 10), linoid_rate(0.1, -55, 10), exp_rate(0.125, -65, -80)
        int am = rate("am", call(Intrinsic::Exprelr, neg(div(add(v, num(40)), num(10)))));
        int bm = rate("bm", mul(num(4), exp(div(add(v, num(65)), num(-18)))));
        int ah = rate("ah", mul(num(0.07), exp(div(add(v, num(65)), num(-20)))));
        int bh = rate("bh", div(num(1), add(num(1), exp(neg(div(add(v, num(35)), num(10)))))));
        int an =
            rate("an", mul(num(0.1), call(Intrinsic::Exprelr, neg(div(add(v, num(55)), num(10))))));
        int bn = rate("bn", mul(num(0.125), exp(div(add(v, num(65)), num(-80)))));
        return std::make_pair(body, std::array<int, 6>{am, bm, ah, bh, an, bn});
    };

    {
        auto [body, r] = rates(m.init, false);
        for (int g = 0; g < 3; ++g) {
            auto a = local(r[2 * g]);
            body.push_back(Store::make(Var::field(M + g), div(a, add(a, local(r[2 * g + 1])))));
        }
        m.init.body = body;
    }
    {
        auto [body, r] = rates(m.advance_state, true);
        for (int g = 0; g < 3; ++g) {
            body.push_back(cnexp(M + g, local(r[2 * g]), local(r[2 * g + 1])));
        }
        m.advance_state.body = body;
    }
    auto& cc = m.compute_currents;
    cc.body = {
        Store::make(Var::field(gna), mul(mul(field(gnabar), pow(field(M), num(3))), field(H))),
        Store::make(Var::field(gk), mul(field(gkbar), pow(field(N), num(4)))),
        AccumulateCurrent::make(0, false,
                                mul(field(gna), sub(voltage(), ion_ref(0, IonQuantity::Reversal))),
                                field(gna)),
        AccumulateCurrent::make(
            1, false, mul(field(gk), sub(voltage(), ion_ref(1, IonQuantity::Reversal))), field(gk)),
        Store::make(Var::field(il), mul(field(gl), sub(voltage(), field(el)))),
        AccumulateCurrent::make(-1, false, field(il), field(gl)),
    };
    return m;
}

Mechanism make_expsyn() {
    Mechanism m;
    m.name = "ExpSyn";
    m.kind = Kind::Point;
    m.fields = {param("tau", "ms", 0.1), param("e", "mV", 0), state("g"), assigned("i", "nA")};
    m.nonspecific_currents = {"i"};
    m.net_receive_args = {WeightArg{"weight", "uS"}};
    m.init.body = {Store::make(Var::field(2), num(0))};
    m.advance_state.body = {
        Store::make(Var::field(2), mul(field(2), exp(neg(div(dt(), field(0))))))};
    m.compute_currents.body = {Store::make(Var::field(3), mul(field(2), sub(voltage(), field(1)))),
                               AccumulateCurrent::make(-1, false, field(3), field(2))};
    m.net_receive.body = {Store::make(Var::field(2), ref(Var::weight(0)), true)};
    return m;
}

Mechanism make_cadecay() {
    Mechanism m;
    m.name = "cadecay";
    m.fields = {param("depth", "um", 0.1), param("taur", "ms", 200), param("cainf", "mM", 1e-4),
                assigned("drive", "mM/ms"), assigned("steps", "")};
    m.globals = {Global{"FARADAY", "coulomb", 96485.309}};
    m.ions = {Ion{"ca", 2, IonCurrent | IonInternal, IonInternal}};
    auto ica = ion_ref(0, IonQuantity::Current);
    auto cai = ion_ref(0, IonQuantity::Internal);
    auto& k = m.advance_state;
    const int drive = k.add_local("drive");
    const int count = k.add_local("count");
    k.body = {
        AssignLocal::make(
            drive, div(mul(num(-1e4), ica), mul(mul(num(2), ref(Var::global(0))), field(0)))),
        If::make(compare(BinaryOp::Le, local(drive), num(0)), {AssignLocal::make(drive, num(0))}),
        Store::make(Var::field(3), local(drive)),
        // cai += dt*(drive + (cainf - cai)/taur), in 4 sub-steps counted by a while loop
        AssignLocal::make(count, num(0)),
        While::make(compare(BinaryOp::Lt, local(count), num(4)),
                    {Store::make(Var::ion(0, IonQuantity::Internal),
                                 mul(div(dt(), num(4)),
                                     add(local(drive), div(sub(field(2), cai), field(1)))),
                                 true),
                     AssignLocal::make(count, add(local(count), num(1)))}),
        Store::make(Var::field(4), add(call(Intrinsic::Fmod, local(count), num(3)),
                                       call(Intrinsic::Max, call(Intrinsic::Log10, cai),
                                            call(Intrinsic::Tanh, call(Intrinsic::Fabs, cai))))),
    };
    m.init.body = {Store::make(Var::ion(0, IonQuantity::Internal), field(2))};
    return m;
}

} // namespace mech::testing
