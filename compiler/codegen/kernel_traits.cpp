// Walks a kernel body once to find the statements that constrain loop vectorisation.
#include "codegen/kernel_traits.hpp"

#include "ir/visitor.hpp"

namespace mech::codegen {

namespace {

class TraitFinder : public ir::Visitor {
public:
    KernelTraits traits;

    void on(const ir::VarRef& e) override {
        if (e.var.kind == ir::VarKind::WeightArg || e.var.kind == ir::VarKind::Flag) {
            traits.reads_weight = true;
        }
    }
    void on(const ir::Store& s) override {
        if (s.target.kind == ir::VarKind::Global) {
            traits.stores_global = true;
        }
        if (s.target.kind == ir::VarKind::Ion) {
            traits.scatters = true;
        }
        ir::Visitor::on(s);
    }
    void on(const ir::AccumulateCurrent& s) override {
        traits.scatters = true;
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
};

} // namespace

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
