// Calls: user FUNCTIONs and PROCEDUREs (arity, argument units, result units) and the
// built-in functions (exp needs a dimensionless argument, nernst gives mV, ...).
#include <cmath>

#include "sema/body_checker.hpp"

namespace mech::sema {

namespace {

enum class Form {
    Dimensionless, // exp, log, sin ...: dimensionless in, dimensionless out
    SameAsArg,     // fabs, floor, ceil
    Sqrt,
    Pow,
    SameUnits,     // min, max, fmin, fmax: all arguments alike; result the same
    Atan2,         // atan2(y, x): y and x alike; dimensionless
    Fmod,          // fmod(a, b): alike; units of a
    RateForm,      // exp_rate / sigmoid_rate / linoid_rate (r, vh, k)
    Nernst,        // nernst(ci, co, z) -> mV
    Ghk,           // ghk(v, ci, co, z) -> mA/cm2 per cm/s
    NetSend,       // net_send(delay, flag)
    EventTime,     // net_event(t), net_move(t)
    AnyToNumber,   // random numbers, at_time ...: any arguments, dimensionless result
    Printf,        // statement only, any arguments
};

struct Builtin {
    const char* name;
    int min_args;
    int max_args; // -1: any number
    Form form;
    bool statement_only = false;
};

constexpr Builtin kBuiltins[] = {
    {"exp", 1, 1, Form::Dimensionless},   {"log", 1, 1, Form::Dimensionless},
    {"log10", 1, 1, Form::Dimensionless}, {"sin", 1, 1, Form::Dimensionless},
    {"cos", 1, 1, Form::Dimensionless},   {"tan", 1, 1, Form::Dimensionless},
    {"atan", 1, 1, Form::Dimensionless},  {"asin", 1, 1, Form::Dimensionless},
    {"acos", 1, 1, Form::Dimensionless},  {"sinh", 1, 1, Form::Dimensionless},
    {"cosh", 1, 1, Form::Dimensionless},  {"tanh", 1, 1, Form::Dimensionless},
    {"expm1", 1, 1, Form::Dimensionless}, {"exprelr", 1, 1, Form::Dimensionless},
    {"fabs", 1, 1, Form::SameAsArg},      {"floor", 1, 1, Form::SameAsArg},
    {"ceil", 1, 1, Form::SameAsArg},      {"sqrt", 1, 1, Form::Sqrt},
    {"pow", 2, 2, Form::Pow},             {"min", 2, 2, Form::SameUnits},
    {"max", 2, 2, Form::SameUnits},       {"fmin", 2, 2, Form::SameUnits},
    {"fmax", 2, 2, Form::SameUnits},      {"atan2", 2, 2, Form::Atan2},
    {"fmod", 2, 2, Form::Fmod},           {"exp_rate", 3, 3, Form::RateForm},
    {"sigmoid_rate", 3, 3, Form::RateForm}, {"linoid_rate", 3, 3, Form::RateForm},
    {"nernst", 3, 3, Form::Nernst},       {"ghk", 4, 4, Form::Ghk},
    {"net_send", 2, 2, Form::NetSend, true}, {"net_event", 1, 1, Form::EventTime, true},
    {"net_move", 1, 1, Form::EventTime, true}, {"printf", 1, -1, Form::Printf, true},
    {"scop_random", 0, 0, Form::AnyToNumber}, {"unirand", 0, 0, Form::AnyToNumber},
    {"normrand", 2, 2, Form::AnyToNumber}, {"exprand", 1, 1, Form::AnyToNumber},
    {"poisrand", 1, 1, Form::AnyToNumber}, {"at_time", 1, 1, Form::AnyToNumber},
};

const Builtin* find_builtin(std::string_view name) {
    for (const Builtin& b : kBuiltins)
        if (name == b.name)
            return &b;
    return nullptr;
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

} // namespace

Inferred BodyChecker::call(const ast::Expr& e, const ast::CallExpr& c, bool as_statement) {
    // A file's own FUNCTION wins over a built-in of the same name (old files define ghk).
    SymbolId id = kNoSymbol;
    for (auto it = scopes_.rbegin(); it != scopes_.rend() && id == kNoSymbol; ++it)
        if (auto f = it->find(c.callee.name); f != it->end())
            id = f->second;
    if (id == kNoSymbol)
        id = cx_.lookup(c.callee.name);
    if (id != kNoSymbol) {
        const Symbol& s = cx_.sym(id);
        if (s.kind == SymbolKind::Function || s.kind == SymbolKind::Procedure)
            return user_call(e, c, id, as_statement);
        if (!find_builtin(c.callee.name)) {
            cx_.diags.error(c.callee.range, "'" + s.name + "' is a " + kind_name(s.kind) +
                                                ", not a function");
            for (const ast::ExprPtr& a : c.args)
                if (a)
                    expr(*a);
            return Inferred::unknown();
        }
    }
    if (find_builtin(c.callee.name))
        return builtin_call(e, c, as_statement);
    std::vector<std::string> candidates;
    for (const Builtin& b : kBuiltins)
        candidates.emplace_back(b.name);
    for (const Symbol& s : cx_.out.symbols)
        if (s.kind == SymbolKind::Function || s.kind == SymbolKind::Procedure)
            candidates.push_back(s.name);
    std::string msg = "'" + c.callee.name + "' is not a known FUNCTION or PROCEDURE";
    std::string hint = closest(c.callee.name, candidates);
    if (!hint.empty())
        msg += "; did you mean '" + hint + "'?";
    cx_.diags.error(c.callee.range, msg);
    for (const ast::ExprPtr& a : c.args)
        if (a)
            expr(*a);
    return Inferred::unknown();
}

Inferred BodyChecker::user_call(const ast::Expr& e, const ast::CallExpr& c, SymbolId callee,
                                bool as_statement) {
    cx_.out.name_uses[&e] = callee;
    cx_.out.ident_uses[&c.callee] = callee;
    cx_.facts.calls[where_].insert(c.callee.name);
    const Symbol& s = cx_.sym(callee);
    std::vector<Inferred> args;
    for (const ast::ExprPtr& a : c.args)
        args.push_back(a ? expr(*a) : Inferred::unknown());
    ++cx_.sym(callee).reads;
    if (s.kind == SymbolKind::Procedure && !as_statement) {
        cx_.diags.error(c.callee.range, "PROCEDURE '" + s.name +
                                            "' has no value; call it as a statement, or make it a "
                                            "FUNCTION");
        return Inferred::unknown();
    }
    if (s.kind == SymbolKind::Function && as_statement && !s.is_table) {
        std::string msg = "the value of FUNCTION '" + s.name + "' is discarded";
        if (cx_.strict())
            cx_.diags.error(c.callee.range, msg + "; make it a PROCEDURE or use its value");
        else
            cx_.diags.warning(c.callee.range, msg);
    }
    if (c.args.size() != s.param_units.size()) {
        cx_.diags.error(e.range, "'" + s.name + "' takes " + plural(s.param_units.size(), "argument") +
                                     " but " + std::to_string(c.args.size()) +
                                     (c.args.size() == 1 ? " was" : " were") + " given");
        if (s.decl.valid())
            cx_.diags.note(s.decl, "'" + s.name + "' is declared here");
        return s.kind == SymbolKind::Function ? Inferred::of(s.result_unit) : Inferred::unknown();
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (!s.param_has_unit[i] && !cx_.strict())
            continue; // an NMODL argument without units takes anything
        require(args[i], s.param_units[i], c.args[i]->range,
                "passing", ("as argument " + std::to_string(i + 1) + " of '" + s.name + "', which is in").c_str());
    }
    if (s.kind == SymbolKind::Procedure)
        return Inferred::unknown();
    return Inferred::of(s.result_unit);
}

Inferred BodyChecker::builtin_call(const ast::Expr& e, const ast::CallExpr& c, bool as_statement) {
    const Builtin& b = *find_builtin(c.callee.name);
    std::vector<Inferred> a;
    for (const ast::ExprPtr& arg : c.args) {
        if (arg && arg->is<ast::StringExpr>() && b.form == Form::Printf) {
            a.push_back(Inferred::unknown());
            continue;
        }
        a.push_back(arg ? expr(*arg) : Inferred::unknown());
    }
    int n = static_cast<int>(c.args.size());
    if (n < b.min_args || (b.max_args >= 0 && n > b.max_args)) {
        std::string want = b.min_args == b.max_args ? plural(b.min_args, "argument")
                           : b.max_args < 0 ? "at least " + plural(b.min_args, "argument")
                                            : std::to_string(b.min_args) + " to " +
                                                  plural(b.max_args, "argument");
        cx_.diags.error(e.range, "'" + std::string(b.name) + "' takes " + want + " but " +
                                     std::to_string(n) + (n == 1 ? " was" : " were") + " given");
        return Inferred::unknown();
    }
    if (b.statement_only && !as_statement) {
        cx_.diags.error(c.callee.range, "'" + std::string(b.name) + "' has no value; call it as a statement");
        return Inferred::unknown();
    }
    auto arg_range = [&](int i) { return c.args[i]->range; };
    std::string fname = b.name;
    auto need = [&](int i, const units::Unit& u, std::string what) {
        return require(a[i], u, arg_range(i), "passing", what.c_str());
    };
    const units::Unit one;
    const units::Unit mv = cx_.unit_of("mV").named("mV");
    switch (b.form) {
    case Form::Dimensionless:
        if (a[0].known && !a[0].unit.is_one() && !a[0].zero) {
            std::string msg = "the argument of '" + fname + "' must be dimensionless, but it is " +
                              describe(a[0].unit);
            if (a[0].unit.dimensionless())
                msg += " (a factor of " + units::format_factor(a[0].unit.scale()) + ")";
            cx_.unit_problem(arg_range(0), msg);
        }
        return Inferred::of(one);
    case Form::SameAsArg: return a[0];
    case Form::Sqrt: {
        if (!a[0].known)
            return Inferred::unknown();
        auto r = a[0].unit.pow(1, 2);
        if (!r) {
            cx_.unit_problem(arg_range(0), "cannot take the square root of " + describe(a[0].unit));
            return Inferred::unknown();
        }
        return Inferred::of(*r);
    }
    case Form::Pow: {
        if (a[1].known && !a[1].unit.is_one())
            need(1, one, "as the exponent of 'pow' instead of");
        if (!a[0].known)
            return Inferred::unknown();
        if (a[0].unit.is_one())
            return Inferred::of(one);
        auto p = const_value(*c.args[1], cx_);
        std::optional<units::Unit> r;
        for (int q = 1; p && q <= 12 && !r; ++q) {
            double num = *p * q;
            if (std::abs(num - static_cast<double>(static_cast<long long>(num))) < 1e-9)
                r = a[0].unit.pow(static_cast<int>(num), q);
        }
        if (!r) {
            cx_.unit_problem(e.range, "cannot raise " + describe(a[0].unit) +
                                          " to that power: the result has no fixed units");
            return Inferred::unknown();
        }
        return Inferred::of(*r);
    }
    case Form::SameUnits:
    case Form::Fmod:
        if (a[0].known && a[1].known)
            need(1, a[0].unit, "to '" + fname + "' next to");
        if (a[0].zero)
            return a[1];
        return a[0];
    case Form::Atan2:
        if (a[0].known && a[1].known)
            need(1, a[0].unit, "to 'atan2' next to");
        return Inferred::of(one);
    case Form::RateForm:
        need(1, mv, "as the half-activation voltage of '" + fname + "', which is in");
        if (a[1].known && !a[1].zero)
            need(2, a[1].unit, "as the slope of '" + fname + "', which must match");
        else
            need(2, mv, "as the slope of '" + fname + "', which is in");
        return a[0];
    case Form::Nernst:
        if (a[0].known && a[1].known)
            need(1, a[0].unit, "as the outside concentration of 'nernst' next to");
        need(2, one, "as the valence of 'nernst' instead of");
        return Inferred::of(mv);
    case Form::Ghk:
        need(0, mv, "as the voltage of 'ghk', which is in");
        if (a[1].known && a[2].known)
            need(2, a[1].unit, "as the outside concentration of 'ghk' next to");
        need(3, one, "as the valence of 'ghk' instead of");
        return Inferred::of(cx_.unit_of("mA/cm2") / cx_.unit_of("cm/s"));
    case Form::NetSend:
        need(0, cx_.time_unit(), "as the delay of 'net_send', which is in");
        return Inferred::unknown();
    case Form::EventTime:
        need(0, cx_.time_unit(), ("as the time of '" + fname + "', which is in").c_str());
        return Inferred::unknown();
    case Form::AnyToNumber: return Inferred::of(one);
    case Form::Printf: return Inferred::unknown();
    }
    return Inferred::unknown();
}

} // namespace mech::sema
