// The middle end for mechanism kernels. Codegen emits few, simple functions: one straight-line
// instance loop per kernel (or two, for the contiguous copy), locals in allocas, every memory
// access tagged with its own alias scope, no calls but to libm and the runtime, and work that
// is the same for every instance already hoisted in front of the loop. LLVM's full O3 spends
// most of its time on what such code does not need (inlining, interprocedural passes, loop
// rotation and unswitching, repeated GVN and InstCombine rounds, SLP vectorisation of the
// scalar remainder loops), so levels 2 and 3 run only the passes that change these kernels:
// promote the locals, fold and share what is redundant, vectorise the loops, clean up.
// For hh: the same vector loops as O3, with instruction counts per instance-step unchanged,
// at under half the cost of O3 (docs/performance.md, "JIT kernels and compile time").
#include "jit/pipeline.hpp"

#include "jit/lane_consistent_math.hpp"

#include <llvm/Analysis/TargetLibraryInfo.h>
#include <llvm/IR/Module.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/Transforms/InstCombine/InstCombine.h>
#include <llvm/Transforms/Scalar/EarlyCSE.h>
#include <llvm/Transforms/Scalar/SROA.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>
#include <llvm/Transforms/Utils/InjectTLIMappings.h>
#include <llvm/Transforms/Vectorize/LoopVectorize.h>

namespace mech::jit {

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

// expm1 (exprelr's denominator) is in glibc's libmvec at every width but in none of LLVM 19's
// tables. `avx512` adds the 8-lane entry point.
void add_expm1_mappings(llvm::TargetLibraryInfoImpl& library, bool avx512) {
    using llvm::ElementCount;
    const llvm::VecDesc mappings[] = {
        {"expm1", "_ZGVbN2v_expm1", ElementCount::getFixed(2), false, "_ZGV_LLVM_N2v"},
        {"expm1", "_ZGVdN4v_expm1", ElementCount::getFixed(4), false, "_ZGV_LLVM_N4v"},
        {"expm1", "_ZGVeN8v_expm1", ElementCount::getFixed(8), false, "_ZGV_LLVM_N8v"},
    };
    library.addVectorizableFunctions(llvm::ArrayRef(mappings).drop_back(avx512 ? 0 : 1));
}

bool has_avx512(const llvm::TargetMachine& target) {
    // A CPU named without a feature string (--cpu=znver4) implies its features: ask the
    // subtarget rather than the string.
    const auto* subtarget = target.getMCSubtargetInfo();
    return target.getTargetFeatureString().contains("+avx512f") ||
           (subtarget && subtarget->checkFeatures("+avx512f"));
}

// The kernel pipeline (levels 2 and 3).
llvm::FunctionPassManager kernel_pipeline() {
    llvm::FunctionPassManager passes;
    // Locals live in allocas until here; fold what the IR's constant expressions left.
    passes.addPass(llvm::SROAPass(llvm::SROAOptions::ModifyCFG));
    // With MemorySSA, loads are shared across stores the alias scopes keep apart (v read
    // again after rhs is written), as GVN would.
    passes.addPass(llvm::EarlyCSEPass(/*UseMemorySSA=*/true));
    passes.addPass(llvm::InstCombinePass());
    // If-conversion of short conditionals (exprelr's guard, min/max) so the loops vectorise.
    passes.addPass(llvm::SimplifyCFGPass(llvm::SimplifyCFGOptions()
                                             .convertSwitchRangeToICmp(true)
                                             .speculateBlocks(true)));
    // The vectoriser reads libmvec's variants from call-site attributes this pass adds.
    passes.addPass(llvm::InjectTLIMappings());
    passes.addPass(llvm::LoopVectorizePass(llvm::LoopVectorizeOptions()
                                               .setInterleaveOnlyWhenForced(true)
                                               .setVectorizeOnlyWhenForced(false)));
    // Fold what vectorisation left (the remainder loops are dead when the trip count is a known
    // multiple of the vector width). A second EarlyCSE here changed no instruction of hh's
    // kernels: the code generator shares what is left.
    passes.addPass(llvm::InstCombinePass());
    passes.addPass(llvm::SimplifyCFGPass(llvm::SimplifyCFGOptions()
                                             .convertSwitchRangeToICmp(true)
                                             .hoistCommonInsts(true)
                                             .sinkCommonInsts(true)));
    return passes;
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
    tuning.SLPVectorization = false; // it only ever found the scalar remainder loops
    tuning.LoopInterleaving = false;
    tuning.LoopUnrolling = false;
    llvm::PassBuilder builder(&target, tuning);

    // Must be registered before registerFunctionAnalyses, which would add a default one.
    llvm::TargetLibraryInfoImpl library{llvm::Triple(module.getTargetTriple())};
    if (options.vector_math) {
        library.addVectorizableFunctionsFromVecLib(llvm::TargetLibraryInfoImpl::LIBMVEC_X86,
                                                   llvm::Triple(module.getTargetTriple()));
        if (has_avx512(target)) {
            add_avx512_mappings(library);
        }
        add_expm1_mappings(library, has_avx512(target));
    }
    functions.registerPass([&] { return llvm::TargetLibraryAnalysis(library); });

    builder.registerModuleAnalyses(modules);
    builder.registerCGSCCAnalyses(cgscc);
    builder.registerFunctionAnalyses(functions);
    builder.registerLoopAnalyses(loops);
    builder.crossRegisterProxies(loops, functions, cgscc, modules);

    if (options.opt_level == 0) {
        builder.buildO0DefaultPipeline(llvm::OptimizationLevel::O0).run(module, modules);
    } else if (options.opt_level == 1) {
        builder.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O1).run(module, modules);
    } else {
        llvm::ModulePassManager passes;
        passes.addPass(llvm::createModuleToFunctionPassAdaptor(kernel_pipeline()));
        passes.run(module, modules);
    }
    if (options.vector_math)
        use_vector_math_in_scalar_calls(module);
}

} // namespace mech::jit
