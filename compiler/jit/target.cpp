// Builds the host (or named) target machine that the JIT and AOT paths share, and loads
// glibc's vector maths library for the JIT.
#include "jit/target.hpp"

#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Support/DynamicLibrary.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/TargetParser/Host.h>

#include <mutex>

namespace mech::jit {

void initialise_llvm() {
    static std::once_flag once;
    std::call_once(once, [] {
        llvm::InitializeNativeTarget();
        llvm::InitializeNativeTargetAsmPrinter();
        llvm::InitializeNativeTargetAsmParser();
        // Debian links with --as-needed, so -lmvec alone would be dropped: load it by hand so
        // that JIT'd code finds _ZGVdN4v_exp and friends among the process's symbols.
        llvm::sys::DynamicLibrary::LoadLibraryPermanently("libmvec.so.1");
    });
}

std::unique_ptr<llvm::orc::JITTargetMachineBuilder> target_builder(const Options& options,
                                                                   std::string& error) {
    initialise_llvm();
    std::unique_ptr<llvm::orc::JITTargetMachineBuilder> builder;
    if (options.cpu.empty()) {
        auto host = llvm::orc::JITTargetMachineBuilder::detectHost();
        if (!host) {
            error = llvm::toString(host.takeError());
            return nullptr;
        }
        builder = std::make_unique<llvm::orc::JITTargetMachineBuilder>(std::move(*host));
    } else {
        builder = std::make_unique<llvm::orc::JITTargetMachineBuilder>(
            llvm::Triple(llvm::sys::getProcessTriple()));
        builder->setCPU(options.cpu);
    }
    builder->setRelocationModel(llvm::Reloc::PIC_);
    builder->setCodeGenOptLevel(options.opt_level >= 3   ? llvm::CodeGenOptLevel::Aggressive
                                : options.opt_level == 2 ? llvm::CodeGenOptLevel::Default
                                : options.opt_level == 1 ? llvm::CodeGenOptLevel::Less
                                                         : llvm::CodeGenOptLevel::None);
    // No fast-math anywhere: results must match NEURON's, operation for operation.
    llvm::TargetOptions target_options;
    target_options.AllowFPOpFusion = llvm::FPOpFusion::Standard;
    builder->setOptions(target_options);
    return builder;
}

} // namespace mech::jit
