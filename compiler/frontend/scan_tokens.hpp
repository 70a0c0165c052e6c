// Internal to the front end: lexical checks made on the whole token stream before parsing.
#pragma once

#include "diag/diagnostic_engine.hpp"

#include <antlr4-runtime.h>

#include <string_view>

namespace mech::frontend {

// Reports lexical errors (stray characters, unclosed COMMENT or strings, VERBATIM blocks) once each;
// the parser never sees those tokens. Returns false when brackets nest deeper than kMaxNesting,
// in which case the file must not be parsed (the parser would recurse that deep).
bool scan_tokens(antlr4::CommonTokenStream& tokens, std::string_view original_text, diag::FileId file,
                 diag::DiagnosticEngine& diags);

} // namespace mech::frontend
