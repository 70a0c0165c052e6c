// Construction of IR expressions (types are fixed at make() time) and structural equality.
#include "ir/expr.hpp"

#include <cstring>

namespace mech::ir {

bool is_comparison(BinaryOp op) {
    return op == BinaryOp::Lt || op == BinaryOp::Le || op == BinaryOp::Gt || op == BinaryOp::Ge ||
           op == BinaryOp::Eq || op == BinaryOp::Ne;
}

bool is_logic(BinaryOp op) { return op == BinaryOp::And || op == BinaryOp::Or; }

ExprPtr Constant::make(double value) {
    return std::make_shared<const Expr>(Constant{value}, Type::Double);
}

ExprPtr VarRef::make(Var var) { return std::make_shared<const Expr>(VarRef{var}, Type::Double); }

ExprPtr Unary::make(UnaryOp op, ExprPtr operand) {
    Type type = op == UnaryOp::Not ? Type::Bool : Type::Double;
    return std::make_shared<const Expr>(Unary{op, std::move(operand)}, type);
}

ExprPtr Binary::make(BinaryOp op, ExprPtr lhs, ExprPtr rhs) {
    Type type = (is_comparison(op) || is_logic(op)) ? Type::Bool : Type::Double;
    return std::make_shared<const Expr>(Binary{op, std::move(lhs), std::move(rhs)}, type);
}

ExprPtr Call::make(Intrinsic fn, std::vector<ExprPtr> args) {
    return std::make_shared<const Expr>(Call{fn, std::move(args)}, Type::Double);
}

ExprPtr Select::make(ExprPtr cond, ExprPtr if_true, ExprPtr if_false) {
    return std::make_shared<const Expr>(
        Select{std::move(cond), std::move(if_true), std::move(if_false)}, Type::Double);
}

bool equal(const ExprPtr& a, const ExprPtr& b) {
    if (a == b)
        return true;
    if (!a || !b || a->node().index() != b->node().index())
        return false;
    if (auto* x = a->as<Constant>()) {
        double y = b->as<Constant>()->value;
        return std::memcmp(&x->value, &y, sizeof y) == 0;
    }
    if (auto* x = a->as<VarRef>())
        return x->var == b->as<VarRef>()->var;
    if (auto* x = a->as<Unary>()) {
        auto* y = b->as<Unary>();
        return x->op == y->op && equal(x->operand, y->operand);
    }
    if (auto* x = a->as<Binary>()) {
        auto* y = b->as<Binary>();
        return x->op == y->op && equal(x->lhs, y->lhs) && equal(x->rhs, y->rhs);
    }
    if (auto* x = a->as<Call>()) {
        auto* y = b->as<Call>();
        if (x->fn != y->fn || x->args.size() != y->args.size())
            return false;
        for (size_t n = 0; n < x->args.size(); ++n)
            if (!equal(x->args[n], y->args[n]))
                return false;
        return true;
    }
    auto* x = a->as<Select>();
    auto* y = b->as<Select>();
    return equal(x->cond, y->cond) && equal(x->if_true, y->if_true) &&
           equal(x->if_false, y->if_false);
}

} // namespace mech::ir
