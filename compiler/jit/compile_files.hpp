// The whole pipeline from mechanism files to machine code: parse, analyse, lower, run the
// passes, then codegen and JIT or AOT. Used by `mechc compile`, the runtime and tests.
#pragma once

#include "diag/diagnostic_engine.hpp"
#include "ir/mechanism.hpp"
#include "jit/compile_timings.hpp"
#include "jit/jit_catalogue.hpp"
#include "jit/options.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mech::jit {

struct FrontOptions {
    bool strict_units = false; // unit problems in .mod files are errors, as in .mech files
};

// Solved IR for each file, in order, and where each mechanism is declared (its NEURON block).
struct LoweredFiles {
    std::vector<ir::Mechanism> mechanisms;
    std::vector<diag::SourceRange> declared_at;
};

// Reads every file (all of them, so that one run reports every file's errors); nullopt when
// any stage reported an error. `diags` must report against `sources`.
std::optional<LoweredFiles> lower_files(const std::vector<std::string>& paths,
                                        diag::SourceManager& sources, diag::DiagnosticEngine& diags,
                                        const FrontOptions& front = {});

// lower_files, then compile() into one in-memory catalogue; `timings` (optional) receives the
// time of each stage.
std::unique_ptr<JitCatalogue> compile_files(const std::vector<std::string>& paths,
                                            diag::SourceManager& sources,
                                            diag::DiagnosticEngine& diags,
                                            const Options& options = {},
                                            const FrontOptions& front = {},
                                            CompileTimings* timings = nullptr);

// lower_files, then compile_shared_library() at `output` (`mechc compile a.mech -o x.so`).
bool compile_files_to_library(const std::vector<std::string>& paths, const std::string& output,
                              diag::SourceManager& sources, diag::DiagnosticEngine& diags,
                              const Options& options = {}, const FrontOptions& front = {});

} // namespace mech::jit
