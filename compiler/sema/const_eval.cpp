// Folds the constant expressions declarations need: defaults, limits, VALENCE, powers.
#include <cmath>

#include "sema/context.hpp"

namespace mech::sema {

std::optional<double> const_value(const ast::Expr& e, const Context& cx) {
    if (auto* n = e.as<ast::NumberExpr>())
        return n->value;
    if (auto* name = e.as<ast::NameExpr>()) {
        SymbolId id = cx.lookup(name->name);
        if (id != kNoSymbol && !name->index && name->primes == 0) {
            const Symbol& s = cx.out.symbols[id];
            if (s.kind == SymbolKind::Constant && s.default_value)
                return s.default_value;
        }
        return std::nullopt;
    }
    if (auto* u = e.as<ast::UnaryExpr>()) {
        if (!u->operand || u->op == ast::UnaryOp::Not)
            return std::nullopt;
        auto v = const_value(*u->operand, cx);
        if (!v)
            return std::nullopt;
        return u->op == ast::UnaryOp::Neg ? -*v : *v;
    }
    if (auto* b = e.as<ast::BinaryExpr>()) {
        if (!b->lhs || !b->rhs)
            return std::nullopt;
        auto l = const_value(*b->lhs, cx);
        auto r = const_value(*b->rhs, cx);
        if (!l || !r)
            return std::nullopt;
        switch (b->op) {
        case ast::BinaryOp::Add: return *l + *r;
        case ast::BinaryOp::Sub: return *l - *r;
        case ast::BinaryOp::Mul: return *l * *r;
        case ast::BinaryOp::Div:
            if (*r == 0)
                return std::nullopt;
            return *l / *r;
        case ast::BinaryOp::Pow: return std::pow(*l, *r);
        default: return std::nullopt;
        }
    }
    return std::nullopt;
}

std::optional<std::int64_t> array_size(const std::optional<std::int64_t>& number,
                                       const std::optional<ast::Ident>& name, Context& cx) {
    if (!name)
        return number;
    SymbolId id = cx.lookup(name->name);
    if (id == kNoSymbol) {
        // NMODL reads DEFINEs in order: one further down is the likely mistake.
        for (const ast::Block& b : cx.module.blocks)
            if (auto* def = b.as<ast::DefineBlock>(); def && def->name.name == name->name) {
                cx.diags.error(name->range, "the array size '" + name->name +
                                                "' is DEFINEd after its use; move the DEFINE up");
                cx.diags.note(def->name.range, "the DEFINE is here");
                return std::nullopt;
            }
        cx.diags.error(name->range, "unknown array size '" + name->name +
                                        "': an array size is a number or a DEFINE'd name");
        return std::nullopt;
    }
    const Symbol& s = cx.sym(id);
    cx.out.ident_uses[&*name] = id;
    const double value = s.kind == SymbolKind::Constant && s.default_value ? *s.default_value : 0;
    if (value < 1 || value != std::floor(value) || value > 1e9) {
        cx.diags.error(name->range, "the array size '" + name->name +
                                        "' must be a positive integer constant (DEFINE " +
                                        name->name + " 4)");
        return std::nullopt;
    }
    return static_cast<std::int64_t>(value);
}

} // namespace mech::sema
