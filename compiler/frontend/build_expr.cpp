// Parse tree to AST: expressions. Operator chains arrive flat (the grammar loops) and are
// folded here: left-associative except ^, which is right-associative.
#include "frontend/build_ast.hpp"
#include "frontend/parse.hpp"

#include <fmt/format.h>

#include <functional>

namespace mech::frontend {

using ast::BinaryOp;
using ast::ExprPtr;

int AstBuilder::depth(const ExprPtr& e) const {
    if (!e) return 0;
    auto it = depth_.find(e.get());
    return it == depth_.end() ? 1 : it->second;
}

// Records the depth of a new node; past the limit the node becomes an error (reported once),
// so that no later stage recurses deeper than kMaxExpressionDepth.
ExprPtr AstBuilder::checked(ExprPtr e, int d) {
    if (d > kMaxExpressionDepth) {
        if (!depth_reported_)
            diags_.error(e->range, fmt::format("expression is too deeply nested (more than {} levels); split it "
                                               "into several assignments",
                                               kMaxExpressionDepth));
        depth_reported_ = true;
        return error_expr(e->range);
    }
    if (d > 1) depth_[e.get()] = d;
    return e;
}

ExprPtr AstBuilder::binary(BinaryOp op, ExprPtr lhs, ExprPtr rhs) {
    diag::SourceRange r = diag::merge(lhs->range, rhs->range);
    int d = 1 + std::max(depth(lhs), depth(rhs));
    depth_.erase(lhs.get());
    depth_.erase(rhs.get());
    return checked(ast::make_expr(ast::BinaryExpr{op, std::move(lhs), std::move(rhs)}, r), d);
}

ExprPtr AstBuilder::unary(ast::UnaryOp op, ExprPtr operand, diag::SourceRange op_range) {
    diag::SourceRange r = diag::merge(op_range, operand->range);
    int d = 1 + depth(operand);
    depth_.erase(operand.get());
    return checked(ast::make_expr(ast::UnaryExpr{op, std::move(operand)}, r), d);
}

namespace {

BinaryOp binary_op(antlr4::Token* t) {
    std::string s = t ? t->getText() : "";
    if (s == "+") return BinaryOp::Add;
    if (s == "-") return BinaryOp::Sub;
    if (s == "*") return BinaryOp::Mul;
    if (s == "/") return BinaryOp::Div;
    if (s == "<") return BinaryOp::Lt;
    if (s == "<=") return BinaryOp::Le;
    if (s == ">") return BinaryOp::Gt;
    if (s == ">=") return BinaryOp::Ge;
    if (s == "==") return BinaryOp::Eq;
    if (s == "!=") return BinaryOp::Ne;
    return BinaryOp::Add;
}

ast::UnaryOp unary_op(antlr4::Token* t) {
    std::string s = t ? t->getText() : "";
    if (s == "!") return ast::UnaryOp::Not;
    if (s == "+") return ast::UnaryOp::Plus;
    return ast::UnaryOp::Neg;
}

// Folds `operands[0] op[0] operands[1] ...` to the left; `ops` null means every operator is `fixed`.
template <class Sub, class Build>
ExprPtr fold_left(const std::vector<Sub*>& operands, const std::vector<antlr4::Token*>* ops, BinaryOp fixed,
                  Build build, std::function<ExprPtr(BinaryOp, ExprPtr, ExprPtr)> combine) {
    ExprPtr acc = build(operands[0]);
    for (std::size_t i = 1; i < operands.size(); ++i) {
        BinaryOp op = ops ? binary_op(i - 1 < ops->size() ? (*ops)[i - 1] : nullptr) : fixed;
        acc = combine(op, std::move(acc), build(operands[i]));
    }
    return acc;
}

} // namespace

#define MECH_FOLD(SUBS, BUILD, OPS, FIXED)                                                                   \
    if (!ctx || SUBS.empty()) return error_expr(range(ctx));                                                 \
    return fold_left(                                                                                        \
        SUBS, OPS, FIXED, [this](auto* c) { return BUILD(c); },                                              \
        [this](BinaryOp op, ExprPtr a, ExprPtr b) { return binary(op, std::move(a), std::move(b)); })

ExprPtr AstBuilder::expr(P::ExprContext* ctx) { MECH_FOLD(ctx->andExpr(), and_expr, nullptr, BinaryOp::Or); }
ExprPtr AstBuilder::and_expr(P::AndExprContext* ctx) { MECH_FOLD(ctx->eqExpr(), eq_expr, nullptr, BinaryOp::And); }
ExprPtr AstBuilder::eq_expr(P::EqExprContext* ctx) { MECH_FOLD(ctx->relExpr(), rel_expr, &ctx->op, BinaryOp::Eq); }
ExprPtr AstBuilder::rel_expr(P::RelExprContext* ctx) { MECH_FOLD(ctx->addExpr(), add_expr, &ctx->op, BinaryOp::Lt); }
ExprPtr AstBuilder::add_expr(P::AddExprContext* ctx) { MECH_FOLD(ctx->mulExpr(), mul_expr, &ctx->op, BinaryOp::Add); }
ExprPtr AstBuilder::mul_expr(P::MulExprContext* ctx) { MECH_FOLD(ctx->unaryExpr(), unary_expr, &ctx->op, BinaryOp::Mul); }

#undef MECH_FOLD

ExprPtr AstBuilder::unary_expr(P::UnaryExprContext* ctx) {
    if (!ctx) return error_expr({});
    ExprPtr e = pow_expr(ctx->powExpr());
    for (std::size_t i = ctx->op.size(); i-- > 0;) e = unary(unary_op(ctx->op[i]), std::move(e), range(ctx->op[i]));
    return e;
}

ExprPtr AstBuilder::pow_operand(P::PowOperandContext* ctx) {
    if (!ctx) return error_expr({});
    ExprPtr e = primary(ctx->primary());
    for (std::size_t i = ctx->op.size(); i-- > 0;) e = unary(unary_op(ctx->op[i]), std::move(e), range(ctx->op[i]));
    return e;
}

// a ^ b ^ c is a ^ (b ^ c), and a sign in an exponent covers the rest of the chain:
// 2 ^ -3 ^ 2 is 2 ^ (-(3 ^ 2)), as with NMODL's recursive grammar.
ExprPtr AstBuilder::pow_expr(P::PowExprContext* ctx) {
    if (!ctx) return error_expr({});
    auto operands = ctx->powOperand();
    if (operands.empty()) return primary(ctx->primary());
    ExprPtr acc = pow_operand(operands.back());
    for (std::size_t i = operands.size() - 1; i-- > 0;) {
        P::PowOperandContext* o = operands[i];
        acc = binary(BinaryOp::Pow, primary(o->primary()), std::move(acc));
        for (std::size_t k = o->op.size(); k-- > 0;) acc = unary(unary_op(o->op[k]), std::move(acc), range(o->op[k]));
    }
    return binary(BinaryOp::Pow, primary(ctx->primary()), std::move(acc));
}

ExprPtr AstBuilder::primary(P::PrimaryContext* ctx) {
    if (!ctx) return error_expr({});
    if (auto* n = dynamic_cast<P::NumberPrimaryContext*>(ctx)) return number(n->NUMBER(), n->unit(), range(ctx));
    if (auto* c = dynamic_cast<P::CallPrimaryContext*>(ctx)) return call(c->call());
    if (auto* v = dynamic_cast<P::NamePrimaryContext*>(ctx)) return var_ref(v->varRef());
    if (auto* p = dynamic_cast<P::ParenPrimaryContext*>(ctx)) {
        ExprPtr e = expr(p->expr());
        return e;
    }
    return error_expr(range(ctx));
}

ExprPtr AstBuilder::var_ref(P::VarRefContext* ctx) {
    if (!ctx) return error_expr({});
    ast::NameExpr n;
    n.name = ident(ctx->ident()).name;
    n.primes = static_cast<int>(ctx->PRIME().size());
    int d = 1;
    if (ctx->expr()) {
        n.index = expr(ctx->expr());
        d += depth(n.index);
        depth_.erase(n.index.get());
    }
    if (n.name.empty()) return error_expr(range(ctx));
    return checked(ast::make_expr(std::move(n), range(ctx)), d);
}

ExprPtr AstBuilder::call(P::CallContext* ctx) {
    if (!ctx) return error_expr({});
    ast::CallExpr c{ident(ctx->ident()), {}};
    int d = 1;
    for (auto* a : ctx->arg()) {
        if (a->STRING()) {
            std::string s = a->STRING()->getText();
            s = s.size() >= 2 ? s.substr(1, s.size() - 2) : "";
            c.args.push_back(ast::make_expr(ast::StringExpr{s}, range(a)));
        } else {
            c.args.push_back(expr(a->expr()));
            d = std::max(d, 1 + depth(c.args.back()));
            depth_.erase(c.args.back().get());
        }
    }
    return checked(ast::make_expr(std::move(c), range(ctx)), d);
}

} // namespace mech::frontend
