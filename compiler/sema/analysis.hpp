// What semantic analysis learns about one mechanism file: its kind, every symbol with its
// units, the ions, currents and SOLVE blocks, and which symbol each name in the AST means.
// Plain data, read by the IR lowering; the AST it points into must outlive it unchanged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ast/module.hpp"
#include "diag/diagnostic_engine.hpp"
#include "units/unit.hpp"

namespace mech::sema {

using SymbolId = std::uint32_t;
inline constexpr SymbolId kNoSymbol = ~SymbolId{0};

enum class SymbolKind {
    Parameter,     // PARAMETER
    State,         // STATE (also gates of CHANNELs: see gate_of)
    Assigned,      // ASSIGNED
    Constant,      // CONSTANT, DEFINE, and UNITS constants such as FARADAY
    Local,         // LOCAL, and FROM loop variables
    Argument,      // FUNCTION/PROCEDURE parameter or NET_RECEIVE argument
    IonVariable,   // from USEION (ena, ina, cai, ...) unless declared as a STATE
    Special,       // v, t, dt, celsius, area, diam
    Function,      // FUNCTION (and FUNCTION_TABLE: see is_table)
    Procedure,     // PROCEDURE
    Gate,          // a GATE of a CHANNEL (a state the user does not declare)
    Pool,          // the concentration of a POOL (e.g. cai)
    EquationBlock, // DERIVATIVE / KINETIC / LINEAR / NONLINEAR block (named by SOLVE)
};
const char* kind_name(SymbolKind k); // "PARAMETER", "STATE", "LOCAL", ...

enum class Visibility {
    None,   // locals, arguments, functions, blocks, constants
    Range,  // one value per instance: RANGE, every STATE, gates, pools, ion variables
    Global, // one value per mechanism: GLOBAL, and PARAMETER/ASSIGNED not named RANGE
};

enum class IonRole { Reversal, Current, Internal, External }; // ena, ina, nai, nao

struct IonVar {
    std::string ion;
    IonRole role = IonRole::Reversal;
    bool read = false;
    bool written = false;
};

struct Symbol {
    std::string name;
    SymbolKind kind = SymbolKind::Assigned;
    units::Unit unit;              // parsed units; dimensionless when none were declared
    std::string unit_text;         // as written ("" when none)
    bool units_known = true;       // false for LOCALs never assigned and bad unit texts
    std::optional<double> default_value;
    std::optional<double> lower_limit, upper_limit; // <lo, hi>
    std::optional<std::int64_t> array_size;  // x[4], or x[NANN] with NANN's DEFINE'd value
    std::optional<double> tolerance;         // STATE ca (mM) <1e-6>: absolute tolerance
    bool mechanism_local = false;  // top-level LOCAL: an ASSIGNED without units, one per mechanism
    Visibility visibility = Visibility::None;
    bool pointer = false;          // POINTER / BBCOREPOINTER
    diag::SourceRange decl;        // where declared (the name)
    std::string scope;             // "" for mechanism level; else the enclosing block's name
    std::optional<IonVar> ion;     // for ion variables (also a STATE cai, a POOL cai)

    // FUNCTION / PROCEDURE / FUNCTION_TABLE
    std::vector<units::Unit> param_units;
    std::vector<bool> param_has_unit;
    units::Unit result_unit;
    bool is_table = false;
    // EquationBlock
    ast::EquationKind equations = ast::EquationKind::Derivative;
    // Gate
    std::string gate_of;           // channel name
    std::int64_t gate_power = 1;

    // Usage, filled while checking bodies.
    int reads = 0;
    int writes = 0;
};

// NET_RECEIVE's implicit `flag` (the value net_send gave the event); not a NET_RECEIVE argument
// the user named flag.
inline bool is_event_flag(const Symbol& s) {
    return s.kind == SymbolKind::Argument && s.name == "flag" && s.scope == "NET_RECEIVE" &&
           !s.decl.valid();
}

struct Ion {
    std::string name;                        // "na"
    std::optional<int> valence;              // from VALENCE, else the usual one (na 1, ca 2, ...)
    std::vector<std::string> read, write;    // variable names, e.g. {"ena"} and {"ina"}
    bool implicit = false;                   // added by a CHANNEL or POOL, not a USEION
    diag::SourceRange decl;
};

struct Solve {
    std::string block;                       // the DERIVATIVE/KINETIC/... name
    SymbolId symbol = kNoSymbol;
    std::string method;                      // "cnexp", "sparse", ...; "" when none given
    bool steady_state = false;
    diag::SourceRange range;
};

struct Channel {
    std::string name;
    std::string ion;                         // "" for NONSPECIFIC
    SymbolId current = kNoSymbol;            // ina, or the nonspecific current
    std::vector<SymbolId> gates;
    bool ghk = false;                        // PERMEABILITY instead of GMAX
    std::string carrier_ion;                 // CARRIER ca ...
    const ast::ChannelBlock* block = nullptr;
};

struct Pool {
    SymbolId species = kNoSymbol;            // cai
    SymbolId current = kNoSymbol;            // ica
    std::string ion;                         // "ca"
    const ast::PoolBlock* block = nullptr;
};

struct Analysis {
    ast::MechanismKind kind = ast::MechanismKind::Density;
    std::string name;                        // SUFFIX / POINT_PROCESS name (file stem if none)
    bool threadsafe = false;

    std::vector<Symbol> symbols;             // indexed by SymbolId
    std::vector<Ion> ions;
    std::vector<SymbolId> nonspecific_currents;
    std::vector<SymbolId> electrode_currents;
    std::vector<Solve> solves;
    std::vector<Channel> channels;
    std::vector<Pool> pools;

    // Which symbol each name use means: NameExpr and CallExpr nodes, and Idents
    // (declarations, SOLVE targets, USEION lists, reaction species ...). NET_RECEIVE's implicit
    // `flag` is left out: it is the event's flag, not a variable (see is_event_flag).
    std::unordered_map<const ast::Expr*, SymbolId> name_uses;
    std::unordered_map<const ast::Ident*, SymbolId> ident_uses;
    // The inferred units of every expression whose units are known.
    std::unordered_map<const ast::Expr*, units::Unit> expr_units;

    // The mechanism-level symbol of that name (not locals or arguments), or null.
    const Symbol* find(std::string_view name) const;
    SymbolId find_id(std::string_view name) const;
    const Symbol* symbol_of(const ast::Expr& use) const;
};

struct Options {
    // Defaults follow the file: .mech is strict, .mod is NMODL compatibility.
    ast::Dialect dialect = ast::Dialect::Mech;
    // In compatibility mode, report unit problems as errors instead of warnings.
    bool strict_units = false;
    // Report unused PARAMETER/ASSIGNED/LOCAL and STATEs without dynamics.
    bool warn_unused = true;

    static Options for_module(const ast::Module& m) {
        Options o;
        o.dialect = m.dialect;
        return o;
    }
};

// Checks `module` (which must have parsed without errors) and reports every problem to
// `diags`. The result is complete even when errors were reported, but lowering must not
// run when diags.has_errors().
Analysis analyse(const ast::Module& module, diag::DiagnosticEngine& diags, const Options& options);

} // namespace mech::sema
