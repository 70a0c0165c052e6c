// Walks a kernel body once to find the statements that constrain loop vectorisation.
#include "codegen/kernel_traits.hpp"

#include "ir/visitor.hpp"

#include <map>
#include <set>

namespace mech::codegen {

namespace {

class TraitFinder : public ir::Visitor {
public:
    KernelTraits traits;

    void on(const ir::VarRef& e) override {
        if (e.var.kind == ir::VarKind::WeightArg || e.var.kind == ir::VarKind::Flag) {
            traits.reads_weight = true;
        }
        // area and diam are per node (density mechanisms read them through node_index).
        if (e.var.kind == ir::VarKind::Voltage || e.var.kind == ir::VarKind::Area ||
            e.var.kind == ir::VarKind::Diam) {
            traits.indexes_nodes = true;
        }
        if (e.var.kind == ir::VarKind::Ion) {
            traits.indexed_ions.insert(e.var.index);
        }
    }
    void on(const ir::Store& s) override {
        if (s.target.kind == ir::VarKind::Global) {
            traits.stores_global = true;
        }
        if (s.target.kind == ir::VarKind::Ion) {
            traits.scatters = true;
            traits.indexed_ions.insert(s.target.index);
        }
        ir::Visitor::on(s);
    }
    void on(const ir::AccumulateCurrent& s) override {
        traits.scatters = true;
        if (s.ion < 0) {
            traits.indexes_nodes = true;
        } else {
            traits.indexed_ions.insert(s.ion);
        }
        ir::Visitor::on(s);
    }
    void on(const ir::NetSend& s) override {
        traits.calls_runtime = true;
        ir::Visitor::on(s);
    }
    void on(const ir::NetEvent& s) override {
        traits.calls_runtime = true;
        ir::Visitor::on(s);
    }
    void on(const ir::NetMove& s) override {
        traits.calls_runtime = true;
        ir::Visitor::on(s);
    }
};

// Locals assigned (how often) and globals stored anywhere in a body.
struct Writes : ir::Visitor {
    std::map<int, int> assignments;
    std::set<int> globals;
    void on(const ir::AssignLocal& s) override {
        ++assignments[s.local];
        ir::Visitor::on(s);
    }
    void on(const ir::Store& s) override {
        if (s.target.kind == ir::VarKind::Local) {
            ++assignments[s.target.index];
        }
        if (s.target.kind == ir::VarKind::Global) {
            globals.insert(s.target.index);
        }
        ir::Visitor::on(s);
    }
};

bool invariant(const ir::ExprPtr& e, const std::set<int>& locals, const std::set<int>& globals) {
    auto all = [&](const auto&... parts) { return (invariant(parts, locals, globals) && ...); };
    if (e->is<ir::Constant>()) {
        return true;
    }
    if (const auto* r = e->as<ir::VarRef>()) {
        switch (r->var.kind) {
        case ir::VarKind::Time:
        case ir::VarKind::Dt:
        case ir::VarKind::Celsius:
            return true;
        case ir::VarKind::Area:
        case ir::VarKind::Diam:
            return false; // per node
        case ir::VarKind::Global:
            return globals.count(r->var.index) == 0;
        case ir::VarKind::Local:
            return locals.count(r->var.index) != 0;
        default:
            return false;
        }
    }
    if (const auto* u = e->as<ir::Unary>()) {
        return all(u->operand);
    }
    if (const auto* b = e->as<ir::Binary>()) {
        return all(b->lhs, b->rhs);
    }
    if (const auto* s = e->as<ir::Select>()) {
        return all(s->cond, s->if_true, s->if_false);
    }
    if (const auto* c = e->as<ir::Call>()) {
        for (const auto& a : c->args) {
            if (!all(a)) {
                return false;
            }
        }
        return true;
    }
    return false;
}

} // namespace

std::size_t invariant_prefix(const ir::Kernel& kernel) {
    Writes writes;
    writes.visit(kernel.body);
    std::set<int> locals;
    std::size_t n = 0;
    for (const auto& s : kernel.body) {
        const auto* assign = s->as<ir::AssignLocal>();
        if (!assign || writes.assignments[assign->local] != 1 ||
            !invariant(assign->value, locals, writes.globals)) {
            break;
        }
        locals.insert(assign->local);
        ++n;
    }
    return n;
}

KernelTraits traits_of(const ir::Kernel& kernel) {
    TraitFinder finder;
    finder.visit(kernel.body);
    return finder.traits;
}

bool loop_is_parallel(const KernelTraits& traits, ir::Kind kind) {
    if (traits.stores_global || traits.calls_runtime) {
        return false;
    }
    return kind != ir::Kind::Point || !traits.scatters;
}

} // namespace mech::codegen
