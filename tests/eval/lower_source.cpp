// The one source-to-IR helper of the evaluator tests.
#include "lower_source.hpp"

#include "frontend/parse.hpp"
#include "ir/lower.hpp"
#include "passes/run_passes.hpp"
#include "sema/analysis.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace mech::test {

ir::Mechanism lower_source_file(const std::string& path, FailOn fail_on) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    auto module = frontend::parse(text.str(), path, sources, diags);
    auto analysis = sema::analyse(module, diags, sema::Options::for_module(module));
    auto m = ir::lower(module, analysis, diags);
    passes::run_passes(m, {}, diags);
    for (const auto& d : diags.diagnostics())
        if (fail_on == FailOn::AnyDiagnostic || d.severity == diag::Severity::Error)
            ADD_FAILURE() << diags.render(d);
    return m;
}

} // namespace mech::test
