// Internal to the front end: turns ANTLR's parse tree into our AST.
// Null-safe throughout: after a syntax error the tree may miss any child.
#pragma once

#include "ast/module.hpp"
#include "diag/diagnostic_engine.hpp"

#include "MechParser.h"

#include <unordered_map>

namespace mech::frontend {

using P = mech_gen::MechParser;

class AstBuilder {
public:
    AstBuilder(diag::FileId file, diag::DiagnosticEngine& diags) : file_(file), diags_(diags) {}

    ast::Module build(P::FileContext* file);

    // Locations (build_ast.cpp).
    diag::SourceRange range(antlr4::Token* t) const;
    diag::SourceRange range(antlr4::tree::TerminalNode* n) const;
    diag::SourceRange range(antlr4::ParserRuleContext* ctx) const;
    ast::Ident ident(P::IdentContext* ctx) const;
    std::vector<ast::Ident> idents(P::IdentListContext* ctx) const;
    std::optional<ast::UnitText> unit(P::UnitContext* ctx) const;
    std::optional<std::int64_t> integer(antlr4::tree::TerminalNode* n, const char* what);
    void array_size(P::ArraySizeContext* ctx, std::optional<std::int64_t>& size, std::optional<ast::Ident>& name);
    ast::ExprPtr signed_number(P::SignedNumberContext* ctx) const;
    std::vector<ast::Param> params(P::ParamListContext* ctx) const;

    // Expressions (build_expr.cpp).
    ast::ExprPtr expr(P::ExprContext* ctx);
    ast::ExprPtr var_ref(P::VarRefContext* ctx);
    ast::ExprPtr call(P::CallContext* ctx);

    // Statements (build_stmt.cpp).
    ast::StmtBlock stmt_block(P::StmtBlockContext* ctx);
    ast::StmtPtr stmt(P::StmtContext* ctx);

    // Top-level blocks (build_blocks.cpp).
    std::optional<ast::Block> top_item(P::TopItemContext* ctx);

private:
    ast::ExprPtr number(antlr4::tree::TerminalNode* n, P::UnitContext* u, diag::SourceRange r) const;
    ast::ExprPtr error_expr(diag::SourceRange r) const;
    ast::ExprPtr and_expr(P::AndExprContext* ctx);
    ast::ExprPtr eq_expr(P::EqExprContext* ctx);
    ast::ExprPtr rel_expr(P::RelExprContext* ctx);
    ast::ExprPtr add_expr(P::AddExprContext* ctx);
    ast::ExprPtr mul_expr(P::MulExprContext* ctx);
    ast::ExprPtr unary_expr(P::UnaryExprContext* ctx);
    ast::ExprPtr pow_operand(P::PowOperandContext* ctx);
    ast::ExprPtr pow_expr(P::PowExprContext* ctx);
    ast::ExprPtr primary(P::PrimaryContext* ctx);
    ast::ExprPtr binary(ast::BinaryOp op, ast::ExprPtr lhs, ast::ExprPtr rhs);
    ast::ExprPtr unary(ast::UnaryOp op, ast::ExprPtr operand, diag::SourceRange op_range);
    ast::ExprPtr checked(ast::ExprPtr e, int depth);
    int depth(const ast::ExprPtr& e) const;

    std::vector<ast::Reactant> reactants(P::ReactantsContext* ctx);
    ast::StmtPtr if_stmt(P::IfStmtContext* ctx);

    std::optional<ast::Block> neuron_block(P::NeuronItemContext* ctx);
    std::optional<ast::Block> units_block(P::UnitsBlockItemContext* ctx);
    std::optional<ast::Block> decl_block(P::DeclItemContext* ctx);
    std::optional<ast::Block> channel_block(P::ChannelItemBlockContext* ctx);
    std::optional<ast::Block> pool_block(P::PoolItemBlockContext* ctx);
    ast::VarDecl var_decl(P::VarDeclContext* ctx, ast::DeclKind kind);
    std::optional<ast::GateDecl> gate(P::ChannelGateContext* ctx);
    // Reports "X given twice" (with a note at the first) and returns false when `seen` is already set.
    bool first_time(bool seen, const char* what, diag::SourceRange here, diag::SourceRange first);

    diag::FileId file_;
    diag::DiagnosticEngine& diags_;
    std::unordered_map<const ast::Expr*, int> depth_; // AST depth of expressions with children
    bool depth_reported_ = false;
};

} // namespace mech::frontend
