// Canonical source printing: four-space indents, minimal parentheses, one item per line.
#include "ast/print.hpp"

#include <fmt/format.h>

namespace mech::ast {

namespace {

template <class... Ts> struct Overload : Ts... {
    using Ts::operator()...;
};
template <class... Ts> Overload(Ts...) -> Overload<Ts...>;

// Binding strength, loosest first; matches the grammar's expression levels.
enum Prec { POr = 1, PAnd, PEq, PRel, PAdd, PMul, PUnary, PPow, PPrimary };

int precedence(BinaryOp op) {
    switch (op) {
    case BinaryOp::Or: return POr;
    case BinaryOp::And: return PAnd;
    case BinaryOp::Eq:
    case BinaryOp::Ne: return PEq;
    case BinaryOp::Lt:
    case BinaryOp::Le:
    case BinaryOp::Gt:
    case BinaryOp::Ge: return PRel;
    case BinaryOp::Add:
    case BinaryOp::Sub: return PAdd;
    case BinaryOp::Mul:
    case BinaryOp::Div: return PMul;
    case BinaryOp::Pow: return PPow;
    }
    return PPrimary;
}

int precedence(const Expr& e) {
    if (auto* b = e.as<BinaryExpr>()) return precedence(b->op);
    if (e.is<UnaryExpr>()) return PUnary;
    if (auto* n = e.as<NumberExpr>(); n && !n->text.empty() && n->text[0] == '-') return PUnary;
    return PPrimary;
}

std::string unit_suffix(const std::optional<UnitText>& u) { return u ? " (" + u->text + ")" : ""; }

std::string expr_or_error(const ExprPtr& e) { return e ? print(*e) : std::string("<error>"); }

// Prints `e`, parenthesised when it binds more loosely than `min_prec`.
std::string sub(const ExprPtr& e, int min_prec) {
    if (!e) return "<error>";
    std::string s = print(*e);
    return precedence(*e) < min_prec ? "(" + s + ")" : s;
}

std::string join_idents(const std::vector<Ident>& names, const char* sep = ", ") {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? sep : "") + names[i].name;
    return out;
}

std::string join_params(const std::vector<Param>& params) {
    std::string out;
    for (std::size_t i = 0; i < params.size(); ++i) out += (i ? ", " : "") + params[i].name.name + unit_suffix(params[i].unit);
    return out;
}

std::string pad(int indent) { return std::string(static_cast<std::size_t>(indent) * 4, ' '); }

std::string print_body(const StmtBlock& b, int indent) {
    std::string out = "{\n";
    for (const auto& s : b.stmts)
        if (s) out += pad(indent + 1) + print(*s, indent + 1) + "\n";
    return out + pad(indent) + "}";
}

std::string print_reactants(const std::vector<Reactant>& rs) {
    std::string out;
    for (std::size_t i = 0; i < rs.size(); ++i) {
        if (i) out += " + ";
        if (rs[i].coefficient != 1) out += fmt::format("{} ", rs[i].coefficient);
        out += expr_or_error(rs[i].species);
    }
    return out;
}

std::string print_decl(const VarDecl& d) {
    std::string out = d.name.name;
    if (d.array_size) out += fmt::format("[{}]", *d.array_size);
    if (d.array_size_name) out += "[" + d.array_size_name->name + "]";
    if (d.value) out += " = " + print(*d.value);
    out += unit_suffix(d.unit);
    if (d.from) out += " FROM " + print(*d.from) + " TO " + expr_or_error(d.to);
    if (d.with) out += " WITH " + print(*d.with);
    if (d.limits) out += " <" + expr_or_error(d.limits->lo) + ", " + expr_or_error(d.limits->hi) + ">";
    if (d.tolerance) out += " <" + print(*d.tolerance) + ">";
    if (d.start) out += " START " + print(*d.start);
    return out;
}

const char* decl_keyword(DeclKind k) {
    switch (k) {
    case DeclKind::Parameter: return "PARAMETER";
    case DeclKind::Constant: return "CONSTANT";
    case DeclKind::State: return "STATE";
    case DeclKind::Assigned: return "ASSIGNED";
    case DeclKind::Independent: return "INDEPENDENT";
    case DeclKind::Local: return "LOCAL";
    }
    return "?";
}

const char* body_keyword(BodyKind k) {
    switch (k) {
    case BodyKind::Initial: return "INITIAL";
    case BodyKind::Breakpoint: return "BREAKPOINT";
    case BodyKind::Constructor: return "CONSTRUCTOR";
    case BodyKind::Destructor: return "DESTRUCTOR";
    case BodyKind::Before: return "BEFORE";
    case BodyKind::After: return "AFTER";
    }
    return "?";
}

const char* equation_keyword(EquationKind k) {
    switch (k) {
    case EquationKind::Derivative: return "DERIVATIVE";
    case EquationKind::Kinetic: return "KINETIC";
    case EquationKind::Linear: return "LINEAR";
    case EquationKind::Nonlinear: return "NONLINEAR";
    }
    return "?";
}

const char* name_list_keyword(NameListKind k) {
    switch (k) {
    case NameListKind::Range: return "RANGE";
    case NameListKind::Global: return "GLOBAL";
    case NameListKind::Pointer: return "POINTER";
    case NameListKind::BbcorePointer: return "BBCOREPOINTER";
    case NameListKind::Nonspecific: return "NONSPECIFIC_CURRENT";
    case NameListKind::Electrode: return "ELECTRODE_CURRENT";
    case NameListKind::External: return "EXTERNAL";
    case NameListKind::Threadsafe: return "THREADSAFE";
    }
    return "?";
}

std::string print_neuron_stmt(const NeuronStmt& s) {
    return std::visit(Overload{
                          [](const SuffixStmt& x) {
                              const char* kw = x.kind == MechanismKind::Density        ? "SUFFIX"
                                               : x.kind == MechanismKind::PointProcess ? "POINT_PROCESS"
                                                                                       : "ARTIFICIAL_CELL";
                              return std::string(kw) + " " + x.name.name;
                          },
                          [](const UseIonStmt& x) {
                              std::string out = "USEION " + x.ion.name;
                              if (!x.read.empty()) out += " READ " + join_idents(x.read);
                              if (!x.write.empty()) out += " WRITE " + join_idents(x.write);
                              if (x.valence) out += " VALENCE " + print(*x.valence);
                              return out;
                          },
                          [](const NameListStmt& x) {
                              std::string out = name_list_keyword(x.kind);
                              if (!x.names.empty()) out += " " + join_idents(x.names);
                              return out;
                          },
                      },
                      s.node);
}

std::string print_gate(const GateDecl& g) {
    std::string out = "    GATE " + g.name.name;
    if (g.power) out += fmt::format(" POWER {}", *g.power);
    out += " {\n";
    auto item = [&](const char* kw, const ExprPtr& e) {
        if (e) out += fmt::format("        {} = {}\n", kw, print(*e));
    };
    item("ALPHA", g.alpha);
    item("BETA", g.beta);
    item("INF", g.inf);
    item("TAU", g.tau);
    return out + "    }\n";
}

std::string print_channel(const ChannelBlock& c) {
    std::string out = "CHANNEL " + c.name.name + " {\n";
    if (c.ion) out += "    ION " + c.ion->name + "\n";
    if (c.nonspecific) out += "    NONSPECIFIC " + c.nonspecific->name + "\n";
    if (c.carrier_ion) {
        out += "    CARRIER " + c.carrier_ion->name;
        if (c.carrier_fraction) out += " FRACTION " + print(*c.carrier_fraction);
        out += "\n";
    }
    if (c.gmax) out += "    GMAX " + print(*c.gmax) + "\n";
    if (c.permeability) out += "    PERMEABILITY " + print(*c.permeability) + "\n";
    if (c.reversal) out += "    REVERSAL " + print(*c.reversal) + "\n";
    for (const auto& g : c.gates) out += print_gate(g);
    return out + "}";
}

std::string print_pool(const PoolBlock& p) {
    std::string out = "POOL " + p.species.name + " {\n";
    if (p.current) out += "    CURRENT " + p.current->name + "\n";
    auto item = [&](const char* kw, const ExprPtr& e) {
        if (e) out += fmt::format("    {} = {}\n", kw, print(*e));
    };
    item("DEPTH", p.depth);
    item("FACTOR", p.factor);
    item("TAU", p.tau);
    item("MIN", p.min);
    return out + "}";
}

} // namespace

