// cancel_common_factors: reads both sides of a quotient as signed products of factors (looking
// through sums for a factor every term shares, and through known local values), then divides
// out the factors the two sides have in common.
#include "passes/symbolic/cancel.hpp"

#include "ir/build.hpp"
#include "passes/symbolic/simplify.hpp"

#include <cmath>
#include <vector>

namespace mech::passes::symbolic {

using namespace ir;

namespace {

// coefficient · Π num / Π den; factors are kept in the order they were written so that a
// rebuilt expression reads like the source.
struct Product {
    double coefficient = 1;
    std::vector<ExprPtr> num, den;

    bool bare() const { return num.empty() && den.empty(); }
};

Product leaf(const ExprPtr& e) { return Product{1, {e}, {}}; }

void append(std::vector<ExprPtr>& to, const std::vector<ExprPtr>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

// Removes from `a` and `b` the factors they share (multiset intersection by ir::equal) and
// returns those.
std::vector<ExprPtr> take_shared(std::vector<ExprPtr>& a, std::vector<ExprPtr>& b) {
    std::vector<ExprPtr> shared;
    for (size_t i = 0; i < a.size();) {
        size_t j = 0;
        while (j < b.size() && !equal(a[i], b[j]))
            ++j;
        if (j == b.size()) {
            ++i;
            continue;
        }
        shared.push_back(a[i]);
        a.erase(a.begin() + static_cast<std::ptrdiff_t>(i));
        b.erase(b.begin() + static_cast<std::ptrdiff_t>(j));
    }
    return shared;
}

// The factors found in every one of `lists`, removed from each (each keeps what is left).
std::vector<ExprPtr> common_to_all(std::vector<std::vector<ExprPtr>*> lists) {
    std::vector<ExprPtr> common = *lists[0];
    for (size_t k = 1; k < lists.size(); ++k) {
        std::vector<ExprPtr> other = *lists[k];
        common = take_shared(common, other);
    }
    for (auto* list : lists) {
        std::vector<ExprPtr> copy = common;
        take_shared(*list, copy);
    }
    return common;
}

ExprPtr product_of(const std::vector<ExprPtr>& factors) {
    ExprPtr p;
    for (const auto& f : factors)
        p = p ? mul(p, f) : f;
    return p;
}

ExprPtr build(const Product& p) {
    ExprPtr top = product_of(p.num);
    ExprPtr value;
    if (!top)
        value = num(p.coefficient);
    else if (p.coefficient == 1)
        value = top;
    else if (p.coefficient == -1)
        value = neg(top);
    else
        value = mul(num(p.coefficient), top);
    if (ExprPtr bottom = product_of(p.den))
        value = div(value, bottom);
    return value;
}

class Factoriser {
public:
    explicit Factoriser(const KnownValues& known) : known_(known) {}

    Product factor(const ExprPtr& e, int depth = 0) {
        if (depth > max_depth)
            return leaf(e);
        if (auto* c = e->as<Constant>())
            return Product{c->value, {}, {}};
        if (auto* u = e->as<Unary>(); u && u->op == UnaryOp::Neg) {
            Product p = factor(u->operand, depth + 1);
            p.coefficient = -p.coefficient;
            return p;
        }
        if (auto* r = e->as<VarRef>())
            return through_known(e, r->var, depth);
        auto* b = e->as<Binary>();
        if (!b)
            return leaf(e);
        switch (b->op) {
        case BinaryOp::Mul: {
            Product l = factor(b->lhs, depth + 1), r = factor(b->rhs, depth + 1);
            l.coefficient *= r.coefficient;
            append(l.num, r.num);
            append(l.den, r.den);
            return l;
        }
        case BinaryOp::Div: {
            Product l = factor(b->lhs, depth + 1), r = factor(b->rhs, depth + 1);
            if (r.coefficient == 0 || !std::isfinite(r.coefficient))
                return leaf(e);
            l.coefficient /= r.coefficient;
            append(l.num, r.den);
            append(l.den, r.num);
            return l;
        }
        case BinaryOp::Add:
        case BinaryOp::Sub: return sum(e, depth);
        default: return leaf(e);
        }
    }

private:
    static constexpr int max_depth = 64;

    // A variable with a known product value stands for that product; one whose value has no
    // factors to offer stays itself (so the rebuilt quotient reads the variable, not a copy).
    Product through_known(const ExprPtr& e, const Var& v, int depth) {
        auto it = known_.find(v);
        if (it == known_.end())
            return leaf(e);
        Product p = factor(it->second, depth + 1);
        bool opaque = p.coefficient == 1 && p.den.empty() && p.num.size() == 1 &&
                      p.num[0] == it->second;
        return opaque ? leaf(e) : p;
    }

    void terms(const ExprPtr& e, bool negated, std::vector<std::pair<ExprPtr, bool>>& out) {
        if (auto* b = e->as<Binary>(); b && (b->op == BinaryOp::Add || b->op == BinaryOp::Sub)) {
            terms(b->lhs, negated, out);
            terms(b->rhs, b->op == BinaryOp::Sub ? !negated : negated, out);
            return;
        }
        out.emplace_back(e, negated);
    }

    // A sum whose terms all share factors f: f · (sum of the rest). A common sign comes out too
    // when every term is negative, so −f·a − f·b gives −f·(a + b).
    Product sum(const ExprPtr& e, int depth) {
        std::vector<std::pair<ExprPtr, bool>> written;
        terms(e, false, written);
        std::vector<Product> parts;
        for (const auto& [t, negated] : written) {
            parts.push_back(factor(t, depth + 1));
            if (negated)
                parts.back().coefficient = -parts.back().coefficient;
        }
        std::vector<std::vector<ExprPtr>*> nums, dens;
        for (auto& p : parts) {
            nums.push_back(&p.num);
            dens.push_back(&p.den);
        }
        Product common;
        common.num = common_to_all(nums);
        common.den = common_to_all(dens);
        if (common.bare())
            return leaf(e);
        bool all_negative = true;
        for (const auto& p : parts)
            all_negative = all_negative && p.coefficient < 0;
        if (all_negative) {
            common.coefficient = -1;
            for (auto& p : parts)
                p.coefficient = -p.coefficient;
        }
        ExprPtr rest;
        for (const auto& p : parts) {
            if (!rest) {
                rest = build(p);
            } else if (p.coefficient < 0) {
                Product positive = p;
                positive.coefficient = -p.coefficient;
                rest = sub(rest, build(positive));
            } else {
                rest = add(rest, build(p));
            }
        }
        rest = simplify(rest, Level::Algebraic);
        if (auto* c = constant_value(rest))
            common.coefficient *= *c;
        else
            common.num.push_back(rest);
        return common;
    }

    const KnownValues& known_;
};

} // namespace

ExprPtr cancel_common_factors(const ExprPtr& numerator, const ExprPtr& denominator,
                              const KnownValues& known) {
    Factoriser factoriser(known);
    Product n = factoriser.factor(numerator);
    Product d = factoriser.factor(denominator);
    if (d.coefficient == 0 || !std::isfinite(d.coefficient))
        return nullptr;
    auto up = take_shared(n.num, d.num);
    auto down = take_shared(n.den, d.den);
    if (up.empty() && down.empty())
        return nullptr;
    Product q;
    q.coefficient = n.coefficient / d.coefficient;
    q.num = n.num;
    append(q.num, d.den);
    q.den = n.den;
    append(q.den, d.num);
    return simplify(build(q), Level::Algebraic);
}

} // namespace mech::passes::symbolic
