// Emits a mechanism's metadata as constant LLVM globals, and the one exported
// `mech_catalogue` function that lists every mechanism of a module (JIT and AOT alike).
#pragma once

#include "codegen/mechanism_tables.hpp"

#include <span>

namespace llvm {
class Function;
class GlobalVariable;
class Module;
} // namespace llvm

namespace mech::codegen {

// The kernels of one mechanism; null entries become null pointers in mech_mechanism.
struct KernelFunctions {
    llvm::Function* init = nullptr;
    llvm::Function* compute_currents = nullptr;
    llvm::Function* advance_state = nullptr;
    llvm::Function* net_receive = nullptr;
    llvm::Function* net_receive_init = nullptr;
    llvm::Function* check_watch = nullptr;
};

// A private constant `mech_mechanism` (plus its string and table globals).
llvm::GlobalVariable* emit_mechanism(llvm::Module& module, const MechanismTables& tables,
                                     const KernelFunctions& kernels);

// `const mech_mechanism* const* mech_catalogue(int32_t* count)`, externally visible.
llvm::Function* emit_catalogue(llvm::Module& module,
                               std::span<llvm::GlobalVariable* const> mechanisms);

} // namespace mech::codegen
