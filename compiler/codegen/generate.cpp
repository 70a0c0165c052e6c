// The codegen entry point: each mechanism's kernels and tables into one module, then
// `mech_catalogue`; every failure becomes a diagnostic, never an LLVM assertion.
#include "codegen/generate.hpp"

#include "codegen/emit_metadata.hpp"
#include "codegen/kernel_emitter.hpp"

#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include <set>

namespace mech::codegen {

MechanismTables tables_of(const ir::Mechanism& mechanism) {
    MechanismTables tables;
    tables.name = mechanism.name;
    tables.kind = static_cast<mech_kind>(mechanism.kind);
    tables.has_electrode_current = mechanism.has_electrode_current;
    for (const auto& f : mechanism.fields) {
        tables.fields.push_back({f.name, f.units, f.default_value, f.lower_limit, f.upper_limit,
                                 static_cast<mech_field_role>(f.role)});
    }
    for (const auto& g : mechanism.globals) {
        tables.globals.push_back({g.name, g.units, g.default_value});
    }
    for (const auto& ion : mechanism.ions) {
        tables.ions.push_back({ion.name, ion.valence, ion.reads, ion.writes});
    }
    tables.n_net_receive_args = static_cast<int32_t>(mechanism.net_receive_args.size());
    return tables;
}

namespace {

KernelFunctions emit_kernels(llvm::Module& module, const ir::Mechanism& mechanism) {
    KernelEmitter emitter(module, mechanism);
    const std::string prefix = "mech." + mechanism.name + ".";
    KernelFunctions kernels;
    // init always exists: the runtime calls it even when the mechanism has nothing to set.
    kernels.init = emitter.emit(mechanism.init, KernelShape::Loop, prefix + "init");
    if (!mechanism.compute_currents.empty()) {
        kernels.compute_currents = emitter.emit(mechanism.compute_currents, KernelShape::Loop,
                                                prefix + "compute_currents");
    }
    if (!mechanism.advance_state.empty()) {
        kernels.advance_state =
            emitter.emit(mechanism.advance_state, KernelShape::Loop, prefix + "advance_state");
    }
    if (!mechanism.net_receive.empty()) {
        kernels.net_receive =
            emitter.emit(mechanism.net_receive, KernelShape::NetReceive, prefix + "net_receive");
    }
    if (!mechanism.check_watch.empty()) {
        kernels.check_watch =
            emitter.emit(mechanism.check_watch, KernelShape::Loop, prefix + "check_watch");
    }
    if (!mechanism.net_receive_init.empty()) {
        kernels.net_receive_init = emitter.emit(
            mechanism.net_receive_init, KernelShape::NetReceiveInit, prefix + "net_receive_init");
    }
    return kernels;
}

} // namespace

std::unique_ptr<llvm::Module> generate(const std::vector<ir::Mechanism>& mechanisms,
                                       llvm::LLVMContext& context, diag::DiagnosticEngine& diags,
                                       std::span<const diag::SourceRange> declared_at) {
    auto module = std::make_unique<llvm::Module>("mech", context);
    std::vector<llvm::GlobalVariable*> globals;
    std::set<std::string> names;
    bool failed = false;
    for (std::size_t k = 0; k < mechanisms.size(); ++k) {
        const auto& mechanism = mechanisms[k];
        const diag::SourceRange where =
            k < declared_at.size() && declared_at[k].valid() ? declared_at[k] : mechanism.loc;
        if (!names.insert(mechanism.name).second) {
            diags.error(where,
                        "two mechanisms named '" + mechanism.name +
                            "' in one catalogue; each SUFFIX/POINT_PROCESS name must be unique");
            failed = true;
            continue;
        }
        try {
            auto kernels = emit_kernels(*module, mechanism);
            globals.push_back(emit_mechanism(*module, tables_of(mechanism), kernels));
        } catch (const EmitError& e) {
            const diag::SourceRange range = e.where ? *e.where : diag::SourceRange{};
            const std::string message =
                "cannot compile mechanism '" + mechanism.name + "': " + e.message;
            if (e.internal) {
                diags.internal_error(range.valid() ? range : where, message);
            } else {
                diags.error(range.valid() ? range : where, message);
            }
            failed = true;
        }
    }
    if (failed) {
        return nullptr;
    }
    emit_catalogue(*module, globals);

    std::string problems;
    llvm::raw_string_ostream out(problems);
    if (llvm::verifyModule(*module, &out)) {
        diags.internal_error(declared_at.empty() ? diag::SourceRange{} : declared_at.front(),
                             "the generated LLVM module is invalid: " + problems);
        return nullptr;
    }
    return module;
}

} // namespace mech::codegen
