// Structural AST equality: same kinds, names, numbers, units and children; locations ignored.
#include "ast/equal.hpp"

namespace mech::ast {

namespace {

// Declared up front so the vector/optional templates below find every overload.
bool eq(const ExprPtr& a, const ExprPtr& b);
bool eq(const Ident& a, const Ident& b);
bool eq(const UnitText& a, const UnitText& b);
bool eq(const StmtPtr& a, const StmtPtr& b);
bool eq(const StmtBlock& a, const StmtBlock& b);
bool eq(const LocalVar& a, const LocalVar& b);
bool eq(const Reactant& a, const Reactant& b);
bool eq(const WatchItem& a, const WatchItem& b);
bool eq(const Param& a, const Param& b);
bool eq(const Limits& a, const Limits& b);
bool eq(const VarDecl& a, const VarDecl& b);
bool eq(const GateDecl& a, const GateDecl& b);
bool eq(const NeuronStmt& x, const NeuronStmt& y);
bool eq(const UnitsItem& x, const UnitsItem& y);

bool eq(const ExprPtr& a, const ExprPtr& b) {
    if (!a || !b) return !a && !b;
    return equal(*a, *b);
}
bool eq(const Ident& a, const Ident& b) { return a.name == b.name; }
bool eq(const UnitText& a, const UnitText& b) { return a.text == b.text; }

template <class T> bool eq(const std::optional<T>& a, const std::optional<T>& b) {
    if (!a || !b) return !a && !b;
    return eq(*a, *b);
}

template <class T> bool eq(const std::vector<T>& a, const std::vector<T>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!eq(a[i], b[i])) return false;
    return true;
}

bool eq(const StmtPtr& a, const StmtPtr& b) {
    if (!a || !b) return !a && !b;
    return equal(*a, *b);
}
bool eq(const StmtBlock& a, const StmtBlock& b) { return eq(a.stmts, b.stmts); }
bool eq(const LocalVar& a, const LocalVar& b) {
    return eq(a.name, b.name) && a.array_size == b.array_size && eq(a.array_size_name, b.array_size_name);
}
bool eq(const Reactant& a, const Reactant& b) { return a.coefficient == b.coefficient && eq(a.species, b.species); }
bool eq(const WatchItem& a, const WatchItem& b) { return eq(a.cond, b.cond) && eq(a.flag, b.flag); }
bool eq(const Param& a, const Param& b) { return eq(a.name, b.name) && eq(a.unit, b.unit); }
bool eq(const Limits& a, const Limits& b) { return eq(a.lo, b.lo) && eq(a.hi, b.hi); }
bool eq(const VarDecl& a, const VarDecl& b) {
    return eq(a.name, b.name) && a.array_size == b.array_size && eq(a.array_size_name, b.array_size_name) &&
           eq(a.value, b.value) && eq(a.unit, b.unit) &&
           eq(a.limits, b.limits) && eq(a.tolerance, b.tolerance) && eq(a.from, b.from) && eq(a.to, b.to) && eq(a.with, b.with) &&
           eq(a.start, b.start);
}
bool eq(const GateDecl& a, const GateDecl& b) {
    return eq(a.name, b.name) && a.power == b.power && eq(a.alpha, b.alpha) && eq(a.beta, b.beta) &&
           eq(a.inf, b.inf) && eq(a.tau, b.tau);
}
bool eq(const NeuronStmt& x, const NeuronStmt& y) {
    if (x.node.index() != y.node.index()) return false;
    if (auto* a = std::get_if<SuffixStmt>(&x.node)) {
        auto* b = std::get_if<SuffixStmt>(&y.node);
        return a->kind == b->kind && eq(a->name, b->name);
    }
    if (auto* a = std::get_if<UseIonStmt>(&x.node)) {
        auto* b = std::get_if<UseIonStmt>(&y.node);
        return eq(a->ion, b->ion) && eq(a->read, b->read) && eq(a->write, b->write) && eq(a->valence, b->valence);
    }
    auto* a = std::get_if<NameListStmt>(&x.node);
    auto* b = std::get_if<NameListStmt>(&y.node);
    return a->kind == b->kind && eq(a->names, b->names);
}
bool eq(const UnitsItem& x, const UnitsItem& y) {
    if (x.node.index() != y.node.index()) return false;
    if (auto* a = std::get_if<UnitAlias>(&x.node)) {
        auto* b = std::get_if<UnitAlias>(&y.node);
        return eq(a->name, b->name) && eq(a->definition, b->definition);
    }
    auto* a = std::get_if<UnitConstant>(&x.node);
    auto* b = std::get_if<UnitConstant>(&y.node);
    return eq(a->name, b->name) && eq(a->value, b->value) && eq(a->unit, b->unit) && eq(a->in_unit, b->in_unit);
}

// Expressions ---------------------------------------------------------------------------------
bool same(const NumberExpr& a, const NumberExpr& b) { return a.value == b.value && eq(a.unit, b.unit); }
bool same(const NameExpr& a, const NameExpr& b) {
    return a.name == b.name && a.primes == b.primes && eq(a.index, b.index);
}
bool same(const StringExpr& a, const StringExpr& b) { return a.value == b.value; }
bool same(const UnaryExpr& a, const UnaryExpr& b) { return a.op == b.op && eq(a.operand, b.operand); }
bool same(const BinaryExpr& a, const BinaryExpr& b) { return a.op == b.op && eq(a.lhs, b.lhs) && eq(a.rhs, b.rhs); }
bool same(const CallExpr& a, const CallExpr& b) { return eq(a.callee, b.callee) && eq(a.args, b.args); }
bool same(const ErrorExpr&, const ErrorExpr&) { return true; }

// Statements ----------------------------------------------------------------------------------
bool same(const LocalStmt& a, const LocalStmt& b) { return eq(a.vars, b.vars); }
bool same(const AssignStmt& a, const AssignStmt& b) {
    return a.protect == b.protect && eq(a.lhs, b.lhs) && eq(a.rhs, b.rhs);
}
bool same(const ExprStmt& a, const ExprStmt& b) { return eq(a.expr, b.expr); }
bool same(const IfStmt& a, const IfStmt& b) {
    return eq(a.cond, b.cond) && eq(a.then_body, b.then_body) && eq(a.else_body, b.else_body);
}
bool same(const WhileStmt& a, const WhileStmt& b) { return eq(a.cond, b.cond) && eq(a.body, b.body); }
bool same(const FromStmt& a, const FromStmt& b) {
    return eq(a.var, b.var) && eq(a.from, b.from) && eq(a.to, b.to) && eq(a.by, b.by) && eq(a.body, b.body);
}
bool same(const SolveStmt& a, const SolveStmt& b) {
    return eq(a.block, b.block) && a.kind == b.kind && eq(a.method, b.method);
}
bool same(const ReactionStmt& a, const ReactionStmt& b) {
    return a.kind == b.kind && eq(a.lhs, b.lhs) && eq(a.rhs, b.rhs) && eq(a.forward, b.forward) &&
           eq(a.backward, b.backward);
}
bool same(const LinearEqStmt& a, const LinearEqStmt& b) { return eq(a.lhs, b.lhs) && eq(a.rhs, b.rhs); }
bool same(const ConserveStmt& a, const ConserveStmt& b) { return eq(a.lhs, b.lhs) && eq(a.rhs, b.rhs); }
bool same(const CompartmentStmt& a, const CompartmentStmt& b) {
    return eq(a.index, b.index) && eq(a.volume, b.volume) && eq(a.species, b.species);
}
bool same(const TableStmt& a, const TableStmt& b) {
    return eq(a.names, b.names) && eq(a.depend, b.depend) && eq(a.from, b.from) && eq(a.to, b.to) &&
           eq(a.with, b.with);
}
bool same(const WatchStmt& a, const WatchStmt& b) { return eq(a.items, b.items); }
bool same(const UnitsToggleStmt& a, const UnitsToggleStmt& b) { return a.on == b.on; }
bool same(const InitialStmt& a, const InitialStmt& b) { return eq(a.body, b.body); }
bool same(const BlockStmt& a, const BlockStmt& b) { return eq(a.body, b.body); }

// Blocks --------------------------------------------------------------------------------------
bool same(const TitleBlock& a, const TitleBlock& b) { return a.text == b.text; }
bool same(const DefineBlock& a, const DefineBlock& b) { return eq(a.name, b.name) && eq(a.value, b.value); }
bool same(const NeuronBlock& a, const NeuronBlock& b) { return eq(a.stmts, b.stmts); }
bool same(const UnitsBlock& a, const UnitsBlock& b) { return eq(a.items, b.items); }
bool same(const DeclBlock& a, const DeclBlock& b) { return a.kind == b.kind && eq(a.decls, b.decls); }
bool same(const BodyBlock& a, const BodyBlock& b) {
    return a.kind == b.kind && eq(a.when, b.when) && eq(a.body, b.body);
}
bool same(const EquationBlock& a, const EquationBlock& b) {
    return a.kind == b.kind && eq(a.name, b.name) && eq(a.body, b.body);
}
bool same(const FunctionBlock& a, const FunctionBlock& b) {
    return a.is_procedure == b.is_procedure && eq(a.name, b.name) && eq(a.params, b.params) &&
           eq(a.result_unit, b.result_unit) && eq(a.body, b.body);
}
bool same(const FunctionTableBlock& a, const FunctionTableBlock& b) {
    return eq(a.name, b.name) && eq(a.params, b.params) && eq(a.result_unit, b.result_unit);
}
bool same(const NetReceiveBlock& a, const NetReceiveBlock& b) { return eq(a.params, b.params) && eq(a.body, b.body); }
bool same(const UnitsToggleBlock& a, const UnitsToggleBlock& b) { return a.on == b.on; }
bool same(const ChannelBlock& a, const ChannelBlock& b) {
    return eq(a.name, b.name) && eq(a.ion, b.ion) && eq(a.nonspecific, b.nonspecific) && eq(a.gmax, b.gmax) &&
           eq(a.permeability, b.permeability) && eq(a.reversal, b.reversal) && eq(a.carrier_ion, b.carrier_ion) &&
           eq(a.carrier_fraction, b.carrier_fraction) && eq(a.gates, b.gates);
}
bool same(const PoolBlock& a, const PoolBlock& b) {
    return eq(a.species, b.species) && eq(a.current, b.current) && eq(a.depth, b.depth) && eq(a.factor, b.factor) &&
           eq(a.tau, b.tau) && eq(a.min, b.min);
}

template <class Variant> bool same_variant(const Variant& a, const Variant& b) {
    if (a.index() != b.index()) return false;
    return std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            return same(x, std::get<T>(b));
        },
        a);
}

} // namespace

bool equal(const Expr& a, const Expr& b) { return same_variant(a.node, b.node); }
bool equal(const Stmt& a, const Stmt& b) { return same_variant(a.node, b.node); }
bool equal(const Block& a, const Block& b) { return same_variant(a.node, b.node); }

bool equal(const Module& a, const Module& b) {
    if (a.blocks.size() != b.blocks.size()) return false;
    for (std::size_t i = 0; i < a.blocks.size(); ++i)
        if (!equal(a.blocks[i], b.blocks[i])) return false;
    return true;
}

} // namespace mech::ast
