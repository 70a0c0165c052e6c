// The pass pipeline: lowered IR in, kernels ready for codegen (and the evaluator) out.
#pragma once

#include "diag/diagnostic_engine.hpp"
#include "ir/mechanism.hpp"
#include "passes/differentiate.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mech::passes {

struct Options {
    ConductanceMethod conductance = ConductanceMethod::Symbolic;
    bool fold = true; ///< fold_constants
    bool cse = true;  ///< eliminate_common_subexpressions
    bool hoist = true; ///< hoist_invariants
    bool verbose = false;
    /// Called after every pass whose name is listed in `dump_after` ("all" means every pass):
    /// the driver prints the IR there for `mechc --dump-after=PASS`.
    std::vector<std::string> dump_after;
    std::function<void(std::string_view pass, const ir::Mechanism&)> dump;
};

/// The names of the passes, in the order run_passes runs them.
const std::vector<std::string>& pass_names();

/// Runs the pipeline; stops after the first pass that reports an error. Returns false on error.
bool run_passes(ir::Mechanism& mechanism, const Options& options, diag::DiagnosticEngine& diags);

} // namespace mech::passes
