// From typed mechanism IR to one LLVM module: a loop per kernel over all instances, the
// mech_mechanism tables, and the exported `mech_catalogue` (the module serves JIT and AOT).
#pragma once

#include "codegen/mechanism_tables.hpp"
#include "diag/diagnostic_engine.hpp"
#include "ir/mechanism.hpp"

#include <memory>
#include <span>
#include <vector>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace mech::codegen {

// Returns null after reporting to `diags` when a mechanism cannot be compiled (an IR construct
// the backend does not handle, or a module LLVM rejects). `declared_at[k]` (optional) locates
// mechanism k for errors that have no finer location.
std::unique_ptr<llvm::Module> generate(const std::vector<ir::Mechanism>& mechanisms,
                                       llvm::LLVMContext& context, diag::DiagnosticEngine& diags,
                                       std::span<const diag::SourceRange> declared_at = {});

// The metadata half of mech_mechanism for one IR mechanism.
MechanismTables tables_of(const ir::Mechanism& mechanism);

} // namespace mech::codegen
