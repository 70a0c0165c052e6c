// sema_check FILE...: parses and analyses each file and prints its diagnostics (a debugging
// aid for the corpus tests; mechc check is the user-facing command).
#include <fstream>
#include <iostream>
#include <sstream>

#include "frontend/parse.hpp"
#include "sema/analysis.hpp"

int main(int argc, char** argv) {
    int failures = 0;
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i]);
        std::stringstream text;
        text << in.rdbuf();
        mech::diag::SourceManager sources;
        mech::diag::DiagnosticEngine diags(sources);
        mech::ast::Module m = mech::frontend::parse(text.str(), argv[i], sources, diags);
        if (!diags.has_errors())
            mech::sema::analyse(m, diags, mech::sema::Options::for_module(m));
        diags.print_all(std::cout);
        failures += diags.has_errors() ? 1 : 0;
    }
    return failures == 0 ? 0 : 1;
}
