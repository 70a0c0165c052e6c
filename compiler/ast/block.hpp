// Top-level blocks of a mechanism file: NMODL's blocks plus mech's CHANNEL and POOL.
#pragma once

#include "ast/stmt.hpp"

namespace mech::ast {

// TITLE rest of line
struct TitleBlock {
    std::string text; // trimmed
};

// DEFINE NSTEP 10
struct DefineBlock {
    Ident name;
    ExprPtr value;
};

// ---- NEURON { } ----------------------------------------------------------------------------

enum class MechanismKind { Density, PointProcess, ArtificialCell }; // SUFFIX / POINT_PROCESS / ARTIFICIAL_CELL

struct SuffixStmt {
    MechanismKind kind = MechanismKind::Density;
    Ident name;
};

// USEION ca READ cai, cao WRITE ica VALENCE 2
struct UseIonStmt {
    Ident ion;
    std::vector<Ident> read;
    std::vector<Ident> write;
    ExprPtr valence; // null when absent
};

enum class NameListKind { Range, Global, Pointer, BbcorePointer, Nonspecific, Electrode, External, Threadsafe };

// RANGE a, b | GLOBAL ... | POINTER ... | BBCOREPOINTER ... | NONSPECIFIC_CURRENT i |
// ELECTRODE_CURRENT i | EXTERNAL ... | THREADSAFE (names usually empty)
struct NameListStmt {
    NameListKind kind = NameListKind::Range;
    std::vector<Ident> names;
};

struct NeuronStmt {
    std::variant<SuffixStmt, UseIonStmt, NameListStmt> node;
    SourceRange range;
};

struct NeuronBlock {
    std::vector<NeuronStmt> stmts;
};

// ---- UNITS { } -----------------------------------------------------------------------------

// (mV) = (millivolt)
struct UnitAlias {
    UnitText name;
    UnitText definition;
};

// FARADAY = (faraday) (coulomb): the value of `unit` expressed in `in_unit`;
// or FARADAY = 96485.3 (coulomb): `value` with `unit` (in_unit absent).
struct UnitConstant {
    Ident name;
    ExprPtr value; // null for the (a) (b) form
    std::optional<UnitText> unit;
    std::optional<UnitText> in_unit;
};

struct UnitsItem {
    std::variant<UnitAlias, UnitConstant> node;
    SourceRange range;
};

struct UnitsBlock {
    std::vector<UnitsItem> items;
};

// ---- PARAMETER / CONSTANT / STATE / ASSIGNED / INDEPENDENT ----------------------------------

struct Limits {
    ExprPtr lo;
    ExprPtr hi;
    SourceRange range;
};

// gnabar = .12 (S/cm2) <0, 1e9> | v (mV) | ca[4] (mM) | O FROM 0 TO 1 | t FROM 0 TO 1 WITH 1 (ms)
struct VarDecl {
    Ident name;
    std::optional<std::int64_t> array_size;
    std::optional<Ident> array_size_name; // vol[NANN]: a DEFINE'd size (array_size then absent)
    ExprPtr value; // default value (a number, possibly negated); null when absent
    std::optional<UnitText> unit;
    std::optional<Limits> limits;
    ExprPtr tolerance; // STATE ca (mM) <1e-6>: absolute tolerance for adaptive steps; null when absent
    ExprPtr from; // FROM a TO b (STATE, ASSIGNED, INDEPENDENT); null when absent
    ExprPtr to;
    ExprPtr with;  // INDEPENDENT ... WITH n
    ExprPtr start; // STATE ... START x
    SourceRange range;
};

// Local: NMODL's top-level `LOCAL a, b` (mechanism-wide variables, not per instance; no units).
enum class DeclKind { Parameter, Constant, State, Assigned, Independent, Local };

struct DeclBlock {
    DeclKind kind = DeclKind::Parameter;
    std::vector<VarDecl> decls;
};

// ---- code blocks ---------------------------------------------------------------------------

struct Param {
    Ident name;
    std::optional<UnitText> unit;
};

// INITIAL { } / BREAKPOINT { } / CONSTRUCTOR { } / DESTRUCTOR { } / BEFORE x { } / AFTER x { }
enum class BodyKind { Initial, Breakpoint, Constructor, Destructor, Before, After };

struct BodyBlock {
    BodyKind kind = BodyKind::Initial;
    std::optional<Ident> when; // BEFORE/AFTER: BREAKPOINT, SOLVE, INITIAL or STEP
    StmtBlock body;
};

// DERIVATIVE states { } / KINETIC kin { } / LINEAR l { } / NONLINEAR n { }
enum class EquationKind { Derivative, Kinetic, Linear, Nonlinear };

struct EquationBlock {
    EquationKind kind = EquationKind::Derivative;
    Ident name;
    StmtBlock body;
};

// FUNCTION f(x (mV)) (/ms) { } ; PROCEDURE has no result unit.
struct FunctionBlock {
    bool is_procedure = false;
    Ident name;
    std::vector<Param> params;
    std::optional<UnitText> result_unit;
    StmtBlock body;
};

// FUNCTION_TABLE tau(v (mV)) (ms): values supplied at run time.
struct FunctionTableBlock {
    Ident name;
    std::vector<Param> params;
    std::optional<UnitText> result_unit;
};

// NET_RECEIVE(weight (uS), tsyn (ms)) { }
struct NetReceiveBlock {
    std::vector<Param> params;
    StmtBlock body;
};

// UNITSOFF / UNITSON between blocks (NEURON files put them around whole blocks).
struct UnitsToggleBlock {
    bool on = false;
};

// ---- mech's first-class blocks -------------------------------------------------------------

// GATE m POWER 3 { ALPHA = ... BETA = ... } or { INF = ... TAU = ... }.
// The parser guarantees exactly one complete form: (alpha and beta) or (inf and tau).
struct GateDecl {
    Ident name;
    std::optional<std::int64_t> power; // absent means 1
    ExprPtr alpha, beta, inf, tau;
    SourceRange range;
};

// CHANNEL na { ION na | NONSPECIFIC il, GMAX ..., PERMEABILITY ..., REVERSAL ..., CARRIER ca FRACTION f, GATE ... }.
// The parser guarantees: exactly one of ion / nonspecific; at most one of gmax / permeability
// and at least one of them; each item at most once.
struct ChannelBlock {
    Ident name;
    std::optional<Ident> ion;
    std::optional<Ident> nonspecific;
    ExprPtr gmax;
    ExprPtr permeability;
    ExprPtr reversal;
    std::optional<Ident> carrier_ion;
    ExprPtr carrier_fraction; // null when CARRIER has no FRACTION (the whole current)
    std::vector<GateDecl> gates;
};

// POOL cai { CURRENT ica  DEPTH = ... | FACTOR = ...  TAU = ...  MIN = ... }.
// The parser guarantees: current present; exactly one of depth / factor; each item at most once.
struct PoolBlock {
    Ident species;
    std::optional<Ident> current;
    ExprPtr depth;
    ExprPtr factor;
    ExprPtr tau; // null: no decay term
    ExprPtr min; // null: 0
};

// Every top-level block kind, listed once.
using BlockNode = std::variant<TitleBlock, DefineBlock, NeuronBlock, UnitsBlock, DeclBlock, BodyBlock, EquationBlock,
                               FunctionBlock, FunctionTableBlock, NetReceiveBlock, UnitsToggleBlock, ChannelBlock,
                               PoolBlock>;

struct Block {
    BlockNode node;
    SourceRange range;

    template <class T> bool is() const { return std::holds_alternative<T>(node); }
    template <class T> const T* as() const { return std::get_if<T>(&node); }
    template <class T> T* as() { return std::get_if<T>(&node); }
};

} // namespace mech::ast
