// Lowering, part 4: KINETIC schemes into mass-action ODEs (solved later by METHOD sparse).
#include "ir/lower_context.hpp"

#include <fmt/format.h>

#include <functional>

namespace mech::ir::detail {

namespace {

// A^n as n-fold multiplication (exact for the small integer stoichiometries of schemes).
ExprPtr power_of(ExprPtr x, std::int64_t n) {
    ExprPtr out = x;
    for (std::int64_t k = 1; k < n; ++k)
        out = mul(out, x);
    return out;
}

} // namespace

bool Lowerer::is_state(const ast::Expr& species) const {
    auto v = lookup(symbol_of(species));
    return v && v->kind == VarKind::Field && m.fields[v->index].role == FieldRole::State;
}

void Lowerer::reaction(const ast::ReactionStmt& r, const ast::Stmt& s) {
    if (where != Where::Kinetic || !kinetic) {
        diags.error(s.range, "reactions (~) belong in a KINETIC block");
        return;
    }
    auto species = [&](const ast::Reactant& x) {
        if (x.coefficient < 1) {
            diags.error(x.range, "a stoichiometric coefficient must be a positive integer");
            return -1;
        }
        if (!is_state(*x.species))
            return -1; // a non-STATE species is a constant of the reaction (as in NEURON)
        int k = state_field(symbol_of(*x.species), x.range);
        if (k >= 0 && !kinetic->rate.count(k)) {
            kinetic->rate[k] = num(0);
            kinetic->order.push_back(k);
        }
        return k;
    };
    auto change = [&](int k, ExprPtr by) {
        if (k >= 0)
            kinetic->rate[k] = add(kinetic->rate[k], by);
    };
    if (r.kind == ast::ReactionKind::Flux) {
        // ~ A << (flux): flux adds amount of A per unit time.
        int k = r.lhs.empty() ? -1 : state_field(symbol_of(*r.lhs.front().species),
                                                  r.lhs.front().range);
        if (k >= 0 && !kinetic->rate.count(k)) {
            kinetic->rate[k] = num(0);
            kinetic->order.push_back(k);
        }
        change(k, expr(*r.forward));
        return;
    }
    ExprPtr forward = expr(*r.forward);
    std::vector<std::pair<int, std::int64_t>> left, right;
    for (const auto& x : r.lhs) {
        int k = species(x);
        forward = mul(forward, power_of(k >= 0 ? field(k) : expr(*x.species), x.coefficient));
        if (k >= 0)
            left.emplace_back(k, x.coefficient);
    }
    ExprPtr net = forward;
    if (r.kind == ast::ReactionKind::Reversible) {
        ExprPtr backward = expr(*r.backward);
        for (const auto& x : r.rhs) {
            int k = species(x);
            backward = mul(backward, power_of(k >= 0 ? field(k) : expr(*x.species), x.coefficient));
            if (k >= 0)
                right.emplace_back(k, x.coefficient);
        }
        net = sub(forward, backward);
    }
    int flux = fresh_local("flux");
    emit(AssignLocal::make(flux, net));
    for (auto [k, n] : left)
        change(k, neg(mul(num(static_cast<double>(n)), local(flux))));
    for (auto [k, n] : right)
        change(k, mul(num(static_cast<double>(n)), local(flux)));
}

void Lowerer::conserve(const ast::ConserveStmt& c, const ast::Stmt& s) {
    if (where != Where::Kinetic || !kinetic) {
        diags.error(s.range, "CONSERVE belongs in a KINETIC block");
        return;
    }
    std::vector<int> states;
    std::vector<ExprPtr> coeffs;
    // The left side is a sum of terms `X` or `c*X`.
    std::function<bool(const ast::Expr&)> term = [&](const ast::Expr& e) -> bool {
        if (auto* b = e.as<ast::BinaryExpr>()) {
            if (b->op == ast::BinaryOp::Add)
                return term(*b->lhs) && term(*b->rhs);
            if (b->op == ast::BinaryOp::Mul && b->rhs->is<ast::NameExpr>()) {
                int k = state_field(symbol_of(*b->rhs), b->rhs->range);
                states.push_back(k);
                coeffs.push_back(expr(*b->lhs));
                return k >= 0;
            }
        }
        if (e.is<ast::NameExpr>()) {
            int k = state_field(symbol_of(e), e.range);
            states.push_back(k);
            coeffs.push_back(num(1));
            return k >= 0;
        }
        diags.error(e.range, "CONSERVE needs a sum of states, each optionally times a factor");
        return false;
    };
    if (!term(*c.lhs))
        return;
    kinetic->conserve.push_back(Conserve::make(std::move(states), std::move(coeffs), expr(*c.rhs)));
}

void Lowerer::compartment(const ast::CompartmentStmt& c) {
    if (!kinetic) {
        return;
    }
    if (c.index) {
        unsupported(c.index->range, "indexed COMPARTMENT");
        return;
    }
    auto volume = expr(*c.volume);
    for (const auto& sp : c.species) {
        auto v = lookup(symbol_of(sp));
        if (!v || v->kind != VarKind::Field || m.fields[v->index].role != FieldRole::State)
            continue; // the volume of a constant species does not matter
        int k = state_field(symbol_of(sp), sp.range);
        if (k >= 0)
            kinetic->volume[k] = volume;
    }
}

void Lowerer::finish_kinetic() {
    // d(volume·X)/dt = Σ fluxes, so X' = Σ fluxes / volume.
    for (int k : kinetic->order) {
        ExprPtr rate = kinetic->rate[k];
        if (auto v = kinetic->volume.find(k); v != kinetic->volume.end())
            rate = div(rate, v->second);
        emit(Derivative::make(k, rate));
    }
    for (auto& c : kinetic->conserve)
        emit(c);
}

} // namespace mech::ir::detail
