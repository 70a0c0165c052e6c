// Units of expressions: names, literals, sums, products, powers and comparisons.
#include <cmath>

#include "sema/body_checker.hpp"

namespace mech::sema {

std::string describe(const units::Unit& u) {
    std::string q = units::quantity_name(u.dims());
    // Built by appending: GCC 12 gives a false -Wrestrict for "'" + std::string.
    std::string s(1, '\'');
    s += u.str();
    s += '\'';
    if (!q.empty() && q != "dimensionless")
        s += " (" + q + ")";
    return s;
}

bool BodyChecker::require(const Inferred& got, const units::Unit& want, diag::SourceRange where,
                          std::string_view action, std::string_view joiner) {
    if (!got.known || got.zero)
        return true;
    if (units::equivalent(got.unit, want))
        return true;
    std::string msg;
    if (got.literal && got.unit.is_one() && !want.dimensionless()) {
        msg = std::string(action) + " a number without units " + std::string(joiner) + " '" +
              want.str() + "'; write its units, e.g. (" + want.str() + ")";
    } else if (auto f = units::conversion_factor(got.unit, want)) {
        msg = std::string(action) + " '" + got.unit.str() + "' " + std::string(joiner) + " '" +
              want.str() + "' (a factor of " + units::format_factor(*f) + ")";
    } else {
        msg = std::string(action) + " " + describe(got.unit) + " " + std::string(joiner) + " " +
              describe(want);
    }
    cx_.unit_problem(where, msg);
    return false;
}

SymbolId BodyChecker::resolve(const std::string& name, diag::SourceRange where, bool report) {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it)
        if (auto f = it->find(name); f != it->end())
            return f->second;
    SymbolId id = cx_.lookup(name);
    if (id != kNoSymbol || !report)
        return id;
    std::vector<std::string> candidates;
    for (const auto& scope : scopes_)
        for (const auto& [n, s] : scope)
            candidates.push_back(n);
    for (const Symbol& s : cx_.out.symbols)
        if (s.scope.empty() && s.kind != SymbolKind::EquationBlock)
            candidates.push_back(s.name);
    std::string msg = "'" + name + "' is not declared";
    std::string hint = closest(name, candidates);
    if (!hint.empty())
        msg += "; did you mean '" + hint + "'?";
    cx_.diags.error(where, msg);
    return kNoSymbol;
}

Inferred BodyChecker::expr(const ast::Expr& e) {
    Inferred r;
    if (auto* n = e.as<ast::NumberExpr>()) {
        if (n->unit) {
            if (auto u = cx_.parse_units(*n->unit))
                r = Inferred::of(*u);
        } else {
            r = Inferred::of(units::Unit());
            r.literal = true;
            r.zero = n->value == 0;
        }
    } else if (auto* name_expr = e.as<ast::NameExpr>()) {
        r = name(e, *name_expr);
    } else if (auto* u = e.as<ast::UnaryExpr>()) {
        Inferred x = u->operand ? expr(*u->operand) : Inferred::unknown();
        r = u->op == ast::UnaryOp::Not ? Inferred::of(units::Unit()) : x;
    } else if (auto* b = e.as<ast::BinaryExpr>()) {
        r = binary(e, *b);
    } else if (auto* c = e.as<ast::CallExpr>()) {
        r = call(e, *c, /*as_statement=*/false);
    } else if (e.is<ast::StringExpr>()) {
        cx_.diags.error(e.range, "a string can only be an argument of printf");
    }
    if (r.known)
        cx_.out.expr_units.insert_or_assign(&e, r.unit);
    return r;
}

Inferred BodyChecker::name(const ast::Expr& e, const ast::NameExpr& n) {
    if (n.index)
        expr(*n.index);
    SymbolId id = resolve(n.name, e.range, true);
    if (id == kNoSymbol)
        return Inferred::unknown();
    Symbol& s = cx_.sym(id);
    if (!is_event_flag(s))
        cx_.out.name_uses[&e] = id;
    if (s.kind == SymbolKind::Function && function_ && function_->name.name == s.name)
        return Inferred::of(s.result_unit); // a FUNCTION reads its own result variable
    if (s.kind == SymbolKind::Function || s.kind == SymbolKind::Procedure ||
        s.kind == SymbolKind::EquationBlock) {
        cx_.diags.error(e.range, "'" + s.name + "' is a " + kind_name(s.kind) +
                                     (s.kind == SymbolKind::EquationBlock ? "" : "; call it as " +
                                                                                     s.name + "(...)") +
                                     (s.kind == SymbolKind::EquationBlock ? ", not a value" : ""));
        return Inferred::unknown();
    }
    ++s.reads;
    cx_.facts.calls[where_]; // make sure the block is known even when it calls nothing
    if (in_equations_ && (equations_ == ast::EquationKind::Linear ||
                          equations_ == ast::EquationKind::Nonlinear) &&
        s.kind == SymbolKind::State)
        cx_.facts.with_dynamics.insert(id);
    if (s.array_size && !n.index && !s.scope.empty())
        return Inferred::unknown();
    if (!s.units_known)
        return Inferred::unknown();
    if (n.primes > 0) {
        if (s.kind != SymbolKind::State && s.kind != SymbolKind::Gate && s.kind != SymbolKind::Pool) {
            cx_.diags.error(e.range, "'" + s.name + "' is a " + kind_name(s.kind) +
                                         ", not a STATE: only states have derivatives");
            return Inferred::unknown();
        }
        return Inferred::of(s.unit / cx_.time_unit().pow(n.primes));
    }
    return Inferred::of(s.unit);
}