std::string print(const Expr& e) {
    return std::visit(Overload{
                          [](const NumberExpr& n) { return n.text + unit_suffix(n.unit); },
                          [](const NameExpr& n) {
                              std::string out = n.name + std::string(static_cast<std::size_t>(n.primes), '\'');
                              if (n.index) out += "[" + print(*n.index) + "]";
                              return out;
                          },
                          [](const StringExpr& s) { return "\"" + s.value + "\""; },
                          [](const UnaryExpr& u) { return std::string(spelling(u.op)) + sub(u.operand, PUnary); },
                          [](const BinaryExpr& b) {
                              int p = precedence(b.op);
                              if (b.op == BinaryOp::Pow) // right-associative; its exponent may carry a sign
                                  return sub(b.lhs, PPrimary) + "^" + sub(b.rhs, PUnary);
                              return sub(b.lhs, p) + " " + spelling(b.op) + " " + sub(b.rhs, p + 1);
                          },
                          [](const CallExpr& c) {
                              std::string out = c.callee.name + "(";
                              for (std::size_t i = 0; i < c.args.size(); ++i) out += (i ? ", " : "") + expr_or_error(c.args[i]);
                              return out + ")";
                          },
                          [](const ErrorExpr&) { return std::string("<error>"); },
                      },
                      e.node);
}

