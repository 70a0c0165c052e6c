// Shared helpers of semantic analysis: mechanism-level names, unit reporting, UNITSOFF regions.
#include "sema/context.hpp"

#include "diag/suggest.hpp"

#include <algorithm>

#include "ast/walk.hpp"

namespace mech::sema {

namespace {

bool before_or_at(const diag::SourceLocation& a, const diag::SourceLocation& b) {
    return a.line < b.line || (a.line == b.line && a.column <= b.column);
}

// Finds UNITSOFF/UNITSON statements inside bodies, in source order.
class ToggleFinder : public ast::Walker {
public:
    std::vector<std::pair<diag::SourceLocation, bool>>* out = nullptr;
    bool enter(const ast::Stmt& s) override {
        if (auto* t = s.as<ast::UnitsToggleStmt>())
            out->emplace_back(s.range.begin, t->on);
        return true;
    }
};

} // namespace

Context::Context(const ast::Module& m, diag::DiagnosticEngine& d, const Options& o, Analysis& a)
    : module(m), diags(d), options(o), out(a) {
    collect_toggles();
}

void Context::collect_toggles() {
    ToggleFinder finder;
    finder.out = &toggles_;
    for (const ast::Block& b : module.blocks) {
        if (auto* t = b.as<ast::UnitsToggleBlock>())
            toggles_.emplace_back(b.range.begin, t->on);
        else
            finder.walk(b);
    }
    std::stable_sort(toggles_.begin(), toggles_.end(), [](const auto& x, const auto& y) {
        return before_or_at(x.first, y.first) && !(x.first == y.first);
    });
}

bool Context::units_checked(diag::SourceLocation at) const {
    bool on = true;
    for (const auto& [where, state] : toggles_) {
        if (!before_or_at(where, at))
            break;
        on = state;
    }
    return on;
}

void Context::unit_problem(diag::SourceRange where, std::string message) {
    if (where.valid() && !units_checked(where.begin))
        return;
    if (strict() || options.strict_units)
        diags.error(where, std::move(message));
    else
        diags.warning(where, std::move(message));
}

std::optional<units::Unit> Context::parse_units(const ast::UnitText& text) {
    units::ParseResult r = units::parse_unit(text.text, table);
    if (r.ok())
        return r.unit;
    diag::SourceRange at = text.range;
    // Point inside the parentheses at the offending character.
    at.begin.column += 1 + static_cast<std::uint32_t>(r.offset);
    at.end = at.begin;
    if (strict() || options.strict_units)
        diags.error(at, r.error);
    else
        diags.warning(at, r.error);
    return std::nullopt;
}

units::Unit Context::unit_of(std::string_view text) const {
    return units::parse_unit(text, units::UnitTable::builtin()).unit;
}

units::Unit Context::time_unit() const {
    SymbolId t = lookup("t");
    return t == kNoSymbol ? unit_of("ms") : out.symbols[t].unit;
}

units::Unit Context::current_unit() const { return unit_of(point_process() ? "nA" : "mA/cm2"); }

units::Unit Context::conductance_unit() const { return unit_of(point_process() ? "uS" : "S/cm2"); }

SymbolId Context::lookup(std::string_view name) const {
    auto it = names_.find(name);
    return it == names_.end() ? kNoSymbol : it->second;
}

SymbolId Context::add_symbol(Symbol s) {
    SymbolId id = static_cast<SymbolId>(out.symbols.size());
    if (s.scope.empty())
        names_.insert_or_assign(s.name, id);
    out.symbols.push_back(std::move(s));
    return id;
}

std::string closest(std::string_view name, const std::vector<std::string>& candidates) {
    return diag::closest_match(name, candidates);
}

std::optional<int> default_valence(std::string_view ion) {
    if (ion == "na" || ion == "k")
        return 1;
    if (ion == "ca")
        return 2;
    if (ion == "cl")
        return -1;
    return std::nullopt;
}

std::optional<IonRole> ion_role(std::string_view ion, std::string_view name) {
    for (IonRole r : {IonRole::Reversal, IonRole::Current, IonRole::Internal, IonRole::External})
        if (name == ion_var_name(ion, r))
            return r;
    return std::nullopt;
}

std::string ion_var_name(std::string_view ion, IonRole role) {
    std::string i(ion);
    switch (role) {
    case IonRole::Reversal:
        return "e" + i;
    case IonRole::Current:
        return "i" + i;
    case IonRole::Internal:
        return i + "i";
    case IonRole::External:
        return i + "o";
    }
    return i;
}

const char* kind_name(SymbolKind k) {
    switch (k) {
    case SymbolKind::Parameter: return "PARAMETER";
    case SymbolKind::State: return "STATE";
    case SymbolKind::Assigned: return "ASSIGNED";
    case SymbolKind::Constant: return "CONSTANT";
    case SymbolKind::Local: return "LOCAL";
    case SymbolKind::Argument: return "argument";
    case SymbolKind::IonVariable: return "ion variable";
    case SymbolKind::Special: return "special variable";
    case SymbolKind::Function: return "FUNCTION";
    case SymbolKind::Procedure: return "PROCEDURE";
    case SymbolKind::Gate: return "GATE";
    case SymbolKind::Pool: return "POOL";
    case SymbolKind::EquationBlock: return "block";
    }
    return "symbol";
}

const Symbol* Analysis::find(std::string_view name) const {
    SymbolId id = find_id(name);
    return id == kNoSymbol ? nullptr : &symbols[id];
}

SymbolId Analysis::find_id(std::string_view name) const {
    // Later declarations of the same name (redeclared specials) win, as in lookup.
    for (std::size_t i = symbols.size(); i-- > 0;)
        if (symbols[i].name == name && symbols[i].scope.empty())
            return static_cast<SymbolId>(i);
    return kNoSymbol;
}

const Symbol* Analysis::symbol_of(const ast::Expr& use) const {
    auto it = name_uses.find(&use);
    return it == name_uses.end() ? nullptr : &symbols[it->second];
}

Analysis analyse(const ast::Module& module, diag::DiagnosticEngine& diags, const Options& options) {
    Analysis out;
    Context cx(module, diags, options, out);
    declare_symbols(cx);
    check_bodies(cx);
    check_mechanism_rules(cx);
    return out;
}

} // namespace mech::sema
