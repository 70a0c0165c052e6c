// The target machine that the JIT and AOT paths share (LLVM-facing).
#pragma once

#include "jit/options.hpp"

#include <memory>
#include <string>

namespace llvm {
namespace orc {
class JITTargetMachineBuilder;
}
} // namespace llvm

namespace mech::jit {

// Initialises LLVM's native target once per process and loads libmvec for the JIT.
void initialise_llvm();

// A builder for the CPU named in options (the host when empty), position-independent code.
// Returns null and sets `error` when LLVM has no such target.
std::unique_ptr<llvm::orc::JITTargetMachineBuilder> target_builder(const Options& options,
                                                                   std::string& error);

} // namespace mech::jit
