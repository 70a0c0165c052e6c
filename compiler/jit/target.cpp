// Builds the host (or named) target machine and runs LLVM's per-module pipeline with the
// glibc vector maths library registered, so that kernel loops over exp() vectorise.
#include "jit/target.hpp"

#include <llvm/Analysis/TargetLibraryInfo.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/IR/Module.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Passes/PassBuilder.h>
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

namespace {

// glibc's AVX-512 entry points, which LLVM 19's libmvec table lacks. The strings are static:
// VecDesc keeps references to them.
void add_avx512_mappings(llvm::TargetLibraryInfoImpl& library) {
    using llvm::ElementCount;
    const llvm::VecDesc mappings[] = {
        {"llvm.exp.f64", "_ZGVeN8v_exp", ElementCount::getFixed(8), false, "_ZGV_LLVM_N8v"},
        {"exp", "_ZGVeN8v_exp", ElementCount::getFixed(8), false, "_ZGV_LLVM_N8v"},
        {"llvm.log.f64", "_ZGVeN8v_log", ElementCount::getFixed(8), false, "_ZGV_LLVM_N8v"},
        {"log", "_ZGVeN8v_log", ElementCount::getFixed(8), false, "_ZGV_LLVM_N8v"},
        {"llvm.pow.f64", "_ZGVeN8vv_pow", ElementCount::getFixed(8), false, "_ZGV_LLVM_N8vv"},
        {"pow", "_ZGVeN8vv_pow", ElementCount::getFixed(8), false, "_ZGV_LLVM_N8vv"},
        {"llvm.sin.f64", "_ZGVeN8v_sin", ElementCount::getFixed(8), false, "_ZGV_LLVM_N8v"},
        {"sin", "_ZGVeN8v_sin", ElementCount::getFixed(8), false, "_ZGV_LLVM_N8v"},
        {"llvm.cos.f64", "_ZGVeN8v_cos", ElementCount::getFixed(8), false, "_ZGV_LLVM_N8v"},
        {"cos", "_ZGVeN8v_cos", ElementCount::getFixed(8), false, "_ZGV_LLVM_N8v"},
    };
    library.addVectorizableFunctions(mappings);
}

bool has_avx512(const llvm::TargetMachine& target) {
    // A CPU named without a feature string (--cpu=znver4) implies its features: ask the
    // subtarget rather than the string.
    const auto* subtarget = target.getMCSubtargetInfo();
    return target.getTargetFeatureString().contains("+avx512f") ||
           (subtarget && subtarget->checkFeatures("+avx512f"));
}

llvm::OptimizationLevel level(int opt_level) {
    switch (opt_level) {
    case 0:
        return llvm::OptimizationLevel::O0;
    case 1:
        return llvm::OptimizationLevel::O1;
    case 2:
        return llvm::OptimizationLevel::O2;
    default:
        return llvm::OptimizationLevel::O3;
    }
}

} // namespace

void optimise(llvm::Module& module, llvm::TargetMachine& target, const Options& options) {
    module.setDataLayout(target.createDataLayout());
    module.setTargetTriple(target.getTargetTriple().str());
    // Function attributes the code generator and vectoriser read (the module is built without a
    // target, so the kernels carry none yet).
    for (auto& function : module) {
        if (function.isDeclaration()) {
            continue;
        }
        function.addFnAttr("target-cpu", target.getTargetCPU());
        function.addFnAttr("target-features", target.getTargetFeatureString());
    }

    llvm::LoopAnalysisManager loops;
    llvm::FunctionAnalysisManager functions;
    llvm::CGSCCAnalysisManager cgscc;
    llvm::ModuleAnalysisManager modules;

    llvm::PipelineTuningOptions tuning;
    tuning.LoopVectorization = options.opt_level >= 2;
    tuning.SLPVectorization = options.opt_level >= 2;
    llvm::PassBuilder builder(&target, tuning);

    // Must be registered before registerFunctionAnalyses, which would add a default one.
    llvm::TargetLibraryInfoImpl library{llvm::Triple(module.getTargetTriple())};
    if (options.vector_math) {
        library.addVectorizableFunctionsFromVecLib(llvm::TargetLibraryInfoImpl::LIBMVEC_X86,
                                                   llvm::Triple(module.getTargetTriple()));
        if (has_avx512(target)) {
            add_avx512_mappings(library);
        }
    }
    functions.registerPass([&] { return llvm::TargetLibraryAnalysis(library); });

    builder.registerModuleAnalyses(modules);
    builder.registerCGSCCAnalyses(cgscc);
    builder.registerFunctionAnalyses(functions);
    builder.registerLoopAnalyses(loops);
    builder.crossRegisterProxies(loops, functions, cgscc, modules);

    if (options.opt_level == 0) {
        builder.buildO0DefaultPipeline(llvm::OptimizationLevel::O0).run(module, modules);
    } else {
        builder.buildPerModuleDefaultPipeline(level(options.opt_level)).run(module, modules);
    }
}

} // namespace mech::jit
