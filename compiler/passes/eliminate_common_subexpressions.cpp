// eliminate_common_subexpressions: repeatedly hoist the largest repeated subexpression of a
// block into a local, checking that nothing it reads changes between its uses.
#include "passes/eliminate_common_subexpressions.hpp"

#include "ir/build.hpp"
#include "ir/visitor.hpp"

#include <fmt/format.h>

#include <cstring>
#include <functional>
#include <set>
#include <unordered_map>

namespace mech::passes {

using namespace ir;

namespace {

size_t hash_of(const ExprPtr& e) {
    size_t h = e->node().index() * 0x9e3779b97f4a7c15ull;
    auto mix = [&h](size_t v) { h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2); };
    if (auto* c = e->as<Constant>()) {
        std::uint64_t bits;
        std::memcpy(&bits, &c->value, sizeof bits);
        mix(bits);
    } else if (auto* r = e->as<VarRef>()) {
        mix(static_cast<size_t>(r->var.kind) * 1000003u + r->var.index * 31u +
            static_cast<size_t>(r->var.ion_quantity));
    } else if (auto* u = e->as<Unary>()) {
        mix(static_cast<size_t>(u->op));
        mix(hash_of(u->operand));
    } else if (auto* b = e->as<Binary>()) {
        mix(static_cast<size_t>(b->op));
        mix(hash_of(b->lhs));
        mix(hash_of(b->rhs));
    } else if (auto* c = e->as<Call>()) {
        mix(static_cast<size_t>(c->fn));
        for (const auto& a : c->args)
            mix(hash_of(a));
    } else if (auto* s = e->as<Select>()) {
        mix(hash_of(s->cond));
        mix(hash_of(s->if_true));
        mix(hash_of(s->if_false));
    }
    return h;
}

size_t size_of(const ExprPtr& e) {
    struct Counter : Visitor {
        size_t n = 0;
        void on(const Constant&) override { ++n; }
        void on(const VarRef&) override { ++n; }
        void on(const Unary& u) override { ++n, Visitor::on(u); }
        void on(const Binary& b) override { ++n, Visitor::on(b); }
        void on(const Call& c) override { ++n, Visitor::on(c); }
        void on(const Select& s) override { ++n, Visitor::on(s); }
    } counter;
    counter.visit(e);
    return counter.n;
}

bool worth_hoisting(const ExprPtr& e) {
    if (e->type() != Type::Double || e->is<Constant>() || e->is<VarRef>())
        return false;
    if (auto* u = e->as<Unary>())
        return !(u->operand->is<Constant>() || u->operand->is<VarRef>());
    return true;
}

// Expressions a statement evaluates once, before any write it makes.
std::vector<ExprPtr> top_expressions(const StmtPtr& s) {
    if (auto* a = s->as<AssignLocal>())
        return {a->value};
    if (auto* st = s->as<Store>())
        return {st->value};
    if (auto* c = s->as<AccumulateCurrent>())
        return c->conductance ? std::vector<ExprPtr>{c->current, c->conductance}
                              : std::vector<ExprPtr>{c->current};
    if (auto* n = s->as<NetSend>())
        return {n->delay, n->flag};
    if (auto* n = s->as<NetEvent>())
        return {n->time};
    if (auto* i = s->as<If>())
        return {i->cond};
    return {}; // While conditions are evaluated repeatedly; Solve content is not final yet
}

std::set<Var> writes_of(const StmtPtr& s) {
    struct Writer : Visitor {
        std::set<Var> w;
        void on(const AssignLocal& a) override { w.insert(Var::local(a.local)); }
        void on(const Store& s) override { w.insert(s.target); }
        void on(const Derivative& d) override { w.insert(Var::field(d.state)); }
    } writer;
    writer.visit(s);
    return std::move(writer.w);
}

std::set<Var> reads_of(const ExprPtr& e) {
    struct Reader : Visitor {
        std::set<Var> r;
        void on(const VarRef& v) override { r.insert(v.var); }
    } reader;
    reader.visit(e);
    return std::move(reader.r);
}

struct Group {
    ExprPtr expr;
    size_t first = 0, last = 0, count = 0;
};

class Replacer : public Mutator {
public:
    Replacer(const ExprPtr& target, ExprPtr with) : target_(target), with_(std::move(with)) {}
    using Mutator::on;
    ExprPtr replace(const ExprPtr& e) { return equal(e, target_) ? with_ : mutate(e); }
    ExprPtr on(const ExprPtr& self, const Unary& u) override {
        return equal(self, target_) ? with_ : Mutator::on(self, u);
    }
    ExprPtr on(const ExprPtr& self, const Binary& b) override {
        return equal(self, target_) ? with_ : Mutator::on(self, b);
    }
    ExprPtr on(const ExprPtr& self, const Call& c) override {
        return equal(self, target_) ? with_ : Mutator::on(self, c);
    }
    ExprPtr on(const ExprPtr& self, const Select& s) override {
        return equal(self, target_) ? with_ : Mutator::on(self, s);
    }
    // Only the statement's own expressions; nested blocks were handled on their own.
    Block on(const StmtPtr& self, const If& s) override {
        auto c = mutate(s.cond);
        return {c == s.cond ? self : If::make(c, s.then_body, s.else_body)};
    }
    Block on(const StmtPtr& self, const While&) override { return {self}; }
    Block on(const StmtPtr& self, const Solve&) override { return {self}; }

private:
    const ExprPtr& target_;
    ExprPtr with_;
};

class Eliminator {
public:
    explicit Eliminator(Kernel& kernel) : kernel_(kernel) {}

