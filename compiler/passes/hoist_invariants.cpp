// hoist_invariants: instance-invariant assignments and operations to the front of each kernel.
#include "passes/hoist_invariants.hpp"

#include "ir/visitor.hpp"

#include <map>
#include <set>
#include <string>

namespace mech::passes {

using namespace ir;

namespace {

// What the whole kernel writes: how often each local is assigned, and which globals it stores.
struct Writes : Visitor {
    std::map<int, int> assignments;
    std::set<int> globals;
    void on(const AssignLocal& s) override {
        ++assignments[s.local];
        Visitor::on(s);
    }
    void on(const Store& s) override {
        if (s.target.kind == VarKind::Local)
            ++assignments[s.target.index];
        if (s.target.kind == VarKind::Global)
            globals.insert(s.target.index);
        Visitor::on(s);
    }
};

// Every local a statement reads or assigns.
struct LocalsTouched : Visitor {
    std::set<int>& into;
    explicit LocalsTouched(std::set<int>& set) : into(set) {}
    void on(const VarRef& r) override {
        if (r.var.kind == VarKind::Local)
            into.insert(r.var.index);
    }
    void on(const AssignLocal& s) override {
        into.insert(s.local);
        Visitor::on(s);
    }
    void on(const Store& s) override {
        if (s.target.kind == VarKind::Local)
            into.insert(s.target.index);
        Visitor::on(s);
    }
};

class Invariance {
public:
    explicit Invariance(std::set<int> stored_globals) : stored_globals_(std::move(stored_globals)) {}
    std::set<int> locals; // locals already computed before the loop

    bool operator()(const ExprPtr& e) const {
        if (e->is<Constant>())
            return true;
        if (const auto* r = e->as<VarRef>()) {
            switch (r->var.kind) {
            case VarKind::Time:
            case VarKind::Dt:
            case VarKind::Celsius:
                return true;
            case VarKind::Area:
            case VarKind::Diam:
                return false; // per node: differs from instance to instance
            case VarKind::Global:
                return !stored_globals_.count(r->var.index);
            case VarKind::Local:
                return locals.count(r->var.index) != 0;
            default:
                return false;
            }
        }
        if (const auto* u = e->as<Unary>())
            return (*this)(u->operand);
        if (const auto* b = e->as<Binary>())
            return (*this)(b->lhs) && (*this)(b->rhs);
        if (const auto* s = e->as<Select>())
            return (*this)(s->cond) && (*this)(s->if_true) && (*this)(s->if_false);
        if (const auto* c = e->as<Call>()) {
            for (const auto& a : c->args)
                if (!(*this)(a))
                    return false;
            return true;
        }
        return false;
    }

private:
    std::set<int> stored_globals_;
};

// Replaces each largest invariant numeric operation by a new local assigned at the front
// (one local per distinct expression).
class Extractor : public Mutator {
public:
    Extractor(Kernel& kernel, Invariance& invariant, Block& front)
        : kernel_(kernel), invariant_(invariant), front_(front) {}
    using Mutator::on;
    ExprPtr on(const ExprPtr& self, const Unary& e) override {
        return extract(self) ? replacement_ : Mutator::on(self, e);
    }
    ExprPtr on(const ExprPtr& self, const Binary& e) override {
        return extract(self) ? replacement_ : Mutator::on(self, e);
    }
    ExprPtr on(const ExprPtr& self, const Call& e) override {
        return extract(self) ? replacement_ : Mutator::on(self, e);
    }
    ExprPtr on(const ExprPtr& self, const Select& e) override {
        return extract(self) ? replacement_ : Mutator::on(self, e);
    }

private:
    bool extract(const ExprPtr& e) {
        // A condition stays where it is: locals hold numbers.
        if (e->type() != Type::Double || !invariant_(e))
            return false;
        for (const auto& [expr, local] : extracted_) {
            if (equal(expr, e)) {
                replacement_ = VarRef::make(Var::local(local));
                return true;
            }
        }
        int local = kernel_.add_local("inv" + std::to_string(extracted_.size()));
        extracted_.emplace_back(e, local);
        front_.push_back(AssignLocal::make(local, e));
        invariant_.locals.insert(local);
        replacement_ = VarRef::make(Var::local(local));
        return true;
    }

    Kernel& kernel_;
    Invariance& invariant_;
    Block& front_;
    std::vector<std::pair<ExprPtr, int>> extracted_;
    ExprPtr replacement_;
};

void hoist(Kernel& kernel) {
    Writes writes;
    writes.visit(kernel.body);
    Invariance invariant(writes.globals);

    Block front, rest;
    std::set<int> touched; // locals read or written by statements that stay in place
    for (const auto& s : kernel.body) {
        const auto* assign = s->as<AssignLocal>();
        if (assign && writes.assignments[assign->local] == 1 && !touched.count(assign->local) &&
            invariant(assign->value)) {
            front.push_back(s);
            invariant.locals.insert(assign->local);
            continue;
        }
        LocalsTouched into(touched);
        into.visit(s);
        rest.push_back(s);
    }
    Extractor extractor(kernel, invariant, front);
    Block tail;
    for (const auto& s : rest) {
        for (auto& replaced : extractor.mutate(s))
            tail.push_back(replaced);
    }
    front.insert(front.end(), tail.begin(), tail.end());
    kernel.body = std::move(front);
}

} // namespace

void hoist_invariants(Mechanism& mechanism) {
    // NET_RECEIVE kernels run for one instance: nothing to gain.
    for (Kernel* kernel :
         {&mechanism.init, &mechanism.compute_currents, &mechanism.advance_state,
          &mechanism.check_watch}) {
        hoist(*kernel);
    }
}

} // namespace mech::passes