std::string print(const Stmt& s, int indent) {
    return std::visit(
        Overload{
            [](const LocalStmt& l) {
                std::string out = "LOCAL ";
                for (std::size_t i = 0; i < l.vars.size(); ++i) {
                    out += (i ? ", " : "") + l.vars[i].name.name;
                    if (l.vars[i].array_size) out += fmt::format("[{}]", *l.vars[i].array_size);
                    if (l.vars[i].array_size_name) out += "[" + l.vars[i].array_size_name->name + "]";
                }
                return out;
            },
            [](const AssignStmt& a) {
                return (a.protect ? "PROTECT " : "") + expr_or_error(a.lhs) + " = " + expr_or_error(a.rhs);
            },
            [](const ExprStmt& e) { return expr_or_error(e.expr); },
            [&](const IfStmt& i) {
                std::string out = "IF (" + expr_or_error(i.cond) + ") " + print_body(i.then_body, indent);
                if (i.else_body) {
                    const auto& stmts = i.else_body->stmts;
                    if (stmts.size() == 1 && stmts[0] && stmts[0]->is<IfStmt>())
                        out += " ELSE " + print(*stmts[0], indent);
                    else
                        out += " ELSE " + print_body(*i.else_body, indent);
                }
                return out;
            },
            [&](const WhileStmt& w) { return "WHILE (" + expr_or_error(w.cond) + ") " + print_body(w.body, indent); },
            [&](const FromStmt& f) {
                std::string out = "FROM " + f.var.name + " = " + expr_or_error(f.from) + " TO " + expr_or_error(f.to);
                if (f.by) out += " BY " + print(*f.by);
                return out + " " + print_body(f.body, indent);
            },
            [](const SolveStmt& s) {
                std::string out = "SOLVE " + s.block.name;
                if (s.kind == SolveKind::Method) out += " METHOD " + (s.method ? s.method->name : "");
                if (s.kind == SolveKind::SteadyState) out += " STEADYSTATE " + (s.method ? s.method->name : "");
                return out;
            },
            [](const ReactionStmt& r) {
                std::string out = "~ " + print_reactants(r.lhs);
                switch (r.kind) {
                case ReactionKind::Reversible:
                    return out + " <-> " + print_reactants(r.rhs) + " (" + expr_or_error(r.forward) + ", " +
                           expr_or_error(r.backward) + ")";
                case ReactionKind::Flux: return out + " << (" + expr_or_error(r.forward) + ")";
                case ReactionKind::Decay: return out + " -> (" + expr_or_error(r.forward) + ")";
                }
                return out;
            },
            [](const LinearEqStmt& l) { return "~ " + expr_or_error(l.lhs) + " = " + expr_or_error(l.rhs); },
            [](const ConserveStmt& c) { return "CONSERVE " + expr_or_error(c.lhs) + " = " + expr_or_error(c.rhs); },
            [](const CompartmentStmt& c) {
                std::string out = "COMPARTMENT ";
                if (c.index) out += c.index->name + ", ";
                return out + expr_or_error(c.volume) + " { " + join_idents(c.species, " ") + " }";
            },
            [](const TableStmt& t) {
                std::string out = "TABLE";
                if (!t.names.empty()) out += " " + join_idents(t.names);
                if (!t.depend.empty()) out += " DEPEND " + join_idents(t.depend);
                return out + " FROM " + expr_or_error(t.from) + " TO " + expr_or_error(t.to) + " WITH " +
                       expr_or_error(t.with);
            },
            [](const WatchStmt& w) {
                std::string out = "WATCH ";
                for (std::size_t i = 0; i < w.items.size(); ++i)
                    out += (i ? ", (" : "(") + expr_or_error(w.items[i].cond) + ") " + expr_or_error(w.items[i].flag);
                return out;
            },
            [](const UnitsToggleStmt& u) { return std::string(u.on ? "UNITSON" : "UNITSOFF"); },
            [&](const InitialStmt& i) { return "INITIAL " + print_body(i.body, indent); },
            [&](const BlockStmt& b) { return print_body(b.body, indent); },
        },
        s.node);
}