    Block run(Block block) {
        for (auto& s : block)
            s = recurse(s);
        for (int round = 0; round < 1000 && hoist_one(block); ++round) {
        }
        return block;
    }

private:
    StmtPtr recurse(const StmtPtr& s) {
        if (auto* i = s->as<If>())
            return If::make(i->cond, run(i->then_body), run(i->else_body));
        if (auto* w = s->as<While>())
            return While::make(w->cond, run(w->body));
        return s;
    }

    bool hoist_one(Block& block) {
        std::unordered_multimap<size_t, size_t> index; // hash -> group
        std::vector<Group> groups;
        for (size_t n = 0; n < block.size(); ++n) {
            for (const auto& top : top_expressions(block[n])) {
                struct Collector : Visitor {
                    std::function<void(const ExprPtr&)> see;
                    void visit_expr(const ExprPtr& e) {
                        see(e);
                        visit(e);
                    }
                    void on(const Unary& u) override { visit_expr(u.operand); }
                    void on(const Binary& b) override {
                        visit_expr(b.lhs);
                        visit_expr(b.rhs);
                    }
                    void on(const Call& c) override {
                        for (const auto& a : c.args)
                            visit_expr(a);
                    }
                    void on(const Select& s) override {
                        visit_expr(s.cond);
                        visit_expr(s.if_true);
                        visit_expr(s.if_false);
                    }
                } collector;
                collector.see = [&](const ExprPtr& e) {
                    if (!worth_hoisting(e))
                        return;
                    size_t h = hash_of(e);
                    auto range = index.equal_range(h);
                    for (auto it = range.first; it != range.second; ++it) {
                        Group& g = groups[it->second];
                        if (equal(g.expr, e)) {
                            g.last = n;
                            ++g.count;
                            return;
                        }
                    }
                    index.emplace(h, groups.size());
                    groups.push_back({e, n, n, 1});
                };
                collector.visit_expr(top);
            }
        }
        const Group* best = nullptr;
        size_t best_size = 0;
        for (const auto& g : groups) {
            if (g.count < 2)
                continue;
            size_t sz = size_of(g.expr);
            if (sz <= best_size || !stable(block, g))
                continue;
            best = &g;
            best_size = sz;
        }
        if (!best)
            return false;
        int k = kernel_.add_local(fmt::format("cse{}", counter_++));
        Replacer replacer(best->expr, local(k));
        Block out(block.begin(), block.begin() + best->first);
        out.push_back(AssignLocal::make(k, best->expr));
        for (size_t n = best->first; n < block.size(); ++n) {
            if (n > best->last) {
                out.push_back(block[n]);
                continue;
            }
            for (auto& r : replacer.mutate(block[n]))
                out.push_back(r);
        }
        block = std::move(out);
        return true;
    }

    // Nothing the expression reads is written in statements [first, last).
    bool stable(const Block& block, const Group& g) const {
        auto reads = reads_of(g.expr);
        for (size_t n = g.first; n < g.last; ++n)
            for (const auto& w : writes_of(block[n]))
                if (reads.count(w))
                    return false;
        return true;
    }

    Kernel& kernel_;
    int counter_ = 0;
};

} // namespace

void eliminate_common_subexpressions(Mechanism& mechanism) {
    for (Kernel* kernel : mechanism.kernels()) {
        Eliminator eliminator(*kernel);
        kernel->body = eliminator.run(kernel->body);
    }
}

} // namespace mech::passes
