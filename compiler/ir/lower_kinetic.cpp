// Lowering, part 4: KINETIC schemes into mass-action ODEs (solved later by METHOD sparse).
#include "ir/lower_context.hpp"

#include <fmt/format.h>

#include <algorithm>
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

bool Lowerer::is_state(const ast::Expr& species) {
    auto v = place(species);
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
        int k = state_field(*x.species, x.range);
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
        int k = r.lhs.empty() ? -1 : state_field(*r.lhs.front().species, r.lhs.front().range);
        if (k >= 0 && !kinetic->rate.count(k)) {
            kinetic->rate[k] = num(0);
            kinetic->order.push_back(k);
        }
        ExprPtr flux = expr(*r.forward);
        last_flux = {-1, -1};
        if (names_flux) {
            last_flux.first = fresh_local("f_flux");
            emit(AssignLocal::make(last_flux.first, flux));
            flux = local(last_flux.first);
        }
        change(k, flux);
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
    // f_flux/b_flux name the forward and backward fluxes of the latest reaction (NEURON).
    int f = -1;
    if (names_flux) {
        f = fresh_local("f_flux");
        emit(AssignLocal::make(f, forward));
        forward = local(f);
    }
    last_flux = {f, -1};
    ExprPtr net = forward;
    if (r.kind == ast::ReactionKind::Reversible) {
        ExprPtr backward = expr(*r.backward);
        for (const auto& x : r.rhs) {
            int k = species(x);
            backward = mul(backward, power_of(k >= 0 ? field(k) : expr(*x.species), x.coefficient));
            if (k >= 0)
                right.emplace_back(k, x.coefficient);
        }
        if (names_flux) {
            int b = fresh_local("b_flux");
            emit(AssignLocal::make(b, backward));
            last_flux.second = b;
            backward = local(b);
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
                int k = state_field(*b->rhs, b->rhs->range);
                states.push_back(k);
                coeffs.push_back(expr(*b->lhs));
                return k >= 0;
            }
        }
        if (e.is<ast::NameExpr>()) {
            int k = state_field(e, e.range);
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
    // COMPARTMENT i, vol[i] {ca}: element k of each array species gets the volume at i = k;
    // without an index every element of an array species gets the same volume.
    SymbolId index = c.index ? symbol_of(*c.index) : sema::kNoSymbol;
    ExprPtr shared = c.index ? nullptr : expr(*c.volume);
    for (const auto& sp : c.species) {
        SymbolId id = symbol_of(sp);
        auto v = lookup(id);
        if (!v || v->kind != VarKind::Field || m.fields[v->index].role != FieldRole::State)
            continue; // the volume of a constant species does not matter
        std::int64_t n = array_length(id);
        if (c.index && n == 0) {
            diags.error(sp.range, fmt::format("'{}' is not an array, so an indexed COMPARTMENT "
                                              "cannot give it a volume per element",
                                              sp.name));
            continue;
        }
        for (std::int64_t k = 0; k < std::max<std::int64_t>(n, 1); ++k) {
            ExprPtr volume = shared;
            if (c.index) {
                loop_values[index] = static_cast<double>(k);
                volume = expr(*c.volume);
                loop_values.erase(index);
            }
            kinetic->volume[v->index + static_cast<int>(k)] = volume;
        }
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
