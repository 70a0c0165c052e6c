// One file through the compiler: each stage either stops on errors or hands on to the next.
#include "driver/pipeline.hpp"

#include "ast/print.hpp"
#include "frontend/parse.hpp"
#ifdef MECH_HAVE_SEMA
#include "sema/analysis.hpp"
#endif

#include <ostream>

namespace mech::driver {

bool has_sema() {
#ifdef MECH_HAVE_SEMA
    return true;
#else
    return false;
#endif
}

bool compile_file(const std::string& path, const Options& options, diag::SourceManager& sources,
                  diag::DiagnosticEngine& diags, std::ostream& out) {
    const std::size_t errors_before = diags.error_count();
    auto failed = [&] { return diags.error_count() != errors_before; };

    // 1. Read.
    auto file = sources.load_file(path);
    if (!file) {
        diags.error({}, "cannot read '" + path + "'");
        return false;
    }

    // 2. Parse. A module with syntax errors is never analysed.
    ast::Module module = frontend::parse(*file, diags);
    if (failed()) return false;
    if (options.emit == EmitStage::Ast) {
        out << ast::print(module);
        return true;
    }

    // 3. Analyse: names, units, types, mechanism rules.
#ifdef MECH_HAVE_SEMA
    sema::Options sema_options = sema::Options::for_module(module);
    sema_options.strict_units = options.strict_units;
    sema::Analysis analysis = sema::analyse(module, diags, sema_options);
    if (failed()) return false;
#endif

    // 4. Lower to IR, run passes, generate code: added here as those stages land.
    return !failed();
}

} // namespace mech::driver
