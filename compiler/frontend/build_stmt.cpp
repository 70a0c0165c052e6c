// Parse tree to AST: statements inside bodies.
#include "frontend/build_ast.hpp"
#include "frontend/parse.hpp"

#include <fmt/format.h>

namespace mech::frontend {

using ast::ExprPtr;
using ast::StmtPtr;

ast::StmtBlock AstBuilder::stmt_block(P::StmtBlockContext* ctx) {
    ast::StmtBlock b;
    if (!ctx) return b;
    b.range = range(ctx);
    for (auto* s : ctx->stmt())
        if (auto st = stmt(s)) b.stmts.push_back(std::move(st));
    return b;
}

std::vector<ast::Reactant> AstBuilder::reactants(P::ReactantsContext* ctx) {
    std::vector<ast::Reactant> out;
    if (!ctx) return out;
    for (auto* r : ctx->reactant()) {
        ast::Reactant x;
        if (r->NUMBER()) x.coefficient = integer(r->NUMBER(), "a reaction coefficient").value_or(1);
        ast::NameExpr n{ident(r->ident()).name, 0, r->expr() ? expr(r->expr()) : nullptr};
        x.species = ast::make_expr(std::move(n), range(r->ident()));
        x.range = range(r);
        out.push_back(std::move(x));
    }
    return out;
}

// IF ... ELSE IF ... ELSE ... arrives flat; it is folded from the end into nested IfStmts.
StmtPtr AstBuilder::if_stmt(P::IfStmtContext* ctx) {
    auto chain = ctx->elseIf();
    if (chain.size() > static_cast<std::size_t>(kMaxElseIfChain)) {
        diags_.error(range(chain[static_cast<std::size_t>(kMaxElseIfChain)]),
                     fmt::format("too many ELSE IF branches (more than {}); use a lookup or split the IF",
                                 kMaxElseIfChain));
        return nullptr;
    }
    std::optional<ast::StmtBlock> tail;
    if (ctx->ELSE() && ctx->stmtBlock().size() > 1) tail = stmt_block(ctx->stmtBlock(1));
    for (std::size_t i = chain.size(); i-- > 0;) {
        ast::IfStmt branch{expr(chain[i]->expr()), stmt_block(chain[i]->stmtBlock()), std::move(tail)};
        ast::StmtBlock wrapper;
        wrapper.range = range(chain[i]);
        wrapper.stmts.push_back(ast::make_stmt(std::move(branch), range(chain[i])));
        tail = std::move(wrapper);
    }
    ast::IfStmt top{expr(ctx->expr()), stmt_block(ctx->stmtBlock().empty() ? nullptr : ctx->stmtBlock(0)),
                    std::move(tail)};
    return ast::make_stmt(std::move(top), range(ctx));
}

StmtPtr AstBuilder::stmt(P::StmtContext* ctx) {
    if (!ctx) return nullptr;
    diag::SourceRange r = range(ctx);
    if (auto* c = dynamic_cast<P::LocalStmtContext*>(ctx)) {
        ast::LocalStmt l;
        for (auto* v : c->localVar()) {
            ast::LocalVar lv{ident(v->ident()), std::nullopt, std::nullopt};
            array_size(v->arraySize(), lv.array_size, lv.array_size_name);
            l.vars.push_back(std::move(lv));
        }
        return ast::make_stmt(std::move(l), r);
    }
    if (auto* c = dynamic_cast<P::AssignStmtContext*>(ctx))
        return ast::make_stmt(ast::AssignStmt{var_ref(c->lhs), expr(c->expr()), c->PROTECT() != nullptr}, r);
    if (auto* c = dynamic_cast<P::CallStmtContext*>(ctx)) return ast::make_stmt(ast::ExprStmt{call(c->call())}, r);
    if (auto* c = dynamic_cast<P::IfStmtContext*>(ctx)) return if_stmt(c);
    if (auto* c = dynamic_cast<P::WhileStmtContext*>(ctx))
        return ast::make_stmt(ast::WhileStmt{expr(c->expr()), stmt_block(c->stmtBlock())}, r);
    if (auto* c = dynamic_cast<P::FromStmtContext*>(ctx)) {
        ast::FromStmt f{ident(c->ident()), expr(c->from), expr(c->to), c->by ? expr(c->by) : nullptr,
                        stmt_block(c->stmtBlock())};
        return ast::make_stmt(std::move(f), r);
    }
    if (auto* c = dynamic_cast<P::SolveStmtContext*>(ctx)) {
        ast::SolveStmt s;
        s.block = ident(c->ident().empty() ? nullptr : c->ident(0));
        if (c->method) {
            s.kind = c->METHOD() ? ast::SolveKind::Method : ast::SolveKind::SteadyState;
            s.method = ident(c->method);
        }
        return ast::make_stmt(std::move(s), r);
    }
    if (auto* c = dynamic_cast<P::ReversibleReactionContext*>(ctx)) {
        ast::ReactionStmt x;
        x.kind = ast::ReactionKind::Reversible;
        x.lhs = reactants(c->reactants(0));
        x.rhs = reactants(c->reactants().size() > 1 ? c->reactants(1) : nullptr);
        x.forward = expr(c->expr().empty() ? nullptr : c->expr(0));
        x.backward = expr(c->expr().size() > 1 ? c->expr(1) : nullptr);
        return ast::make_stmt(std::move(x), r);
    }
    if (auto* c = dynamic_cast<P::FluxReactionContext*>(ctx)) {
        ast::ReactionStmt x;
        x.kind = ast::ReactionKind::Flux;
        x.lhs = reactants(c->reactants());
        x.forward = expr(c->expr());
        return ast::make_stmt(std::move(x), r);
    }
    if (auto* c = dynamic_cast<P::DecayReactionContext*>(ctx)) {
        ast::ReactionStmt x;
        x.kind = ast::ReactionKind::Decay;
        x.lhs = reactants(c->reactants());
        x.forward = expr(c->expr());
        return ast::make_stmt(std::move(x), r);
    }
    if (auto* c = dynamic_cast<P::LinearEqStmtContext*>(ctx))
        return ast::make_stmt(ast::LinearEqStmt{expr(c->lhs), expr(c->rhs)}, r);
    if (auto* c = dynamic_cast<P::ConserveStmtContext*>(ctx))
        return ast::make_stmt(ast::ConserveStmt{expr(c->lhs), expr(c->rhs)}, r);
    if (auto* c = dynamic_cast<P::CompartmentStmtContext*>(ctx)) {
        ast::CompartmentStmt x;
        if (c->index) x.index = ident(c->index);
        x.volume = expr(c->expr());
        for (auto* i : c->ident())
            if (i != c->index) x.species.push_back(ident(i));
        return ast::make_stmt(std::move(x), r);
    }
    if (auto* c = dynamic_cast<P::TableStmtContext*>(ctx)) {
        ast::TableStmt t{idents(c->names), idents(c->depend), expr(c->from), expr(c->to), expr(c->with)};
        return ast::make_stmt(std::move(t), r);
    }
    if (auto* c = dynamic_cast<P::WatchStmtContext*>(ctx)) {
        ast::WatchStmt w;
        for (auto* item : c->watchItem()) {
            auto exprs = item->expr();
            w.items.push_back({expr(exprs.empty() ? nullptr : exprs[0]), expr(exprs.size() > 1 ? exprs[1] : nullptr),
                               range(item)});
        }
        return ast::make_stmt(std::move(w), r);
    }
    if (auto* c = dynamic_cast<P::UnitsToggleStmtContext*>(ctx))
        return ast::make_stmt(ast::UnitsToggleStmt{c->UNITSON() != nullptr}, r);
    if (auto* c = dynamic_cast<P::InitialStmtContext*>(ctx))
        return ast::make_stmt(ast::InitialStmt{stmt_block(c->stmtBlock())}, r);
    if (auto* c = dynamic_cast<P::BlockStmtContext*>(ctx))
        return ast::make_stmt(ast::BlockStmt{stmt_block(c->stmtBlock())}, r);
    return nullptr; // a statement the parser could not make sense of (already reported)
}

} // namespace mech::frontend
