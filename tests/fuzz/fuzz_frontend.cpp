// libFuzzer entry: any bytes through everything `mechc check` runs short of LLVM — parse,
// print + reparse + compare, semantic analysis, lowering and the passes. Any internal error,
// crash, hang or sanitizer report is a finding. The first byte picks the dialect (.mod / .mech).
#include "ast/equal.hpp"
#include "ast/print.hpp"
#include "frontend/parse.hpp"
#include "ir/lower.hpp"
#include "passes/run_passes.hpp"
#include "sema/analysis.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

void abort_on_internal_errors(const mech::diag::DiagnosticEngine& diags) {
    for (const auto& d : diags.diagnostics()) {
        if (d.severity == mech::diag::Severity::InternalError)
            std::abort();
        (void)diags.render(d);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const char* file = (data[0] & 1) ? "fuzz.mech" : "fuzz.mod";
    std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    mech::diag::SourceManager sources;
    mech::diag::DiagnosticEngine diags(sources);
    mech::ast::Module m = mech::frontend::parse(text, file, sources, diags);
    abort_on_internal_errors(diags);
    if (diags.has_errors())
        return 0;

    // What parses must print to something that parses back to the same tree.
    std::string printed = mech::ast::print(m);
    mech::diag::SourceManager sources2;
    mech::diag::DiagnosticEngine diags2(sources2);
    mech::ast::Module again = mech::frontend::parse(printed, file, sources2, diags2);
    if (diags2.has_errors() || !mech::ast::equal(m, again))
        std::abort();

    const mech::sema::Analysis analysis =
        mech::sema::analyse(m, diags, mech::sema::Options::for_module(m));
    abort_on_internal_errors(diags);
    if (diags.has_errors())
        return 0;
    mech::ir::Mechanism mechanism = mech::ir::lower(m, analysis, diags);
    abort_on_internal_errors(diags);
    if (diags.has_errors())
        return 0;
    mech::passes::run_passes(mechanism, mech::passes::Options{}, diags);
    abort_on_internal_errors(diags);
    return 0;
}
