// The front end's one entry point: source text in, AST plus located diagnostics out.
#pragma once

#include "ast/module.hpp"
#include "diag/diagnostic_engine.hpp"

#include <string_view>

namespace mech::frontend {

// Parses a file already registered in the SourceManager that `diags` reports against.
// Syntax errors are reported to `diags` (many per run; the parser recovers). Never throws,
// never crashes, never hangs. If diags.has_errors() afterwards, the module is incomplete
// and must not be analysed further.
ast::Module parse(diag::FileId file, diag::DiagnosticEngine& diags);

// Registers `source` as `file_name` in `sources` (which `diags` must report against) and parses it.
// The dialect comes from the file name (.mod: NMODL compatibility; otherwise .mech).
ast::Module parse(std::string_view source, std::string_view file_name, diag::SourceManager& sources,
                  diag::DiagnosticEngine& diags);

// Limits that keep every later stage's recursion shallow; deeper input is a located error.
inline constexpr int kMaxNesting = 256;          // brackets and braces
inline constexpr int kMaxExpressionDepth = 1000; // AST depth of one expression
inline constexpr int kMaxElseIfChain = 1000;

} // namespace mech::frontend
