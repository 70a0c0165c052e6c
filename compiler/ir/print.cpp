// Printer for the IR. The format is part of the golden tests: change it only on purpose.
#include "ir/print.hpp"

#include <fmt/format.h>

#include <map>
#include <string>

namespace mech::ir {

namespace {

int precedence(BinaryOp op) {
    switch (op) {
    case BinaryOp::Or: return 1;
    case BinaryOp::And: return 2;
    case BinaryOp::Eq:
    case BinaryOp::Ne: return 3;
    case BinaryOp::Lt:
    case BinaryOp::Le:
    case BinaryOp::Gt:
    case BinaryOp::Ge: return 4;
    case BinaryOp::Add:
    case BinaryOp::Sub: return 5;
    case BinaryOp::Mul:
    case BinaryOp::Div: return 6;
    }
    return 0;
}

const char* spelling(BinaryOp op) {
    switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::Eq: return "==";
    case BinaryOp::Ne: return "!=";
    case BinaryOp::And: return "&&";
    case BinaryOp::Or: return "||";
    }
    return "?";
}

const char* quantity_suffix(IonQuantity q) {
    switch (q) {
    case IonQuantity::Reversal: return "e";
    case IonQuantity::Current: return "i";
    case IonQuantity::Internal: return "in";
    case IonQuantity::External: return "out";
    case IonQuantity::Conductance: return "g";
    }
    return "?";
}

constexpr int kAtom = 8;
constexpr int kUnary = 7;

class Printer {
public:
    Printer(const Mechanism* m, const Kernel* k) : m_(m), k_(k) {
        // Inlining and passes reuse names (two calls of one FUNCTION each get a "%f"): later
        // locals of an already used name print as %name.2, %name.3, ...
        if (!k)
            return;
        std::map<std::string, int> seen;
        for (const auto& name : k->locals) {
            int n = ++seen[name];
            local_names_.push_back(n == 1 ? name : fmt::format("{}.{}", name, n));
        }
    }

    std::string var(const Var& v) const {
        auto named = [](const auto* items, int k, const char* fallback) {
            if (items && k >= 0 && k < static_cast<int>(items->size()))
                return (*items)[k].name;
            return fmt::format("{}{}", fallback, k);
        };
        switch (v.kind) {
        case VarKind::Field: return named(m_ ? &m_->fields : nullptr, v.index, "field");
        case VarKind::Global:
            return "global." + named(m_ ? &m_->globals : nullptr, v.index, "g");
        case VarKind::Ion:
            return fmt::format("ion.{}.{}", named(m_ ? &m_->ions : nullptr, v.index, "ion"),
                               quantity_suffix(v.ion_quantity));
        case VarKind::Voltage: return "v";
        case VarKind::Time: return "t";
        case VarKind::Dt: return "dt";
        case VarKind::Celsius: return "celsius";
        case VarKind::Area: return "area";
        case VarKind::Diam: return "diam";
        case VarKind::Local:
            if (v.index >= 0 && v.index < static_cast<int>(local_names_.size()))
                return "%" + local_names_[v.index];
            return fmt::format("%{}", v.index);
        case VarKind::WeightArg:
            return "arg." + named(m_ ? &m_->net_receive_args : nullptr, v.index, "w");
        case VarKind::Flag: return "flag";
        }
        return "?";
    }

    // Returns the text and the precedence of its outermost operator.
    std::pair<std::string, int> expr(const ExprPtr& e) const {
        if (!e)
            return {"<null>", kAtom};
        if (auto* c = e->as<Constant>())
            return {fmt::format("{}", c->value), c->value < 0 ? kUnary : kAtom};
        if (auto* r = e->as<VarRef>())
            return {var(r->var), kAtom};
        if (auto* u = e->as<Unary>())
            return {fmt::format("{}{}", u->op == UnaryOp::Neg ? '-' : '!',
                                wrapped(u->operand, kUnary + 1)),
                    kUnary};
        if (auto* b = e->as<Binary>()) {
            int p = precedence(b->op);
            // Right operands of equal precedence keep their parentheses: a - (b - c).
            return {fmt::format("{} {} {}", wrapped(b->lhs, p), spelling(b->op),
                                wrapped(b->rhs, p + 1)),
                    p};
        }
        if (auto* c = e->as<Call>()) {
            std::string s{intrinsic_name(c->fn)};
            s += "(";
            for (size_t n = 0; n < c->args.size(); ++n)
                s += (n ? ", " : "") + expr(c->args[n]).first;
            return {s + ")", kAtom};
        }
        auto* s = e->as<Select>();
        return {fmt::format("select({}, {}, {})", expr(s->cond).first, expr(s->if_true).first,
                            expr(s->if_false).first),
                kAtom};
    }

    std::string wrapped(const ExprPtr& e, int min_precedence) const {
        auto [text, p] = expr(e);
        return p < min_precedence ? "(" + text + ")" : text;
    }

    void block(const Block& b, int depth, std::string& out) const {
        for (const auto& s : b)
            stmt(s, depth, out);
    }

