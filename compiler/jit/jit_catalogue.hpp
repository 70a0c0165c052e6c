// Mechanisms compiled in memory by the ORC JIT: the catalogue owns the machine code, so the
// mech_mechanism pointers it hands out live exactly as long as it does.
#pragma once

#include "jit/compile_timings.hpp"
#include "jit/options.hpp"

#include <mech/mechanism_abi.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace mech::jit {

class JitCatalogue {
public:
    struct Impl;
    explicit JitCatalogue(std::unique_ptr<Impl> impl);
    ~JitCatalogue();
    JitCatalogue(const JitCatalogue&) = delete;
    JitCatalogue& operator=(const JitCatalogue&) = delete;

    std::span<const mech_mechanism* const> mechanisms() const;
    // The mechanism with this SUFFIX / POINT_PROCESS name, or null.
    const mech_mechanism* find(std::string_view name) const;
    // The address of any symbol of the module (for tests and benchmarks), or null.
    void* lookup(std::string_view symbol) const;

private:
    std::unique_ptr<Impl> impl_;
};

// Optimises and JIT-compiles a module that defines `mech_catalogue` (see codegen). On failure
// returns null and describes the problem in `error` (always a compiler bug, never the user's).
// The module must be valid (codegen::generate verifies what it returns). `timings`, when
// given, receives the optimisation and machine-code times.
std::unique_ptr<JitCatalogue> jit_module(std::unique_ptr<llvm::LLVMContext> context,
                                         std::unique_ptr<llvm::Module> module,
                                         const Options& options, std::string& error,
                                         CompileTimings* timings = nullptr);

} // namespace mech::jit