std::string print(const Block& b) {
    return std::visit(
        Overload{
            [](const TitleBlock& t) { return "TITLE " + t.text; },
            [](const DefineBlock& d) { return "DEFINE " + d.name.name + " " + expr_or_error(d.value); },
            [](const NeuronBlock& n) {
                std::string out = "NEURON {\n";
                for (const auto& s : n.stmts) out += "    " + print_neuron_stmt(s) + "\n";
                return out + "}";
            },
            [](const UnitsBlock& u) {
                std::string out = "UNITS {\n";
                for (const auto& item : u.items) {
                    if (auto* a = std::get_if<UnitAlias>(&item.node)) {
                        out += "    (" + a->name.text + ") = (" + a->definition.text + ")\n";
                    } else if (auto* c = std::get_if<UnitConstant>(&item.node)) {
                        out += "    " + c->name.name + " =";
                        if (c->value) out += " " + print(*c->value);
                        out += unit_suffix(c->unit) + unit_suffix(c->in_unit) + "\n";
                    }
                }
                return out + "}";
            },
            [](const DeclBlock& d) {
                if (d.kind == DeclKind::Local) { // NMODL writes these as a plain list
                    std::string out = "LOCAL ";
                    for (std::size_t i = 0; i < d.decls.size(); ++i) out += (i ? ", " : "") + print_decl(d.decls[i]);
                    return out;
                }
                std::string out = std::string(decl_keyword(d.kind)) + " {\n";
                for (const auto& v : d.decls) out += "    " + print_decl(v) + "\n";
                return out + "}";
            },
            [](const BodyBlock& x) {
                std::string out = body_keyword(x.kind);
                if (x.when) out += " " + x.when->name;
                return out + " " + print_body(x.body, 0);
            },
            [](const EquationBlock& x) {
                return std::string(equation_keyword(x.kind)) + " " + x.name.name + " " + print_body(x.body, 0);
            },
            [](const FunctionBlock& f) {
                return std::string(f.is_procedure ? "PROCEDURE " : "FUNCTION ") + f.name.name + "(" +
                       join_params(f.params) + ")" + unit_suffix(f.result_unit) + " " + print_body(f.body, 0);
            },
            [](const FunctionTableBlock& f) {
                return "FUNCTION_TABLE " + f.name.name + "(" + join_params(f.params) + ")" + unit_suffix(f.result_unit);
            },
            [](const NetReceiveBlock& n) { return "NET_RECEIVE(" + join_params(n.params) + ") " + print_body(n.body, 0); },
            [](const UnitsToggleBlock& u) { return std::string(u.on ? "UNITSON" : "UNITSOFF"); },
            [](const ChannelBlock& c) { return print_channel(c); },
            [](const PoolBlock& p) { return print_pool(p); },
        },
        b.node);
}

std::string print(const Module& m) {
    std::string out;
    for (std::size_t i = 0; i < m.blocks.size(); ++i) {
        if (i) out += "\n";
        out += print(m.blocks[i]) + "\n";
    }
    return out;
}

} // namespace mech::ast
