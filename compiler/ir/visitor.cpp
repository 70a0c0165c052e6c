// Default traversal of the visitor and the mutator: children first, sharing kept where unchanged.
#include "ir/visitor.hpp"

namespace mech::ir {

void Visitor::visit(const ExprPtr& e) {
    if (e)
        std::visit([this](const auto& node) { on(node); }, e->node());
}
void Visitor::visit(const StmtPtr& s) {
    std::visit([this](const auto& node) { on(node); }, s->node());
}
void Visitor::visit(const Block& b) {
    for (const auto& s : b)
        visit(s);
}

void Visitor::on(const Binary& e) {
    visit(e.lhs);
    visit(e.rhs);
}
void Visitor::on(const Call& e) {
    for (const auto& a : e.args)
        visit(a);
}
void Visitor::on(const Select& e) {
    visit(e.cond);
    visit(e.if_true);
    visit(e.if_false);
}
void Visitor::on(const If& s) {
    visit(s.cond);
    visit(s.then_body);
    visit(s.else_body);
}
void Visitor::on(const While& s) {
    visit(s.cond);
    visit(s.body);
}
void Visitor::on(const AccumulateCurrent& s) {
    visit(s.current);
    visit(s.conductance);
}
void Visitor::on(const NetSend& s) {
    visit(s.delay);
    visit(s.flag);
}
void Visitor::on(const Conserve& s) {
    for (const auto& c : s.coeffs)
        visit(c);
    visit(s.total);
}

bool same_block(const Block& a, const Block& b) {
    if (a.size() != b.size())
        return false;
    for (size_t n = 0; n < a.size(); ++n)
        if (a[n] != b[n])
            return false;
    return true;
}

ExprPtr Mutator::mutate(const ExprPtr& e) {
    if (!e)
        return e;
    return std::visit([&](const auto& node) { return on(e, node); }, e->node());
}

Block Mutator::mutate(const StmtPtr& s) {
    return std::visit([&](const auto& node) { return on(s, node); }, s->node());
}

Block Mutator::mutate(const Block& b) {
    Block out;
    out.reserve(b.size());
    for (const auto& s : b)
        for (auto& r : mutate(s))
            out.push_back(std::move(r));
    return out;
}

ExprPtr Mutator::on(const ExprPtr& self, const Unary& e) {
    auto a = mutate(e.operand);
    return a == e.operand ? self : Unary::make(e.op, a);
}
ExprPtr Mutator::on(const ExprPtr& self, const Binary& e) {
    auto a = mutate(e.lhs);
    auto b = mutate(e.rhs);
    return (a == e.lhs && b == e.rhs) ? self : Binary::make(e.op, a, b);
}
ExprPtr Mutator::on(const ExprPtr& self, const Call& e) {
    std::vector<ExprPtr> args;
    bool changed = false;
    for (const auto& a : e.args) {
        args.push_back(mutate(a));
        changed |= args.back() != a;
    }
    return changed ? Call::make(e.fn, std::move(args)) : self;
}
ExprPtr Mutator::on(const ExprPtr& self, const Select& e) {
    auto c = mutate(e.cond);
    auto a = mutate(e.if_true);
    auto b = mutate(e.if_false);
    return (c == e.cond && a == e.if_true && b == e.if_false) ? self : Select::make(c, a, b);
}

Block Mutator::on(const StmtPtr& self, const AssignLocal& s) {
    auto v = mutate(s.value);
    return {v == s.value ? self : AssignLocal::make(s.local, v)};
}
Block Mutator::on(const StmtPtr& self, const Store& s) {
    auto v = mutate(s.value);
    return {v == s.value ? self : Store::make(s.target, v, s.accumulate, s.loc)};
}
Block Mutator::on(const StmtPtr& self, const If& s) {
    auto c = mutate(s.cond);
    auto a = mutate(s.then_body);
    auto b = mutate(s.else_body);
    if (c == s.cond && same_block(a, s.then_body) && same_block(b, s.else_body))
        return {self};
    return {If::make(c, std::move(a), std::move(b))};
}
Block Mutator::on(const StmtPtr& self, const While& s) {
    auto c = mutate(s.cond);
    auto b = mutate(s.body);
    if (c == s.cond && same_block(b, s.body))
        return {self};
    return {While::make(c, std::move(b))};
}
Block Mutator::on(const StmtPtr& self, const AccumulateCurrent& s) {
    auto i = mutate(s.current);
    auto g = mutate(s.conductance);
    if (i == s.current && g == s.conductance)
        return {self};
    return {AccumulateCurrent::make(s.ion, s.electrode, i, g, s.loc)};
}
Block Mutator::on(const StmtPtr& self, const NetSend& s) {
    auto d = mutate(s.delay);
    auto f = mutate(s.flag);
    return {(d == s.delay && f == s.flag) ? self : NetSend::make(d, f)};
}
Block Mutator::on(const StmtPtr& self, const NetEvent& s) {
    auto t = mutate(s.time);
    return {t == s.time ? self : NetEvent::make(t)};
}
Block Mutator::on(const StmtPtr& self, const NetMove& s) {
    auto t = mutate(s.time);
    return {t == s.time ? self : NetMove::make(t)};
}
Block Mutator::on(const StmtPtr& self, const Derivative& s) {
    auto r = mutate(s.rhs);
    return {r == s.rhs ? self : Derivative::make(s.state, r)};
}
Block Mutator::on(const StmtPtr& self, const Conserve& s) {
    std::vector<ExprPtr> coeffs;
    bool changed = false;
    for (const auto& c : s.coeffs) {
        coeffs.push_back(mutate(c));
        changed |= coeffs.back() != c;
    }
    auto total = mutate(s.total);
    if (!changed && total == s.total)
        return {self};
    return {Conserve::make(s.states, std::move(coeffs), total)};
}
Block Mutator::on(const StmtPtr& self, const Solve& s) {
    auto b = mutate(s.body);
    return {same_block(b, s.body) ? self : Solve::make(s.method, s.block, std::move(b), s.loc,
                                                             s.steady_state)};
}

} // namespace mech::ir
