// Statement nodes of the AST (bodies of INITIAL, BREAKPOINT, DERIVATIVE, KINETIC, FUNCTION, ...).
#pragma once

#include "ast/expr.hpp"

namespace mech::ast {

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;

// `{ ... }`: a statement list with the range of its braces.
struct StmtBlock {
    std::vector<StmtPtr> stmts;
    SourceRange range;
};

struct LocalVar {
    Ident name;
    std::optional<std::int64_t> array_size; // LOCAL x[4]
    std::optional<Ident> array_size_name;   // LOCAL x[NANN] (a DEFINE'd size)
};

// LOCAL a, b[3]
struct LocalStmt {
    std::vector<LocalVar> vars;
};

// x = e, and the derivative equation m' = e (lhs is a NameExpr with primes = 1).
struct AssignStmt {
    ExprPtr lhs;
    ExprPtr rhs;
    bool protect = false; // PROTECT x = e (an atomic update under threads)
};

// A call used as a statement: rates(v), net_send(0, 1), net_event(t).
struct ExprStmt {
    ExprPtr expr;
};

// IF (c) { } ELSE IF (d) { } ELSE { }: an ELSE IF is an else body holding exactly one IfStmt.
struct IfStmt {
    ExprPtr cond;
    StmtBlock then_body;
    std::optional<StmtBlock> else_body;
};

struct WhileStmt {
    ExprPtr cond;
    StmtBlock body;
};

// FROM i = a TO b BY c { }
struct FromStmt {
    Ident var;
    ExprPtr from;
    ExprPtr to;
    ExprPtr by; // null when absent
    StmtBlock body;
};

enum class SolveKind { Plain, Method, SteadyState };

// SOLVE states METHOD cnexp | SOLVE kin STEADYSTATE sparse | SOLVE states
struct SolveStmt {
    Ident block;
    SolveKind kind = SolveKind::Plain;
    std::optional<Ident> method;
};

// One side of a reaction: 2 A, ca[0].
struct Reactant {
    std::int64_t coefficient = 1;
    ExprPtr species; // a NameExpr, possibly indexed
    SourceRange range;
};

enum class ReactionKind {
    Reversible, // ~ A + B <-> C (kf, kb)
    Flux,       // ~ A << (flux)
    Decay,      // ~ A -> (rate)
};

struct ReactionStmt {
    ReactionKind kind = ReactionKind::Reversible;
    std::vector<Reactant> lhs;
    std::vector<Reactant> rhs; // empty unless Reversible
    ExprPtr forward;           // kf, the flux, or the decay rate
    ExprPtr backward;          // kb; null unless Reversible
};

// ~ lhs = rhs (LINEAR and NONLINEAR blocks)
struct LinearEqStmt {
    ExprPtr lhs;
    ExprPtr rhs;
};

// CONSERVE A + B + C = total
struct ConserveStmt {
    ExprPtr lhs;
    ExprPtr rhs;
};

// COMPARTMENT volume { A B } or COMPARTMENT i, volume { ca }
struct CompartmentStmt {
    std::optional<Ident> index;
    ExprPtr volume;
    std::vector<Ident> species;
};

// TABLE minf, mtau DEPEND celsius FROM -100 TO 100 WITH 200 (accepted; mech computes exactly)
struct TableStmt {
    std::vector<Ident> names;
    std::vector<Ident> depend;
    ExprPtr from;
    ExprPtr to;
    ExprPtr with;
};

struct WatchItem {
    ExprPtr cond;
    ExprPtr flag;
    SourceRange range;
};

// WATCH (v > thresh) 2, (v < 0) 3
struct WatchStmt {
    std::vector<WatchItem> items;
};

// UNITSOFF / UNITSON inside a body.
struct UnitsToggleStmt {
    bool on = false;
};

// INITIAL { } inside NET_RECEIVE.
struct InitialStmt {
    StmtBlock body;
};

// A bare nested { } block.
struct BlockStmt {
    StmtBlock body;
};

// Every statement kind, listed once.
using StmtNode = std::variant<LocalStmt, AssignStmt, ExprStmt, IfStmt, WhileStmt, FromStmt, SolveStmt,
                              ReactionStmt, LinearEqStmt, ConserveStmt, CompartmentStmt, TableStmt,
                              WatchStmt, UnitsToggleStmt, InitialStmt, BlockStmt>;

struct Stmt {
    StmtNode node;
    SourceRange range;

    template <class T> bool is() const { return std::holds_alternative<T>(node); }
    template <class T> const T* as() const { return std::get_if<T>(&node); }
    template <class T> T* as() { return std::get_if<T>(&node); }
};

template <class T> StmtPtr make_stmt(T node, SourceRange range) {
    return std::make_unique<Stmt>(Stmt{StmtNode(std::move(node)), range});
}

} // namespace mech::ast
