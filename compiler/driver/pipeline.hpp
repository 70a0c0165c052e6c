// The compiler pipeline as one function per file, reading top to bottom; mechc's commands call it.
#pragma once

#include "diag/diagnostic_engine.hpp"

#include <iosfwd>
#include <string>

namespace mech::driver {

// How far to go and what to print. Later stages add Ir, Llvm and Obj here and one step each below.
enum class EmitStage {
    None, // check only: diagnostics, nothing printed
    Ast,  // the parsed file printed back as canonical source
};

struct Options {
    EmitStage emit = EmitStage::None;
    bool strict_units = false;       // --strict-units: unit problems in .mod files are errors
    bool warnings_as_errors = false; // --Werror
};

// Runs the pipeline on one file: read, parse, analyse (when sema is built in), then emit.
// Diagnostics go to `diags` (whose SourceManager is `sources`); emitted text goes to `out`.
// Returns true when no error was reported for this file.
bool compile_file(const std::string& path, const Options& options, diag::SourceManager& sources,
                  diag::DiagnosticEngine& diags, std::ostream& out);

// Whether semantic analysis is part of this build (it is linked in when compiler/sema exists).
bool has_sema();

} // namespace mech::driver
