// Glue between codegen (IR -> LLVM module) and the JIT / AOT back halves, turning their
// failures (always compiler bugs by then) into internal-error diagnostics.
#include "jit/compile.hpp"

#include "codegen/generate.hpp"
#include "jit/aot.hpp"
#include "jit/pipeline.hpp"
#include "jit/target.hpp"

#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>

namespace mech::jit {

namespace {

diag::SourceRange first(std::span<const diag::SourceRange> declared_at) {
    return declared_at.empty() ? diag::SourceRange{} : declared_at.front();
}

} // namespace

std::unique_ptr<JitCatalogue> compile(const std::vector<ir::Mechanism>& mechanisms,
                                      diag::DiagnosticEngine& diags, const Options& options,
                                      std::span<const diag::SourceRange> declared_at,
                                      CompileTimings* timings) {
    auto context = std::make_unique<llvm::LLVMContext>();
    std::unique_ptr<llvm::Module> module;
    {
        StageTimer timer(timings ? &timings->codegen_ms : nullptr);
        module = codegen::generate(mechanisms, *context, diags, declared_at);
    }
    if (!module) {
        return nullptr;
    }
    std::string error;
    auto catalogue = jit_module(std::move(context), std::move(module), options, error, timings);
    if (!catalogue) {
        diags.internal_error(first(declared_at), "JIT compilation failed: " + error);
    }
    return catalogue;
}

std::string emit_llvm_ir(const std::vector<ir::Mechanism>& mechanisms,
                         diag::DiagnosticEngine& diags, const Options& options, bool optimised,
                         std::span<const diag::SourceRange> declared_at) {
    llvm::LLVMContext context;
    auto module = codegen::generate(mechanisms, context, diags, declared_at);
    if (!module) {
        return {};
    }
    if (optimised) {
        std::string error;
        auto builder = target_builder(options, error);
        if (!builder) {
            diags.internal_error(first(declared_at), "no target machine: " + error);
            return {};
        }
        auto target = builder->createTargetMachine();
        if (!target) {
            diags.internal_error(first(declared_at),
                                 "no target machine: " + llvm::toString(target.takeError()));
            return {};
        }
        optimise(*module, **target, options);
    }
    std::string text;
    llvm::raw_string_ostream out(text);
    module->print(out, nullptr);
    return text;
}

std::vector<char> compile_object(const std::vector<ir::Mechanism>& mechanisms,
                                 diag::DiagnosticEngine& diags, const Options& options,
                                 std::span<const diag::SourceRange> declared_at) {
    llvm::LLVMContext context;
    auto module = codegen::generate(mechanisms, context, diags, declared_at);
    if (!module) {
        return {};
    }
    std::vector<char> object;
    std::string error;
    if (!jit::compile_object(*module, options, object, error)) {
        diags.internal_error(first(declared_at), "object code generation failed: " + error);
        return {};
    }
    return object;
}

bool compile_shared_library(const std::vector<ir::Mechanism>& mechanisms,
                            diag::DiagnosticEngine& diags, const std::string& path,
                            const Options& options,
                            std::span<const diag::SourceRange> declared_at) {
    llvm::LLVMContext context;
    auto module = codegen::generate(mechanisms, context, diags, declared_at);
    if (!module) {
        return false;
    }
    std::string error;
    if (!jit::compile_shared_library(*module, options, path, error)) {
        // A failing link is about the machine (no cc, unwritable path), not the compiler.
        diags.error(first(declared_at), "cannot build the catalogue " + path + ": " + error);
        return false;
    }
    return true;
}

} // namespace mech::jit
