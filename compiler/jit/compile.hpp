// The JIT and AOT entry points the driver and runtime call: typed IR in, machine code out.
// Every problem is reported through the diagnostics engine.
#pragma once

#include "diag/diagnostic_engine.hpp"
#include "ir/mechanism.hpp"
#include "jit/compile_timings.hpp"
#include "jit/jit_catalogue.hpp"
#include "jit/options.hpp"

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace mech::jit {

// Compiles solved IR mechanisms in memory. Returns null after reporting when any fails.
// `declared_at[k]` (optional) locates mechanism k for errors the IR cannot place; `timings`
// (optional) receives the time of each stage.
std::unique_ptr<JitCatalogue> compile(const std::vector<ir::Mechanism>& mechanisms,
                                      diag::DiagnosticEngine& diags, const Options& options = {},
                                      std::span<const diag::SourceRange> declared_at = {},
                                      CompileTimings* timings = nullptr);

// The LLVM IR text of the catalogue module (`mechc --emit=llvm`), after the optimisation
// pipeline when `optimised`. Empty after reporting an error.
std::string emit_llvm_ir(const std::vector<ir::Mechanism>& mechanisms,
                         diag::DiagnosticEngine& diags, const Options& options = {},
                         bool optimised = true,
                         std::span<const diag::SourceRange> declared_at = {});

// The object file of the catalogue (`mechc --emit=obj`). Empty after reporting an error.
std::vector<char> compile_object(const std::vector<ir::Mechanism>& mechanisms,
                                 diag::DiagnosticEngine& diags, const Options& options = {},
                                 std::span<const diag::SourceRange> declared_at = {});

// A shared library at `path` exporting mech_catalogue (`mechc compile ... -o path`), for
// load_catalogue(). Returns false after reporting an error.
bool compile_shared_library(const std::vector<ir::Mechanism>& mechanisms,
                            diag::DiagnosticEngine& diags, const std::string& path,
                            const Options& options = {},
                            std::span<const diag::SourceRange> declared_at = {});

} // namespace mech::jit
