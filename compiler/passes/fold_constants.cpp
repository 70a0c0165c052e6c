// fold_constants: exact simplification plus propagation of literal locals.
#include "passes/fold_constants.hpp"

#include "ir/build.hpp"
#include "ir/visitor.hpp"
#include "passes/symbolic/simplify.hpp"

#include <map>

namespace mech::passes {

using namespace ir;
namespace sym = symbolic;

namespace {

class Folder : public Mutator {
public:
    explicit Folder(std::map<int, double> literals) : literals_(std::move(literals)) {}
    using Mutator::on;
    ExprPtr on(const ExprPtr& self, const VarRef& r) override {
        if (r.var.kind == VarKind::Local) {
            auto it = literals_.find(r.var.index);
            if (it != literals_.end())
                return num(it->second);
        }
        return self;
    }
    ExprPtr fold(const ExprPtr& e) { return sym::simplify(mutate(e), sym::Level::Exact); }

    Block on(const StmtPtr& self, const AssignLocal& s) override {
        auto v = fold(s.value);
        return {v == s.value ? self : AssignLocal::make(s.local, v)};
    }
    Block on(const StmtPtr& self, const Store& s) override {
        auto v = fold(s.value);
        return {v == s.value ? self : Store::make(s.target, v, s.accumulate, s.loc)};
    }
    Block on(const StmtPtr& self, const AccumulateCurrent& s) override {
        auto i = fold(s.current);
        auto g = s.conductance ? fold(s.conductance) : nullptr;
        if (i == s.current && g == s.conductance)
            return {self};
        return {AccumulateCurrent::make(s.ion, s.electrode, i, g, s.loc)};
    }
    Block on(const StmtPtr& self, const If& s) override {
        auto c = fold(s.cond);
        auto a = mutate(s.then_body);
        auto b = mutate(s.else_body);
        if (c == s.cond && same_block(a, s.then_body) && same_block(b, s.else_body))
            return {self};
        return {If::make(c, std::move(a), std::move(b))};
    }
    Block on(const StmtPtr& self, const NetSend& s) override {
        auto d = fold(s.delay);
        auto f = fold(s.flag);
        return {(d == s.delay && f == s.flag) ? self : NetSend::make(d, f)};
    }
    Block on(const StmtPtr& self, const Derivative& s) override {
        auto r = fold(s.rhs);
        return {r == s.rhs ? self : Derivative::make(s.state, r)};
    }

private:
    std::map<int, double> literals_;
};

// Locals assigned exactly once, at the top level, to a literal.
std::map<int, double> literal_locals(const Kernel& kernel) {
    std::map<int, int> assignments;
    struct Counter : Visitor {
        std::map<int, int>& n;
        explicit Counter(std::map<int, int>& m) : n(m) {}
        void on(const AssignLocal& a) override {
            ++n[a.local];
            Visitor::on(a);
        }
    } counter(assignments);
    counter.visit(kernel.body);
    std::map<int, double> out;
    for (const auto& s : kernel.body)
        if (auto* a = s->as<AssignLocal>())
            if (auto* c = sym::constant_value(sym::simplify(a->value, sym::Level::Exact));
                c && assignments[a->local] == 1)
                out[a->local] = *c;
    return out;
}

} // namespace

void fold_constants(Mechanism& mechanism) {
    for (Kernel* kernel : mechanism.kernels()) {
        // Two rounds: folding can turn a local's value into a literal.
        for (int round = 0; round < 2; ++round) {
            Folder folder(literal_locals(*kernel));
            kernel->body = folder.mutate(kernel->body);
        }
    }
}

} // namespace mech::passes
