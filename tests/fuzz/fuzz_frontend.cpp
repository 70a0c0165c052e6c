// libFuzzer entry: any bytes through parse and, when the parse succeeds, print + reparse + compare.
#include "ast/equal.hpp"
#include "ast/print.hpp"
#include "frontend/parse.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    mech::diag::SourceManager sources;
    mech::diag::DiagnosticEngine diags(sources);
    mech::ast::Module m = mech::frontend::parse(text, "fuzz.mod", sources, diags);
    for (const auto& d : diags.diagnostics()) {
        if (d.severity == mech::diag::Severity::InternalError) std::abort();
        (void)diags.render(d);
    }
    if (diags.has_errors()) return 0;
    // What parses must print to something that parses back to the same tree.
    std::string printed = mech::ast::print(m);
    mech::diag::SourceManager sources2;
    mech::diag::DiagnosticEngine diags2(sources2);
    mech::ast::Module again = mech::frontend::parse(printed, "fuzz.mod", sources2, diags2);
    if (diags2.has_errors() || !mech::ast::equal(m, again)) std::abort();
    return 0;
}
