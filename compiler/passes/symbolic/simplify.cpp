// Bottom-up simplifier: folds literal subtrees and applies identities allowed at the chosen level.
#include "passes/symbolic/simplify.hpp"

#include "ir/build.hpp"
#include "ir/visitor.hpp"

#include <optional>

namespace mech::passes::symbolic {

using namespace ir;

const double* constant_value(const ExprPtr& e) {
    auto* c = e ? e->as<Constant>() : nullptr;
    return c ? &c->value : nullptr;
}

bool is_constant(const ExprPtr& e, double value) {
    auto* c = constant_value(e);
    return c && *c == value;
}

namespace {

double fold_binary(BinaryOp op, double a, double b) {
    switch (op) {
    case BinaryOp::Add: return a + b;
    case BinaryOp::Sub: return a - b;
    case BinaryOp::Mul: return a * b;
    case BinaryOp::Div: return a / b;
    case BinaryOp::Lt: return a < b;
    case BinaryOp::Le: return a <= b;
    case BinaryOp::Gt: return a > b;
    case BinaryOp::Ge: return a >= b;
    case BinaryOp::Eq: return a == b;
    case BinaryOp::Ne: return a != b;
    case BinaryOp::And: return (a != 0) && (b != 0);
    case BinaryOp::Or: return (a != 0) || (b != 0);
    }
    return 0;
}

class Simplifier : public Mutator {
public:
    explicit Simplifier(Level level) : algebraic_(level == Level::Algebraic) {}

    ExprPtr on(const ExprPtr& self, const Unary& u) override {
        ExprPtr e = Mutator::on(self, u);
        auto* un = e->as<Unary>();
        if (!un)
            return e;
        // Booleans are not folded here: a bool literal has no IR node of its own.
        if (un->op == UnaryOp::Neg) {
            if (auto* c = constant_value(un->operand))
                return num(-*c);
            if (auto* inner = un->operand->as<Unary>(); inner && inner->op == UnaryOp::Neg)
                return inner->operand;
        }
        return e;
    }

    ExprPtr on(const ExprPtr& self, const Binary& b) override {
        ExprPtr e = Mutator::on(self, b);
        auto* bin = e->as<Binary>();
        if (!bin)
            return e;
        const ExprPtr& l = bin->lhs;
        const ExprPtr& r = bin->rhs;
        auto* cl = constant_value(l);
        auto* cr = constant_value(r);
        if (is_comparison(bin->op) || is_logic(bin->op))
            return e;
        if (cl && cr)
            return num(fold_binary(bin->op, *cl, *cr));
        switch (bin->op) {
        case BinaryOp::Add:
            if (algebraic_ && is_constant(r, 0))
                return l;
            if (algebraic_ && is_constant(l, 0))
                return r;
            if (algebraic_) {
                if (auto* n = r->as<Unary>(); n && n->op == UnaryOp::Neg)
                    return sub(l, n->operand);
            }
            break;
        case BinaryOp::Sub:
            if (is_constant(r, 0))
                return l; // x - 0 == x for every x, including -0 and NaN
            if (algebraic_ && is_constant(l, 0))
                return simplify(neg(r), Level::Algebraic);
            if (algebraic_ && equal(l, r))
                return num(0);
            if (algebraic_) {
                if (auto* n = r->as<Unary>(); n && n->op == UnaryOp::Neg)
                    return add(l, n->operand);
            }
            break;
        case BinaryOp::Mul:
            if (is_constant(r, 1))
                return l;
            if (is_constant(l, 1))
                return r;
            if (algebraic_ && (is_constant(l, 0) || is_constant(r, 0)))
                return num(0);
            if (algebraic_ && is_constant(l, -1))
                return simplify(neg(r), Level::Algebraic);
            if (algebraic_ && is_constant(r, -1))
                return simplify(neg(l), Level::Algebraic);
            break;
        case BinaryOp::Div:
            if (is_constant(r, 1))
                return l;
            if (algebraic_ && is_constant(l, 0))
                return num(0);
            break;
        default: break;
        }
        return e;
    }

    ExprPtr on(const ExprPtr& self, const Call& c) override {
        ExprPtr e = Mutator::on(self, c);
        auto* call = e->as<Call>();
        if (!call)
            return e;
        bool all_constant = true;
        for (const auto& a : call->args)
            all_constant &= constant_value(a) != nullptr;
        if (all_constant) {
            double a = *constant_value(call->args[0]);
            double b = call->args.size() > 1 ? *constant_value(call->args[1]) : 0.0;
            return num(evaluate_intrinsic(call->fn, a, b));
        }
        if (call->fn == Intrinsic::Pow) {
            if (is_constant(call->args[1], 1))
                return call->args[0];
            if (algebraic_ && is_constant(call->args[1], 0))
                return num(1);
        }
        return e;
    }

    ExprPtr on(const ExprPtr& self, const Select& s) override {
        ExprPtr e = Mutator::on(self, s);
        auto* sel = e->as<Select>();
        if (!sel)
            return e;
        if (auto c = constant_condition(sel->cond))
            return *c ? sel->if_true : sel->if_false;
        if (equal(sel->if_true, sel->if_false))
            return sel->if_true;
        return e;
    }

    // The value of a condition whose operands are all literals.
    static std::optional<bool> constant_condition(const ExprPtr& cond) {
        if (auto* u = cond->as<Unary>(); u && u->op == UnaryOp::Not) {
            auto inner = constant_condition(u->operand);
            return inner ? std::optional<bool>(!*inner) : std::nullopt;
        }
        auto* b = cond->as<Binary>();
        if (!b)
            return std::nullopt;
        if (is_logic(b->op)) {
            auto l = constant_condition(b->lhs);
            auto r = constant_condition(b->rhs);
            if (!l || !r)
                return std::nullopt;
            return b->op == BinaryOp::And ? (*l && *r) : (*l || *r);
        }
        auto* l = constant_value(b->lhs);
        auto* r = constant_value(b->rhs);
        if (!l || !r || !is_comparison(b->op))
            return std::nullopt;
        return fold_binary(b->op, *l, *r) != 0;
    }

private:
    bool algebraic_;
};

} // namespace

ExprPtr simplify(const ExprPtr& e, Level level) {
    Simplifier s(level);
    return s.mutate(e);
}

} // namespace mech::passes::symbolic
