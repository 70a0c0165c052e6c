// The compiler pipeline as one function reading top to bottom (read, parse, analyse, lower,
// passes, code generation); mechc's commands and the diagnostics tests call it.
#pragma once

#include "diag/diagnostic_engine.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace mech::driver {

// How far to go and what to produce.
enum class EmitStage {
    None,    // check: every stage up to and including code generation, nothing written
    Ast,     // each file parsed and printed back as canonical source
    Ir,      // each file's IR after the passes, as ir::print writes it
    Llvm,    // the LLVM IR of one catalogue module holding every file's mechanism
    Obj,     // that module as an object file
    Library, // that module linked into a shared library exporting mech_catalogue
};

enum class Conductance { Symbolic, FiniteDifference }; // --conductance: how dI/dv is computed

struct Options {
    EmitStage emit = EmitStage::None;
    bool strict_units = false;       // --strict-units: unit problems in .mod files are errors
    bool warnings_as_errors = false; // --Werror (set on the DiagnosticEngine by the caller)
    bool verbose = false;            // --verbose: each step and its time, pass notes
    Conductance conductance = Conductance::Symbolic;
    std::vector<std::string> dump_after; // --dump-after: pass names, or "all"
    int opt_level = 3;                   // -O: LLVM optimisation level, 0..3
    std::string cpu;                     // --cpu: target CPU; "" = this machine
    bool vector_math = true;             // vectorised exp/log through libmvec
};

// Where results go. `out` takes the text of Ast/Ir/Llvm; `log` the --dump-after IR and the
// --verbose step lines; Obj fills `object`; Library writes the file `library`.
struct Sink {
    std::ostream& out;
    std::ostream& log;
    std::vector<char> object;
    std::string library;
};

// Runs the pipeline on `paths` (every file is read and checked, so one run reports all of their
// errors), then generates one catalogue of all their mechanisms. Diagnostics go to `diags`
// (whose SourceManager is `sources`). Returns true when no error was reported.
bool compile(const std::vector<std::string>& paths, const Options& options,
             diag::SourceManager& sources, diag::DiagnosticEngine& diags, Sink& sink);

// The passes --dump-after may name, in the order they run.
const std::vector<std::string>& pass_names();

// compile() for one file with text output and log both going to `out`.
bool compile_file(const std::string& path, const Options& options, diag::SourceManager& sources,
                  diag::DiagnosticEngine& diags, std::ostream& out);

} // namespace mech::driver