Inferred BodyChecker::binary(const ast::Expr& e, const ast::BinaryExpr& b) {
    using Op = ast::BinaryOp;
    if (b.op == Op::Pow)
        return power(e, b);
    Inferred l = b.lhs ? expr(*b.lhs) : Inferred::unknown();
    Inferred r = b.rhs ? expr(*b.rhs) : Inferred::unknown();
    switch (b.op) {
    case Op::Mul:
    case Op::Div: {
        if (!l.known || !r.known)
            return Inferred::unknown();
        Inferred out = Inferred::of(b.op == Op::Mul ? l.unit * r.unit : l.unit / r.unit);
        out.zero = b.op == Op::Mul ? (l.zero || r.zero) : l.zero;
        out.literal = l.literal && r.literal;
        return out;
    }
    case Op::And:
    case Op::Or: return Inferred::of(units::Unit());
    default: break;
    }
    // Sums, differences and comparisons need the same units on both sides.
    bool comparison = b.op != Op::Add && b.op != Op::Sub;
    if (!l.known || !r.known)
        return comparison ? Inferred::of(units::Unit()) : Inferred::unknown();
    Inferred result = comparison ? Inferred::of(units::Unit()) : (l.zero ? r : l);
    if (l.zero || r.zero) {
        if (!comparison && l.zero && r.zero)
            result.zero = true;
        return result;
    }
    if (!comparison)
        result.literal = l.literal && r.literal;
    if (units::equivalent(l.unit, r.unit))
        return result;
    const char* action = b.op == Op::Add ? "adding" : b.op == Op::Sub ? "subtracting" : "comparing";
    const char* joiner = b.op == Op::Add ? "to" : b.op == Op::Sub ? "from" : "with";
    // Report from the side that looks wrong: a bare number next to a quantity with units.
    if (l.literal && l.unit.is_one())
        require(l, r.unit, b.lhs->range, action, joiner);
    else
        require(r, l.unit, b.rhs->range, action, joiner);
    return comparison ? Inferred::of(units::Unit()) : Inferred::unknown();
}

namespace {

// A small rational p/q with q <= 12 equal to x, if there is one.
std::optional<std::pair<int, int>> as_rational(double x) {
    for (int q = 1; q <= 12; ++q) {
        double p = x * q;
        if (std::fabs(p - std::round(p)) < 1e-9 && std::fabs(p) < 1e6)
            return std::pair{static_cast<int>(std::round(p)), q};
    }
    return std::nullopt;
}

} // namespace

Inferred BodyChecker::power(const ast::Expr& e, const ast::BinaryExpr& b) {
    Inferred base = b.lhs ? expr(*b.lhs) : Inferred::unknown();
    Inferred exponent = b.rhs ? expr(*b.rhs) : Inferred::unknown();
    if (exponent.known && !exponent.unit.is_one()) {
        require(exponent, units::Unit(), b.rhs->range, "raising to a power in", "instead of");
        return Inferred::unknown();
    }
    if (!base.known)
        return Inferred::unknown();
    if (base.unit.is_one())
        return Inferred::of(units::Unit());
    std::optional<double> p = b.rhs ? const_value(*b.rhs, cx_) : std::nullopt;
    if (!p) {
        cx_.unit_problem(e.range, "raising " + describe(base.unit) +
                                      " to a power that is not a constant: the result has no "
                                      "fixed units");
        return Inferred::unknown();
    }
    auto rational = as_rational(*p);
    std::optional<units::Unit> u;
    if (rational)
        u = base.unit.pow(rational->first, rational->second);
    if (!u) {
        cx_.unit_problem(e.range, "cannot raise " + describe(base.unit) + " to the power " +
                                      units::format_factor(*p) + ": the dimensions do not allow it");
        return Inferred::unknown();
    }
    return Inferred::of(*u);
}

} // namespace mech::sema