    void stmt(const StmtPtr& s, int depth, std::string& out) const {
        std::string pad(2 * depth, ' ');
        auto e = [this](const ExprPtr& x) { return expr(x).first; };
        if (auto* a = s->as<AssignLocal>()) {
            out += fmt::format("{}{} = {}\n", pad, var(Var::local(a->local)), e(a->value));
        } else if (auto* st = s->as<Store>()) {
            out += fmt::format("{}{} {} {}\n", pad, var(st->target), st->accumulate ? "+=" : "=",
                               e(st->value));
        } else if (auto* i = s->as<If>()) {
            out += fmt::format("{}if {} {{\n", pad, e(i->cond));
            block(i->then_body, depth + 1, out);
            if (!i->else_body.empty()) {
                out += pad + "} else {\n";
                block(i->else_body, depth + 1, out);
            }
            out += pad + "}\n";
        } else if (auto* w = s->as<While>()) {
            out += fmt::format("{}while {} {{\n", pad, e(w->cond));
            block(w->body, depth + 1, out);
            out += pad + "}\n";
        } else if (auto* c = s->as<AccumulateCurrent>()) {
            std::string target = c->electrode ? "electrode" : "membrane";
            if (c->ion >= 0)
                target = "ion " + (m_ && c->ion < static_cast<int>(m_->ions.size())
                                       ? m_->ions[c->ion].name
                                       : std::to_string(c->ion));
            out += fmt::format("{}current {} i = {}", pad, target, e(c->current));
            out += c->conductance ? fmt::format(", g = {}\n", e(c->conductance)) : "\n";
        } else if (auto* n = s->as<NetSend>()) {
            out += fmt::format("{}net_send({}, {})\n", pad, e(n->delay), e(n->flag));
        } else if (auto* n = s->as<NetEvent>()) {
            out += fmt::format("{}net_event({})\n", pad, e(n->time));
        } else if (auto* n = s->as<NetMove>()) {
            out += fmt::format("{}net_move({})\n", pad, e(n->time));
        } else if (auto* d = s->as<Derivative>()) {
            out += fmt::format("{}{}' = {}\n", pad, var(Var::field(d->state)), e(d->rhs));
        } else if (auto* c = s->as<Conserve>()) {
            std::string sum;
            for (size_t k = 0; k < c->states.size(); ++k)
                sum += fmt::format("{}{}*{}", k ? " + " : "", wrapped(c->coeffs[k], 6),
                                   var(Var::field(c->states[k])));
            out += fmt::format("{}conserve {} = {}\n", pad, sum, e(c->total));
        } else if (auto* v = s->as<Solve>()) {
            out += fmt::format("{}solve {} {}{} {{\n", pad, v->block,
                               v->steady_state ? "steadystate " : "", solve_method_name(v->method));
            block(v->body, depth + 1, out);
            out += pad + "}\n";
        }
    }

private:
    const Mechanism* m_;
    const Kernel* k_;
    std::vector<std::string> local_names_;
};

const char* kind_name(Kind k) {
    switch (k) {
    case Kind::Density: return "density";
    case Kind::Point: return "point";
    case Kind::Artificial: return "artificial";
    }
    return "?";
}

const char* role_name(FieldRole r) {
    switch (r) {
    case FieldRole::Parameter: return "parameter";
    case FieldRole::State: return "state";
    case FieldRole::Assigned: return "assigned";
    }
    return "?";
}

std::string ion_bits(int bits) {
    std::string s;
    const char* names[] = {"e", "i", "in", "out"};
    for (int b = 0; b < 4; ++b)
        if (bits & (1 << b)) {
            if (!s.empty())
                s += ',';
            s += names[b];
        }
    return s.empty() ? "-" : s;
}

} // namespace

std::string print(const ExprPtr& e, const Mechanism* mechanism, const Kernel* kernel) {
    return Printer(mechanism, kernel).expr(e).first;
}

std::string print(const Mechanism& m) {
    std::string out = fmt::format("mechanism {} {}{}\n", m.name, kind_name(m.kind),
                                  m.has_electrode_current ? " electrode" : "");
    for (const auto& f : m.fields) {
        out += fmt::format("  {} {} \"{}\" = {}", role_name(f.role), f.name, f.units,
                           f.default_value);
        if (f.lower_limit != -HUGE_VAL || f.upper_limit != HUGE_VAL)
            out += fmt::format(" <{}, {}>", f.lower_limit, f.upper_limit);
        out += "\n";
    }
    for (const auto& g : m.globals)
        out += fmt::format("  global {} \"{}\" = {}\n", g.name, g.units, g.default_value);
    for (const auto& i : m.ions)
        out += fmt::format("  ion {} valence {} reads {} writes {}\n", i.name, i.valence,
                           ion_bits(i.reads), ion_bits(i.writes));
    for (const auto& a : m.net_receive_args)
        out += fmt::format("  net_receive_arg {} \"{}\"\n", a.name, a.units);
    for (const auto* k : m.kernels()) {
        if (k->empty())
            continue;
        out += fmt::format("kernel {} {{\n", k->name);
        Printer(&m, k).block(k->body, 1, out);
        out += "}\n";
    }
    return out;
}

} // namespace mech::ir
