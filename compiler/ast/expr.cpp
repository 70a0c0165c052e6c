// Operator spellings and deep copies of expressions.
#include "ast/expr.hpp"

namespace mech::ast {

const char* spelling(BinaryOp op) {
    switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Pow: return "^";
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

const char* spelling(UnaryOp op) {
    switch (op) {
    case UnaryOp::Neg: return "-";
    case UnaryOp::Not: return "!";
    case UnaryOp::Plus: return "+";
    }
    return "?";
}

namespace {

ExprPtr clone_opt(const ExprPtr& e) { return e ? clone(*e) : nullptr; }

struct Cloner {
    SourceRange range;
    ExprPtr operator()(const NumberExpr& n) const { return make_expr(n, range); }
    ExprPtr operator()(const NameExpr& n) const {
        return make_expr(NameExpr{n.name, n.primes, clone_opt(n.index)}, range);
    }
    ExprPtr operator()(const StringExpr& s) const { return make_expr(s, range); }
    ExprPtr operator()(const UnaryExpr& u) const { return make_expr(UnaryExpr{u.op, clone_opt(u.operand)}, range); }
    ExprPtr operator()(const BinaryExpr& b) const {
        return make_expr(BinaryExpr{b.op, clone_opt(b.lhs), clone_opt(b.rhs)}, range);
    }
    ExprPtr operator()(const CallExpr& c) const {
        CallExpr out{c.callee, {}};
        for (const auto& a : c.args) out.args.push_back(clone_opt(a));
        return make_expr(std::move(out), range);
    }
    ExprPtr operator()(const ErrorExpr&) const { return make_expr(ErrorExpr{}, range); }
};

} // namespace

ExprPtr clone(const Expr& e) { return std::visit(Cloner{e.range}, e.node); }

} // namespace mech::ast
