// The LLVM optimisation pipeline that the JIT and AOT paths share (LLVM-facing).
#pragma once

#include "jit/options.hpp"

namespace llvm {
class Module;
class TargetMachine;
} // namespace llvm

namespace mech::jit {

// Sets the module's data layout and triple for `target`, then optimises it with libmvec's
// vector entry points registered, so that kernel loops over exp() vectorise. Levels 2 and 3
// run the short pipeline tailored to codegen's kernels (pipeline.cpp says why it suffices);
// level 1 runs LLVM's O1, level 0 nothing but what code generation needs.
void optimise(llvm::Module& module, llvm::TargetMachine& target, const Options& options);

} // namespace mech::jit
