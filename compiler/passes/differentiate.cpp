// differentiate: dI/dv for each AccumulateCurrent of compute_currents.
#include "passes/differentiate.hpp"

#include "ir/build.hpp"
#include "ir/visitor.hpp"
#include "passes/symbolic/derivative.hpp"
#include "passes/symbolic/simplify.hpp"

#include <fmt/format.h>

namespace mech::passes {

using namespace ir;
namespace sym = symbolic;

namespace {

constexpr double kStep = 0.001; // mV, NEURON's step for the numerical conductance

// Forward-mode differentiation through a straight-line body; false if it is not possible.
bool differentiate_symbolically(Kernel& kernel, const Mechanism& m) {
    for (const auto& s : kernel.body)
        if (s->is<If>() || s->is<While>())
            return false;
    sym::KnownDerivatives known;
    Block out;
    Var v = Var::special(VarKind::Voltage);
    auto track = [&](Var target, const ExprPtr& value, const std::string& name) {
        auto d = sym::derivative(value, v, known);
        if (!d)
            return false;
        if (d->is<Constant>() || d->is<VarRef>()) {
            known[target] = d;
        } else {
            int k = kernel.add_local("d" + name + "_dv");
            out.push_back(AssignLocal::make(k, d));
            known[target] = local(k);
        }
        return true;
    };
    for (const auto& s : kernel.body) {
        out.push_back(s);
        if (auto* a = s->as<AssignLocal>()) {
            if (!track(Var::local(a->local), a->value, kernel.locals[a->local]))
                return false;
        } else if (auto* st = s->as<Store>()) {
            if (st->accumulate) {
                known.erase(st->target); // += of a v-dependent value: not tracked
                if (sym::derivative(st->value, v, known) &&
                    !sym::is_constant(sym::derivative(st->value, v, known), 0))
                    return false;
            } else if (!track(st->target, st->value, st->target.kind == VarKind::Field ? m.fields[st->target.index].name
                                                                    : std::string("store"))) {
                return false;
            }
        } else if (auto* c = s->as<AccumulateCurrent>()) {
            auto g = sym::derivative(c->current, v, known);
            if (!g)
                return false;
            out.back() = AccumulateCurrent::make(c->ion, c->electrode, c->current, g, c->loc);
        }
    }
    kernel.body = std::move(out);
    return true;
}

// The body with v -> v + 0.001 and every local renamed; currents go to new locals.
class ShiftedCopy : public Mutator {
public:
    explicit ShiftedCopy(Kernel& kernel) : kernel_(kernel) {}
    std::vector<int> current_locals;
    using Mutator::on;

    ExprPtr on(const ExprPtr& self, const VarRef& r) override {
        if (r.var.kind == VarKind::Voltage)
            return add(self, num(kStep));
        if (r.var.kind == VarKind::Local)
            return local(rename(r.var.index));
        return self;
    }
    Block on(const StmtPtr&, const AssignLocal& a) override {
        auto value = mutate(a.value);
        return {AssignLocal::make(rename(a.local), value)};
    }
    Block on(const StmtPtr& self, const Store& s) override {
        if (s.accumulate)
            return {}; // would count twice
        return Mutator::on(self, s);
    }
    Block on(const StmtPtr&, const AccumulateCurrent& c) override {
        int k = kernel_.add_local(fmt::format("i{}_shifted", current_locals.size()));
        current_locals.push_back(k);
        return {AssignLocal::make(k, mutate(c.current))};
    }
    Block on(const StmtPtr&, const NetSend&) override { return {}; }
    Block on(const StmtPtr&, const NetEvent&) override { return {}; }

private:
    int rename(int k) {
        auto it = renamed_.find(k);
        if (it != renamed_.end())
            return it->second;
        int fresh = kernel_.add_local(kernel_.locals[k] + "_shifted");
        renamed_[k] = fresh;
        return fresh;
    }
    Kernel& kernel_;
    std::map<int, int> renamed_;
};

// Finite differences of each current, in the order the currents are accumulated.
class FiniteDifference : public Mutator {
public:
    FiniteDifference(Kernel& kernel, std::vector<int> shifted)
        : kernel_(kernel), shifted_(std::move(shifted)) {}
    using Mutator::on;
    Block on(const StmtPtr&, const AccumulateCurrent& c) override {
        int k = kernel_.add_local(fmt::format("i{}", next_));
        auto i = local(k);
        auto g = div(sub(local(shifted_[next_++]), i), num(kStep));
        return {AssignLocal::make(k, c.current), AccumulateCurrent::make(c.ion, c.electrode, i, g, c.loc)};
    }

private:
    Kernel& kernel_;
    std::vector<int> shifted_;
    size_t next_ = 0;
};

void differentiate_numerically(Kernel& kernel) {
    ShiftedCopy copy(kernel);
    Block shifted = copy.mutate(kernel.body);
    FiniteDifference fd(kernel, copy.current_locals);
    Block at_v = fd.mutate(kernel.body);
    shifted.insert(shifted.end(), at_v.begin(), at_v.end());
    kernel.body = std::move(shifted);
}

} // namespace

void differentiate(Mechanism& mechanism, ConductanceMethod method, bool verbose,
                   diag::DiagnosticEngine& diags) {
    Kernel& kernel = mechanism.compute_currents;
    if (kernel.empty())
        return;
    if (method == ConductanceMethod::Symbolic) {
        Kernel trial = kernel;
        if (differentiate_symbolically(trial, mechanism)) {
            kernel = std::move(trial);
            return;
        }
        if (verbose)
            diags.note({}, fmt::format("the currents of '{}' are not differentiable symbolically "
                                       "(IF/WHILE in BREAKPOINT or fmod): using NEURON's finite "
                                       "difference (i(v+0.001) - i(v))/0.001 for dI/dv",
                                       mechanism.name));
    }
    differentiate_numerically(kernel);
}

} // namespace mech::passes
