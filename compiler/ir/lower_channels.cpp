// Lowering, part 5: CHANNEL (gates, ohmic or GHK current, carrier fraction) and POOL blocks.
#include "ir/lower_context.hpp"

#include <fmt/format.h>

namespace mech::ir::detail {

namespace {

constexpr double kFaraday = 96485.33212; // C/mol, NEURON 8.2

bool instantaneous(const ast::GateDecl& g) {
    auto* n = g.tau ? g.tau->as<ast::NumberExpr>() : nullptr;
    return n && n->value == 0.0;
}

} // namespace

// Steady state of each gate: inf = alpha/(alpha + beta), or INF.
static ExprPtr gate_inf(Lowerer& l, const ast::GateDecl& g) {
    if (g.inf)
        return l.expr(*g.inf);
    int a = l.fresh_local(g.name.name + "_alpha");
    l.emit(AssignLocal::make(a, l.expr(*g.alpha)));
    int b = l.fresh_local(g.name.name + "_beta");
    l.emit(AssignLocal::make(b, l.expr(*g.beta)));
    return div(local(a), add(local(a), local(b)));
}

void Lowerer::channel_init(const sema::Channel& c) {
    for (size_t n = 0; n < c.gates.size() && n < c.block->gates.size(); ++n) {
        auto v = lookup(c.gates[n]);
        if (v)
            emit(Store::make(*v, gate_inf(*this, c.block->gates[n])));
    }
}

void Lowerer::channel_states(const sema::Channel& c, Block& body) {
    Block* saved = out;
    out = &body;
    for (size_t n = 0; n < c.gates.size() && n < c.block->gates.size(); ++n) {
        const auto& g = c.block->gates[n];
        auto v = lookup(c.gates[n]);
        if (!v || instantaneous(g))
            continue;
        auto x = ref(*v);
        if (g.inf) {
            int inf = fresh_local(g.name.name + "_inf");
            emit(AssignLocal::make(inf, expr(*g.inf)));
            int tau = fresh_local(g.name.name + "_tau");
            emit(AssignLocal::make(tau, expr(*g.tau)));
            emit(Derivative::make(v->index, div(sub(local(inf), x), local(tau))));
        } else {
            int a = fresh_local(g.name.name + "_alpha");
            emit(AssignLocal::make(a, expr(*g.alpha)));
            int b = fresh_local(g.name.name + "_beta");
            emit(AssignLocal::make(b, expr(*g.beta)));
            // x' = alpha·(1 - x) - beta·x
            emit(Derivative::make(v->index,
                                  sub(mul(local(a), sub(num(1), x)), mul(local(b), x))));
        }
    }
    out = saved;
}

void Lowerer::channel_current(const sema::Channel& c) {
    const ast::ChannelBlock& b = *c.block;
    ExprPtr open = nullptr; // Π gate^power
    for (size_t n = 0; n < c.gates.size() && n < b.gates.size(); ++n) {
        const auto& g = b.gates[n];
        auto v = lookup(c.gates[n]);
        if (!v)
            continue;
        if (instantaneous(g))
            emit(Store::make(*v, expr(*g.inf)));
        ExprPtr x = ref(*v);
        ExprPtr term = x;
        for (std::int64_t p = 1; p < g.power.value_or(1); ++p)
            term = mul(term, x);
        open = open ? mul(open, term) : term;
    }
    ExprPtr current;
    int ion = c.ion.empty() ? -1 : ion_index(c.ion);
    if (c.ghk) {
        ExprPtr p = expr(*b.permeability);
        if (open)
            p = mul(p, open);
        if (ion < 0) {
            diags.error(b.name.range, "a PERMEABILITY (GHK) channel needs an ION");
            return;
        }
        const Ion& i = m.ions[ion];
        ExprPtr z = num(i.valence != 0 ? i.valence : 1);
        ExprPtr rtf = div(mul(num(1000 * 8.314462618),
                              add(ref(Var::special(VarKind::Celsius)), num(273.15))),
                          num(kFaraday));
        int x = fresh_local(b.name.name + "_ghk_x");
        emit(AssignLocal::make(x, div(mul(z, voltage()), rtf)));
        auto ci = ref(Var::ion(ion, IonQuantity::Internal));
        auto co = ref(Var::ion(ion, IonQuantity::External));
        auto efun = [](ExprPtr a) { return call(Intrinsic::Exprelr, a); };
        ExprPtr ghk = mul(mul(num(1e-3), mul(z, num(kFaraday))),
                          sub(mul(ci, efun(neg(local(x)))), mul(co, efun(local(x)))));
        current = mul(p, ghk);
    } else {
        ExprPtr g = expr(*b.gmax);
        if (open)
            g = mul(g, open);
        ExprPtr e = b.reversal ? expr(*b.reversal)
                    : ion >= 0 ? ref(Var::ion(ion, IonQuantity::Reversal))
                               : nullptr;
        if (!e) {
            diags.error(b.name.range, "a NONSPECIFIC channel needs a REVERSAL");
            return;
        }
        current = mul(g, sub(voltage(), e));
    }
    int i = fresh_local("i_" + b.name.name);
    emit(AssignLocal::make(i, current));

    ExprPtr carried = nullptr; // the part of a nonspecific current carried by an ion
    if (!c.carrier_ion.empty()) {
        ExprPtr fraction = b.carrier_fraction ? expr(*b.carrier_fraction) : num(1);
        carried = mul(fraction, local(i));
        SymbolId ic = an.find_id("i" + c.carrier_ion);
        auto it = current_locals.find(ic);
        if (it == current_locals.end()) {
            diags.internal_error(b.name.range, "carrier ion current has no accumulator");
            return;
        }
        emit(AssignLocal::make(it->second, add(local(it->second), carried)));
    }
    ExprPtr own = carried ? sub(local(i), carried) : local(i);
    auto target = lookup(c.current);
    if (!target) {
        diags.internal_error(b.name.range, "channel current has no storage");
        return;
    }
    if (target->kind == VarKind::Local) // an ion current accumulator
        emit(AssignLocal::make(target->index, add(local(target->index), own)));
    else
        emit(Store::make(*target, add(ref(*target), own)));
}

void Lowerer::pool_states(const sema::Pool& p, Block& body) {
    const ast::PoolBlock& b = *p.block;
    auto v = lookup(p.species);
    int ion = ion_index(p.ion);
    if (!v || ion < 0) {
        diags.internal_error(b.species.range, "pool without storage or ion");
        return;
    }
    Block* saved = out;
    out = &body;
    ExprPtr factor;
    if (b.factor) {
        factor = expr(*b.factor);
    } else {
        int z = m.ions[ion].valence != 0 ? m.ions[ion].valence : 2;
        // mA/cm2 over a shell of DEPTH um -> mM/ms: 1e4/(z·F·depth)
        factor = div(num(1e4), mul(num(z * kFaraday), expr(*b.depth)));
    }
    auto c = ref(*v);
    ExprPtr rate = neg(mul(factor, ref(Var::ion(ion, IonQuantity::Current))));
    if (b.tau) {
        ExprPtr min = b.min ? expr(*b.min) : num(0);
        rate = sub(rate, div(sub(c, min), expr(*b.tau)));
    }
    emit(Derivative::make(v->index, rate));
    out = saved;
}

} // namespace mech::ir::detail
