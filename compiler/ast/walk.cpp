// The default traversal order of Walker: children in source order.
#include "ast/walk.hpp"

namespace mech::ast {

namespace {
template <class... Ts> struct Overload : Ts... {
    using Ts::operator()...;
};
template <class... Ts> Overload(Ts...) -> Overload<Ts...>;
} // namespace

void Walker::walk(const Module& m) {
    for (const auto& b : m.blocks) walk(b);
}

void Walker::walk(const StmtBlock& b) {
    for (const auto& s : b.stmts)
        if (s) walk(*s);
}

void Walker::walk(const Expr& e) {
    if (!enter(e)) return;
    std::visit(Overload{
                   [&](const NameExpr& n) { walk_opt(n.index); },
                   [&](const UnaryExpr& u) { walk_opt(u.operand); },
                   [&](const BinaryExpr& b) {
                       walk_opt(b.lhs);
                       walk_opt(b.rhs);
                   },
                   [&](const CallExpr& c) {
                       for (const auto& a : c.args) walk_opt(a);
                   },
                   [&](const auto&) {},
               },
               e.node);
    leave(e);
}

void Walker::walk(const Stmt& s) {
    if (!enter(s)) return;
    std::visit(Overload{
                   [&](const AssignStmt& a) {
                       walk_opt(a.lhs);
                       walk_opt(a.rhs);
                   },
                   [&](const ExprStmt& e) { walk_opt(e.expr); },
                   [&](const IfStmt& i) {
                       walk_opt(i.cond);
                       walk(i.then_body);
                       if (i.else_body) walk(*i.else_body);
                   },
                   [&](const WhileStmt& w) {
                       walk_opt(w.cond);
                       walk(w.body);
                   },
                   [&](const FromStmt& f) {
                       walk_opt(f.from);
                       walk_opt(f.to);
                       walk_opt(f.by);
                       walk(f.body);
                   },
                   [&](const ReactionStmt& r) {
                       for (const auto& x : r.lhs) walk_opt(x.species);
                       for (const auto& x : r.rhs) walk_opt(x.species);
                       walk_opt(r.forward);
                       walk_opt(r.backward);
                   },
                   [&](const LinearEqStmt& l) {
                       walk_opt(l.lhs);
                       walk_opt(l.rhs);
                   },
                   [&](const ConserveStmt& c) {
                       walk_opt(c.lhs);
                       walk_opt(c.rhs);
                   },
                   [&](const CompartmentStmt& c) { walk_opt(c.volume); },
                   [&](const TableStmt& t) {
                       walk_opt(t.from);
                       walk_opt(t.to);
                       walk_opt(t.with);
                   },
                   [&](const WatchStmt& w) {
                       for (const auto& i : w.items) {
                           walk_opt(i.cond);
                           walk_opt(i.flag);
                       }
                   },
                   [&](const InitialStmt& i) { walk(i.body); },
                   [&](const BlockStmt& b) { walk(b.body); },
                   [&](const auto&) {},
               },
               s.node);
    leave(s);
}

void Walker::walk(const Block& b) {
    if (!enter(b)) return;
    std::visit(Overload{
                   [&](const DefineBlock& d) { walk_opt(d.value); },
                   [&](const NeuronBlock& n) {
                       for (const auto& s : n.stmts)
                           if (auto* u = std::get_if<UseIonStmt>(&s.node)) walk_opt(u->valence);
                   },
                   [&](const UnitsBlock& u) {
                       for (const auto& i : u.items)
                           if (auto* c = std::get_if<UnitConstant>(&i.node)) walk_opt(c->value);
                   },
                   [&](const DeclBlock& d) {
                       for (const auto& v : d.decls) {
                           walk_opt(v.value);
                           if (v.limits) {
                               walk_opt(v.limits->lo);
                               walk_opt(v.limits->hi);
                           }
                           walk_opt(v.tolerance);
                           walk_opt(v.from);
                           walk_opt(v.to);
                           walk_opt(v.with);
                           walk_opt(v.start);
                       }
                   },
                   [&](const BodyBlock& x) { walk(x.body); },
                   [&](const EquationBlock& x) { walk(x.body); },
                   [&](const FunctionBlock& x) { walk(x.body); },
                   [&](const NetReceiveBlock& x) { walk(x.body); },
                   [&](const ChannelBlock& c) {
                       walk_opt(c.gmax);
                       walk_opt(c.permeability);
                       walk_opt(c.reversal);
                       walk_opt(c.carrier_fraction);
                       for (const auto& g : c.gates) {
                           walk_opt(g.alpha);
                           walk_opt(g.beta);
                           walk_opt(g.inf);
                           walk_opt(g.tau);
                       }
                   },
                   [&](const PoolBlock& p) {
                       walk_opt(p.depth);
                       walk_opt(p.factor);
                       walk_opt(p.tau);
                       walk_opt(p.min);
                   },
                   [&](const auto&) {},
               },
               b.node);
    leave(b);
}

} // namespace mech::ast
