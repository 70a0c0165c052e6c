// Symbolic differentiation (forward rules written in derivative.hpp) and linearity analysis.
#include "passes/symbolic/derivative.hpp"

#include "ir/build.hpp"
#include "passes/symbolic/simplify.hpp"

namespace mech::passes::symbolic {

using namespace ir;

bool depends_on(const ExprPtr& e, const Var& x) {
    return depends_on_any(e, [&](const Var& v) { return v == x; });
}

ExprPtr substitute(const ExprPtr& e, const Var& x, const ExprPtr& value) {
    struct Substituter : Mutator {
        const Var& x;
        const ExprPtr& value;
        Substituter(const Var& x_, const ExprPtr& v) : x(x_), value(v) {}
        ExprPtr on(const ExprPtr& self, const VarRef& r) override {
            return r.var == x ? value : self;
        }
        using Mutator::on;
    } s(x, value);
    return s.mutate(e);
}

namespace {

class Differentiator {
public:
    Differentiator(const Var& x, const KnownDerivatives& known) : x_(x), known_(known) {}

    // Returns nullptr when some part has no derivative.
    ExprPtr d(const ExprPtr& e) {
        if (e->is<Constant>())
            return num(0);
        if (auto* r = e->as<VarRef>()) {
            if (r->var == x_)
                return num(1);
            auto it = known_.find(r->var);
            return it != known_.end() ? it->second : num(0);
        }
        if (auto* u = e->as<Unary>()) {
            if (u->op == UnaryOp::Not)
                return num(0);
            auto du = d(u->operand);
            return du ? neg(du) : nullptr;
        }
        if (auto* b = e->as<Binary>())
            return binary(*b);
        if (auto* c = e->as<Call>())
            return call_rule(*c);
        auto* s = e->as<Select>();
        auto a = d(s->if_true);
        auto b = d(s->if_false);
        return (a && b) ? select(s->cond, a, b) : nullptr;
    }

private:
    ExprPtr binary(const Binary& b) {
        if (is_comparison(b.op) || is_logic(b.op))
            return num(0);
        auto du = d(b.lhs);
        auto dw = d(b.rhs);
        if (!du || !dw)
            return nullptr;
        const ExprPtr& u = b.lhs;
        const ExprPtr& w = b.rhs;
        switch (b.op) {
        case BinaryOp::Add: return add(du, dw);
        case BinaryOp::Sub: return sub(du, dw);
        case BinaryOp::Mul: return add(mul(du, w), mul(u, dw));
        case BinaryOp::Div:
            // With w independent of x this is u'/w, the form NEURON's cnexp coefficients take.
            if (is_constant(simplify(dw), 0))
                return div(du, w);
            return sub(div(du, w), div(mul(u, dw), mul(w, w)));
        default: return nullptr;
        }
    }

    ExprPtr call_rule(const Call& c) {
        const ExprPtr& u = c.args[0];
        auto du = d(u);
        if (!du)
            return nullptr;
        auto self = Call::make(c.fn, c.args);
        switch (c.fn) {
        case Intrinsic::Exp: return mul(self, du);
        case Intrinsic::Expm1: return mul(exp(u), du);
        case Intrinsic::Log: return div(du, u);
        case Intrinsic::Log10: return div(du, mul(u, num(2.302585092994045684)));
        case Intrinsic::Fabs:
            return mul(select(compare(BinaryOp::Lt, u, num(0)), num(-1), num(1)), du);
        case Intrinsic::Sqrt: return div(du, mul(num(2), self));
        case Intrinsic::Sin: return mul(ir::call(Intrinsic::Cos, u), du);
        case Intrinsic::Cos: return neg(mul(ir::call(Intrinsic::Sin, u), du));
        case Intrinsic::Tan: {
            auto cu = ir::call(Intrinsic::Cos, u);
            return div(du, mul(cu, cu));
        }
        case Intrinsic::Atan: return div(du, add(num(1), mul(u, u)));
        case Intrinsic::Sinh: return mul(ir::call(Intrinsic::Cosh, u), du);
        case Intrinsic::Cosh: return mul(ir::call(Intrinsic::Sinh, u), du);
        case Intrinsic::Tanh: return mul(sub(num(1), mul(self, self)), du);
        case Intrinsic::Floor:
        case Intrinsic::Ceil: return num(0);
        case Intrinsic::Exprelr: {
            // d/du u/(e^u − 1) = (e^u − 1 − u·e^u)/(e^u − 1)²; the limit at u = 0 is −1/2.
            auto eu = exp(u);
            auto em1 = sub(eu, num(1));
            auto value = div(sub(em1, mul(u, eu)), mul(em1, em1));
            auto at_zero = compare(BinaryOp::Eq, add(num(1), u), num(1));
            return mul(select(at_zero, num(-0.5), value), du);
        }
        case Intrinsic::Pow: {
            const ExprPtr& w = c.args[1];
            auto dw = d(w);
            if (!dw)
                return nullptr;
            if (is_constant(simplify(dw), 0))
                return mul(mul(w, pow(u, sub(w, num(1)))), du);
            return mul(self, add(mul(dw, ir::call(Intrinsic::Log, u)), div(mul(w, du), u)));
        }
        case Intrinsic::Atan2: {
            const ExprPtr& w = c.args[1];
            auto dw = d(w);
            if (!dw)
                return nullptr;
            return div(sub(mul(w, du), mul(u, dw)), add(mul(u, u), mul(w, w)));
        }
        case Intrinsic::Min:
        case Intrinsic::Max: {
            auto dw = d(c.args[1]);
            if (!dw)
                return nullptr;
            auto op = c.fn == Intrinsic::Min ? BinaryOp::Le : BinaryOp::Ge;
            return select(compare(op, u, c.args[1]), du, dw);
        }
        case Intrinsic::Fmod: return nullptr;
        }
        return nullptr;
    }

    const Var& x_;
    const KnownDerivatives& known_;
};

} // namespace

ExprPtr derivative(const ExprPtr& e, const Var& x, const KnownDerivatives& known) {
    Differentiator diff(x, known);
    auto result = diff.d(e);
    return result ? simplify(result, Level::Algebraic) : nullptr;
}

std::optional<Linear> linear_in(const ExprPtr& e, const Var& x) {
    auto coefficient = derivative(e, x);
    if (!coefficient || depends_on(coefficient, x))
        return std::nullopt;
    auto constant = simplify(substitute(e, x, num(0)), Level::Algebraic);
    return Linear{constant, coefficient};
}

} // namespace mech::passes::symbolic
