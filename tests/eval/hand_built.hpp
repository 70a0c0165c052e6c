// Small mechanisms built directly in IR, for tests that must not depend on the parser.
#pragma once

#include "diag/diagnostic_engine.hpp"
#include "ir/build.hpp"
#include "ir/mechanism.hpp"
#include "passes/run_passes.hpp"

#include <gtest/gtest.h>

namespace mech::test {

using namespace ir;

inline int add_field(Mechanism& m, const std::string& name, FieldRole role, double value) {
    m.fields.push_back({name, "", value, -HUGE_VAL, HUGE_VAL, role});
    return static_cast<int>(m.fields.size()) - 1;
}

/// Runs the pass pipeline and fails the test on any error.
inline void solve(Mechanism& m, passes::Options options = {}) {
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    bool ok = passes::run_passes(m, options, diags);
    for (const auto& d : diags.diagnostics())
        ADD_FAILURE() << d.message;
    ASSERT_TRUE(ok);
}

/// hh's sodium channel alone: ina = gnabar*m^3*h*(v - ena), m and h in alpha/beta form.
inline Mechanism hh_sodium() {
    Mechanism m;
    m.name = "na_test";
    int gnabar = add_field(m, "gnabar", FieldRole::Parameter, 0.12);
    int mi = add_field(m, "m", FieldRole::State, 0.05);
    int hi = add_field(m, "h", FieldRole::State, 0.6);
    m.ions.push_back({"na", 1, IonReversal, IonCurrent});
    auto v = voltage();
    auto alpha_m = [&] { return mul(num(0.1), call(Intrinsic::Exprelr, div(neg(add(v, num(40))), num(10)))); };
    auto beta_m = [&] { return mul(num(4), exp(div(neg(add(v, num(65))), num(18)))); };
    auto alpha_h = [&] { return mul(num(0.07), exp(div(neg(add(v, num(65))), num(20)))); };
    auto beta_h = [&] { return div(num(1), add(exp(div(neg(add(v, num(35))), num(10))), num(1))); };

    Kernel& cc = m.compute_currents;
    int g = cc.add_local("g");
    int i = cc.add_local("ina");
    cc.body.push_back(AssignLocal::make(g, mul(mul(field(gnabar), pow(field(mi), num(3))), field(hi))));
    cc.body.push_back(AssignLocal::make(i, mul(local(g), sub(v, ref(Var::ion(0, IonQuantity::Reversal))))));
    cc.body.push_back(AccumulateCurrent::make(0, false, local(i)));
    cc.body.push_back(AccumulateCurrent::make(-1, false, local(i)));

    Kernel& as = m.advance_state;
    int am = as.add_local("am"), bm = as.add_local("bm"), ah = as.add_local("ah"), bh = as.add_local("bh");
    Block body{AssignLocal::make(am, alpha_m()), AssignLocal::make(bm, beta_m()),
               AssignLocal::make(ah, alpha_h()), AssignLocal::make(bh, beta_h()),
               Derivative::make(mi, sub(mul(local(am), sub(num(1), field(mi))), mul(local(bm), field(mi)))),
               Derivative::make(hi, sub(mul(local(ah), sub(num(1), field(hi))), mul(local(bh), field(hi))))};
    as.body.push_back(Solve::make(SolveMethod::Cnexp, "states", std::move(body)));
    return m;
}

} // namespace mech::test
