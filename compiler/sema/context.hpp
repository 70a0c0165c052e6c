// State shared by the stages of semantic analysis (internal to compiler/sema).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "sema/analysis.hpp"
#include "units/parse_unit.hpp"
#include "units/unit_table.hpp"

namespace mech::sema {

// An assignment to a PARAMETER outside INITIAL (a warning if reached outside INITIAL).
struct ParameterWrite {
    SymbolId symbol;
    diag::SourceRange range;
    std::string where; // block or function name
};

// Facts gathered while checking bodies, used by the mechanism-level rules afterwards.
struct BodyFacts {
    std::set<SymbolId> assigned_in_breakpoint; // directly or through called PROCEDUREs/FUNCTIONs
    std::set<SymbolId> with_dynamics;          // x' = ..., reaction species, LINEAR/NONLINEAR unknowns
    std::map<std::string, std::set<std::string>> calls; // block/function -> functions it calls
    std::map<std::string, std::set<SymbolId>> writes;   // block/function -> symbols it assigns
    std::vector<ParameterWrite> parameter_writes;
    bool has_net_receive = false;
    diag::SourceRange net_receive_range;
};

class Context {
public:
    Context(const ast::Module& m, diag::DiagnosticEngine& d, const Options& o, Analysis& a);

    const ast::Module& module;
    diag::DiagnosticEngine& diags;
    const Options& options;
    Analysis& out;
    units::UnitTable table;
    BodyFacts facts;

    bool strict() const { return options.dialect == ast::Dialect::Mech; }
    bool point_process() const { return out.kind != ast::MechanismKind::Density; }

    // Mechanism-level names.
    SymbolId lookup(std::string_view name) const;
    SymbolId add_symbol(Symbol s); // registers at mechanism level when s.scope is empty
    Symbol& sym(SymbolId id) { return out.symbols[id]; }

    // Unit problems: errors in .mech (or with strict_units), warnings in .mod, nothing
    // inside UNITSOFF ... UNITSON.
    void unit_problem(diag::SourceRange where, std::string message);
    bool units_checked(diag::SourceLocation at) const;
    // A unit text from the source; reports bad texts (as unit problems) and gives nullopt.
    std::optional<units::Unit> parse_units(const ast::UnitText& text);

    // Usual units of the special quantities.
    units::Unit unit_of(std::string_view text) const;
    units::Unit time_unit() const;       // t's units (ms unless INDEPENDENT says otherwise)
    units::Unit current_unit() const;    // mA/cm2, or nA for point processes
    units::Unit conductance_unit() const;// S/cm2, or uS for point processes

private:
    void collect_toggles();
    std::map<std::string, SymbolId, std::less<>> names_;
    // (location, units on?) in source order
    std::vector<std::pair<diag::SourceLocation, bool>> toggles_;
};

// "did you mean" helper: the candidate closest to `name` by edit distance, or "".
std::string closest(std::string_view name, const std::vector<std::string>& candidates);

// The usual valence of an ion NEURON knows (na, k 1; ca 2; cl -1), if any.
std::optional<int> default_valence(std::string_view ion);
// For `name` used with ion `ion`: which of e<ion>, i<ion>, <ion>i, <ion>o it is.
std::optional<IonRole> ion_role(std::string_view ion, std::string_view name);
std::string ion_var_name(std::string_view ion, IonRole role);

// Stages, in the order analyse() runs them.
void declare_symbols(Context& cx);
void check_bodies(Context& cx);
void check_mechanism_rules(Context& cx);

} // namespace mech::sema

namespace mech::sema {
// The value of a constant expression (numbers, DEFINE names, + - * / ^), if it is one.
std::optional<double> const_value(const ast::Expr& e, const Context& cx);
// The size of an array declaration: `x[4]` (`number`) or `x[NANN]` (`name`, a DEFINE'd
// positive integer, recorded as a use of NANN). Reports a located error and gives nullopt
// when the name is not such a constant.
std::optional<std::int64_t> array_size(const std::optional<std::int64_t>& number,
                                       const std::optional<ast::Ident>& name, Context& cx);
} // namespace mech::sema
