// run_passes: the pipeline, top to bottom.
#include "passes/run_passes.hpp"

#include "passes/eliminate_common_subexpressions.hpp"
#include "passes/eliminate_dead_locals.hpp"
#include "passes/fold_constants.hpp"
#include "passes/hoist_invariants.hpp"
#include "passes/solve_odes.hpp"

#include <algorithm>

namespace mech::passes {

const std::vector<std::string>& pass_names() {
    static const std::vector<std::string> names = {
        "solve_odes", "differentiate", "fold_constants", "eliminate_common_subexpressions",
        "hoist_invariants", "eliminate_dead_locals"};
    return names;
}

bool run_passes(ir::Mechanism& m, const Options& options, diag::DiagnosticEngine& diags) {
    auto after = [&](std::string_view pass) {
        if (!options.dump)
            return;
        const auto& wanted = options.dump_after;
        if (std::find(wanted.begin(), wanted.end(), pass) != wanted.end() ||
            std::find(wanted.begin(), wanted.end(), "all") != wanted.end())
            options.dump(pass, m);
    };
    auto errors = diags.error_count();
    auto failed = [&] { return diags.error_count() != errors; };

    // Calls were inlined by lowering (ir::lower), which is where FUNCTION bodies are known.
    solve_odes(m, diags);
    after("solve_odes");
    if (failed())
        return false;

    differentiate(m, options.conductance, options.verbose, diags);
    after("differentiate");
    if (failed())
        return false;

    if (options.fold) {
        fold_constants(m);
        after("fold_constants");
    }
    if (options.cse) {
        eliminate_common_subexpressions(m);
        after("eliminate_common_subexpressions");
    }
    if (options.hoist) {
        hoist_invariants(m);
        after("hoist_invariants");
    }
    eliminate_dead_locals(m);
    after("eliminate_dead_locals");
    return !failed();
}

} // namespace mech::passes
