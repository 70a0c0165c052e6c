// The walk over code bodies (internal): resolves every name in scope, infers the units of
// every expression and checks assignments, equations, calls and reactions.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sema/context.hpp"

namespace mech::sema {

// The units inferred for one expression.
struct Inferred {
    units::Unit unit;
    bool known = false;   // false after an error or for names of unknown units (no cascades)
    bool zero = false;    // the literal 0, compatible with any units
    bool literal = false; // a number written without units

    static Inferred unknown() { return {}; }
    static Inferred of(units::Unit u) { return Inferred{std::move(u), true, false, false}; }
};

class BodyChecker {
public:
    explicit BodyChecker(Context& cx) : cx_(cx) {}

    void run();                                      // every body of the module
    Inferred expr(const ast::Expr& e);               // infers, records and checks one expression

    // "assigning 'mV' to 'V' (a factor of 0.001)" and friends; reports and returns false
    // when `got` does not match `want`.
    bool require(const Inferred& got, const units::Unit& want, diag::SourceRange where,
                 std::string_view action, std::string_view joiner);

private:
    // check_bodies.cpp
    void block(const ast::StmtBlock& b);
    void stmt(const ast::Stmt& s);
    void assign(const ast::AssignStmt& a, const ast::Stmt& s);
    void reaction(const ast::ReactionStmt& r, const ast::Stmt& s);
    void solve(const ast::SolveStmt& s, const ast::Stmt& st);
    void enter_body(std::string where);
    void declare_local(const ast::Ident& name, SymbolKind kind, std::optional<units::Unit> unit);
    // check_expressions.cpp
    SymbolId resolve(const std::string& name, diag::SourceRange where, bool report);
    Inferred name(const ast::Expr& e, const ast::NameExpr& n);
    Inferred binary(const ast::Expr& e, const ast::BinaryExpr& b);
    Inferred power(const ast::Expr& e, const ast::BinaryExpr& b);
    // check_calls.cpp
    Inferred call(const ast::Expr& e, const ast::CallExpr& c, bool as_statement);
    Inferred builtin_call(const ast::Expr& e, const ast::CallExpr& c, bool as_statement);
    Inferred user_call(const ast::Expr& e, const ast::CallExpr& c, SymbolId callee,
                       bool as_statement);
    // check_channels.cpp
    void check_channels();
    void check_pools();
    void field(const ast::ExprPtr& e, const units::Unit& want, std::string_view what);

    Context& cx_;
    std::vector<std::map<std::string, SymbolId>> scopes_;
    std::string where_;
    int initial_depth_ = 0;
    bool in_breakpoint_ = false;
    bool in_net_receive_ = false;
    bool in_kinetic_ = false;
    bool has_compartments_ = false;
    ast::EquationKind equations_ = ast::EquationKind::Derivative;
    bool in_equations_ = false;
    const ast::FunctionBlock* function_ = nullptr;
};

// "'mV' (voltage)" for messages.
std::string describe(const units::Unit& u);

} // namespace mech::sema
