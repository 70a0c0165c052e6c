// Lowering, part 2: expressions, built-in rate forms, and inlining of FUNCTION/PROCEDURE calls.
#include "ir/lower_context.hpp"

#include <fmt/format.h>

namespace mech::ir::detail {

namespace {

// NEURON 8.2's physical constants (its default, non-legacy units).
constexpr double kFaraday = 96485.33212;  // C/mol
constexpr double kGasConstant = 8.314462618; // J/(mol K)

BinaryOp binary_of(ast::BinaryOp op) {
    switch (op) {
    case ast::BinaryOp::Add: return BinaryOp::Add;
    case ast::BinaryOp::Sub: return BinaryOp::Sub;
    case ast::BinaryOp::Mul: return BinaryOp::Mul;
    case ast::BinaryOp::Div: return BinaryOp::Div;
    case ast::BinaryOp::Lt: return BinaryOp::Lt;
    case ast::BinaryOp::Le: return BinaryOp::Le;
    case ast::BinaryOp::Gt: return BinaryOp::Gt;
    case ast::BinaryOp::Ge: return BinaryOp::Ge;
    case ast::BinaryOp::Eq: return BinaryOp::Eq;
    case ast::BinaryOp::Ne: return BinaryOp::Ne;
    case ast::BinaryOp::And: return BinaryOp::And;
    case ast::BinaryOp::Or: return BinaryOp::Or;
    case ast::BinaryOp::Pow: break;
    }
    return BinaryOp::Add;
}

// 1000·R·(celsius + 273.15)/F: RT/F in mV.
ExprPtr rt_over_f() {
    return div(mul(num(1000 * kGasConstant), add(ref(Var::special(VarKind::Celsius)), num(273.15))),
               num(kFaraday));
}

} // namespace

SymbolId Lowerer::symbol_of(const ast::Expr& e) const {
    auto it = an.name_uses.find(&e);
    return it == an.name_uses.end() ? sema::kNoSymbol : it->second;
}

SymbolId Lowerer::symbol_of(const ast::Ident& i) const {
    auto it = an.ident_uses.find(&i);
    return it == an.ident_uses.end() ? sema::kNoSymbol : it->second;
}

std::optional<Var> Lowerer::lookup(SymbolId id) const {
    if (!scopes.empty()) {
        auto it = scopes.back().find(id);
        if (it != scopes.back().end())
            return it->second;
    }
    if (where == Where::Breakpoint) {
        auto c = current_locals.find(id);
        if (c != current_locals.end())
            return Var::local(c->second);
    }
    auto p = places.find(id);
    if (p != places.end())
        return p->second;
    return std::nullopt;
}

int Lowerer::state_field(const ast::Expr& species, diag::SourceRange used) {
    auto* n = species.as<ast::NameExpr>();
    if (!n || (!n->index && array_length(symbol_of(species)) == 0))
        return state_field(symbol_of(species), used);
    auto v = place(species);
    if (!v)
        return -1;
    if (v->kind != VarKind::Field || m.fields[v->index].role != FieldRole::State) {
        diags.error(used, fmt::format("'{}' is not a STATE, so it has no derivative", n->name));
        return -1;
    }
    return v->index;
}

int Lowerer::state_field(SymbolId id, diag::SourceRange used) {
    auto v = lookup(id);
    if (!v || v->kind != VarKind::Field || m.fields[v->index].role != FieldRole::State) {
        diags.error(used, fmt::format("'{}' is not a STATE, so it has no derivative",
                                      id < an.symbols.size() ? an.symbols[id].name : "?"));
        return -1;
    }
    return v->index;
}

ExprPtr Lowerer::expr(const ast::Expr& e) {
    if (auto* n = e.as<ast::NumberExpr>())
        return num(n->value);
    if (auto* n = e.as<ast::NameExpr>()) {
        SymbolId id = symbol_of(e);
        if (auto l = loop_values.find(id); l != loop_values.end())
            return num(l->second); // the variable of an unrolled FROM loop
        if (n->index || array_length(id) > 0) {
            auto v = place(e);
            return v ? ref(*v) : num(0);
        }
        // NET_RECEIVE's implicit event flag (sema declares it as an undeclared argument).
        bool event_flag = id == sema::kNoSymbol ? n->name == "flag"
                          : id < an.symbols.size() && sema::is_event_flag(an.symbols[id]);
        if (event_flag && where == Where::NetReceive)
            return ref(Var::special(VarKind::Flag));
        if (event_flag && where == Where::NetReceiveInit)
            return num(0); // no event is being delivered at finitialize
        if (id == sema::kNoSymbol) {
            diags.internal_error(e.range, fmt::format("no symbol recorded for '{}'", n->name));
            return num(0);
        }
        if (auto c = constants.find(id); c != constants.end())
            return num(c->second);
        if (auto v = lookup(id)) {
            // An artificial cell sits on no segment: it has neither area nor diameter.
            if ((v->kind == VarKind::Area || v->kind == VarKind::Diam) &&
                m.kind == Kind::Artificial) {
                diags.error(e.range, fmt::format("'{}' is the size of the segment a mechanism "
                                                 "sits on; an ARTIFICIAL_CELL sits on none",
                                                 n->name));
                return num(0);
            }
            return ref(*v);
        }
        if ((n->name == "f_flux" || n->name == "b_flux") && where == Where::Kinetic) {
            int k = n->name == "f_flux" ? last_flux.first : last_flux.second;
            if (k < 0 && last_flux.first < 0)
                diags.error(e.range, fmt::format("'{}' is the flux of the reaction before it; "
                                                 "no reaction (~) comes before this use",
                                                 n->name));
            return k < 0 ? num(0) : local(k);
        }
        diags.internal_error(e.range, fmt::format("'{}' has no storage in the IR", n->name));
        return num(0);
    }
    if (auto* u = e.as<ast::UnaryExpr>()) {
        auto a = expr(*u->operand);
        switch (u->op) {
        case ast::UnaryOp::Neg: return neg(a);
        case ast::UnaryOp::Not: return Unary::make(UnaryOp::Not, a);
        case ast::UnaryOp::Plus: return a;
        }
    }
    if (auto* b = e.as<ast::BinaryExpr>()) {
        auto l = expr(*b->lhs);
        auto r = expr(*b->rhs);
        if (b->op == ast::BinaryOp::Pow)
            return pow(l, r);
        return Binary::make(binary_of(b->op), l, r);
    }
    if (auto* c = e.as<ast::CallExpr>()) {
        const std::string& name = c->callee.name;
        std::vector<ExprPtr> args;
        auto lower_args = [&](size_t want) {
            if (c->args.size() != want) {
                diags.error(e.range, fmt::format("'{}' takes {} argument{}, not {}", name, want,
                                                 want == 1 ? "" : "s", c->args.size()));
                return false;
            }
            for (const auto& a : c->args)
                args.push_back(expr(*a));
            return true;
        };
        // A file's own FUNCTION wins over a built-in of the same name (camchan.mod's ghk).
        if (auto f = functions.find(name); f != functions.end()) {
            auto result = inline_call(*f->second, *c, e);
            if (!result) {
                diags.error(e.range, fmt::format("PROCEDURE '{}' has no value", name));
                return num(0);
            }
            return result;
        }
        if (auto fn = find_intrinsic(name)) {
            if (!lower_args(intrinsic_arity(*fn)))
                return num(0);
            return Call::make(*fn, args);
        }
        auto v = [] { return voltage(); };
        if (name == "exp_rate" || name == "sigmoid_rate" || name == "linoid_rate") {
            if (!lower_args(3))
                return num(0);
            auto x = div(sub(v(), args[1]), args[2]);
            if (name == "exp_rate")
                return mul(args[0], exp(x));
            if (name == "sigmoid_rate")
                return div(args[0], add(num(1), exp(neg(x))));
            return mul(args[0], call(Intrinsic::Exprelr, neg(x)));
        }
        if (name == "nernst") { // (RT/zF)·log(co/ci), mV
            if (!lower_args(3))
                return num(0);
            return mul(div(rt_over_f(), args[2]), call(Intrinsic::Log, div(args[1], args[0])));
        }
        if (name == "ghk") {
            // NEURON's ghk: x = z·v/(RT/F); 1e-3·z·F·(ci·efun(-x) - co·efun(x)), efun = exprelr.
            if (!lower_args(4))
                return num(0);
            int x = fresh_local("ghk_x");
            emit(AssignLocal::make(x, div(mul(args[3], args[0]), rt_over_f())));
            auto efun = [](ExprPtr a) { return call(Intrinsic::Exprelr, a); };
            return mul(mul(num(1e-3), mul(args[3], num(kFaraday))),
                       sub(mul(args[1], efun(neg(local(x)))), mul(args[2], efun(local(x)))));
        }
        if (name == "net_send" || name == "net_event" || name == "net_move") {
            diags.error(e.range, fmt::format("'{}' is a statement, not a value", name));
            return num(0);
        }
        unsupported(e.range, fmt::format("calling '{}' (FUNCTION_TABLE or external function)",
                                         name));
        return num(0);
    }
    if (e.is<ast::StringExpr>())
        diags.error(e.range, "a string is not a number");
    return num(0);
}

ExprPtr Lowerer::inline_call(const ast::FunctionBlock& f, const ast::CallExpr& c,
                             const ast::Expr& site) {
    for (const auto* active : inlining) {
        if (active == &f) {
            diags.error(site.range, fmt::format("'{}' calls itself (directly or through other "
                                                "functions); mech inlines every call, so "
                                                "recursion is not supported",
                                                f.name.name));
            return f.is_procedure ? nullptr : num(0);
        }
    }
    if (c.args.size() != f.params.size()) {
        diags.error(site.range, fmt::format("'{}' takes {} argument{}, not {}", f.name.name,
                                            f.params.size(), f.params.size() == 1 ? "" : "s",
                                            c.args.size()));
        return f.is_procedure ? nullptr : num(0);
    }
    // Arguments are evaluated in the caller's frame, then bound in a fresh one.
    std::unordered_map<SymbolId, Var> frame;
    for (size_t n = 0; n < f.params.size(); ++n) {
        int k = fresh_local(f.name.name + "_" + f.params[n].name.name);
        emit(AssignLocal::make(k, expr(*c.args[n])));
        frame[symbol_of(f.params[n].name)] = Var::local(k);
    }
    ExprPtr result;
    if (!f.is_procedure) {
        int k = fresh_local(f.name.name);
        emit(AssignLocal::make(k, num(0)));
        frame[symbol_of(f.name)] = Var::local(k);
        result = local(k);
    }
    inlined.insert(&f);
    inlining.push_back(&f);
    scopes.push_back(std::move(frame));
    block(f.body);
    scopes.pop_back();
    inlining.pop_back();
    return result;
}

} // namespace mech::ir::detail
