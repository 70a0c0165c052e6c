// Stage 1: every declaration becomes a Symbol (UNITS, NEURON, PARAMETER ... ASSIGNED,
// FUNCTIONs, blocks); duplicates and misnamed ion variables are reported here.
#include <filesystem>

#include "sema/context.hpp"
#include "sema/declare_parts.hpp"

namespace mech::sema {

namespace {

void note_previous(Context& cx, const Symbol& first) {
    if (first.decl.valid())
        cx.diags.note(first.decl, "'" + first.name + "' was first declared here");
}

void declare_units(Context& cx) {
    for (const ast::Block& b : cx.module.blocks) {
        auto* units = b.as<ast::UnitsBlock>();
        if (!units)
            continue;
        for (const ast::UnitsItem& item : units->items) {
            if (auto* alias = std::get_if<ast::UnitAlias>(&item.node)) {
                if (auto u = cx.parse_units(alias->definition))
                    cx.table.define(alias->name.text, *u);
                continue;
            }
            const auto& c = std::get<ast::UnitConstant>(item.node);
            Symbol s;
            s.name = c.name.name;
            s.kind = SymbolKind::Constant;
            s.decl = c.name.range;
            if (c.value) {
                s.default_value = const_value(*c.value, cx);
                if (c.unit) {
                    s.unit_text = c.unit->text;
                    if (auto u = cx.parse_units(*c.unit))
                        s.unit = *u;
                }
            } else if (c.unit && c.in_unit) {
                auto from = cx.parse_units(*c.unit);
                auto to = cx.parse_units(*c.in_unit);
                s.unit_text = c.in_unit->text;
                if (from && to) {
                    s.unit = *to;
                    if (auto f = units::conversion_factor(*from, *to)) {
                        s.default_value = *f;
                    } else {
                        cx.diags.error(item.range, "cannot express '" + from->str() + "' in '" +
                                                       to->str() + "': the dimensions differ");
                    }
                }
            }
            SymbolId prev = cx.lookup(s.name);
            if (prev != kNoSymbol) {
                cx.diags.error(c.name.range, "'" + s.name + "' is already declared");
                note_previous(cx, cx.sym(prev));
                continue;
            }
            SymbolId id = cx.add_symbol(std::move(s));
            cx.out.ident_uses[&c.name] = id;
        }
    }
}

void declare_specials(Context& cx) {
    struct Special {
        const char* name;
        const char* unit;
    };
    for (Special sp : {Special{"v", "mV"}, Special{"t", "ms"}, Special{"dt", "ms"},
                       Special{"celsius", "degC"}, Special{"area", "um2"}, Special{"diam", "um"}}) {
        Symbol s;
        s.name = sp.name;
        s.kind = SymbolKind::Special;
        s.unit = cx.unit_of(sp.unit).named(sp.unit);
        s.unit_text = sp.unit;
        cx.add_symbol(std::move(s));
    }
}

void declare_neuron(Context& cx) {
    const ast::NeuronBlock* nb = cx.module.find<ast::NeuronBlock>();
    const ast::SuffixStmt* first = nullptr;
    if (nb) {
        for (const ast::NeuronStmt& st : nb->stmts) {
            auto* sfx = std::get_if<ast::SuffixStmt>(&st.node);
            if (!sfx)
                continue;
            if (first) {
                cx.diags.error(sfx->name.range, "a mechanism has one SUFFIX, POINT_PROCESS or "
                                                "ARTIFICIAL_CELL; '" + first->name.name +
                                                    "' is already given");
                cx.diags.note(first->name.range, "the first one is here");
                continue;
            }
            first = sfx;
            cx.out.kind = sfx->kind;
            cx.out.name = sfx->name.name;
        }
    }
    if (!first)
        cx.out.name = std::filesystem::path(cx.module.file_name).stem().string();
    if (!nb)
        return;
    for (const ast::NeuronStmt& st : nb->stmts) {
        if (auto* use = std::get_if<ast::UseIonStmt>(&st.node))
            declare_useion(cx, *use, st.range);
        else if (auto* list = std::get_if<ast::NameListStmt>(&st.node))
            if (list->kind == ast::NameListKind::Threadsafe)
                cx.out.threadsafe = true;
    }
}

// Merges a redeclaration of a special or ion variable into the existing symbol.
void merge_declaration(Context& cx, SymbolId id, const ast::VarDecl& d, ast::DeclKind kind,
                       const std::optional<units::Unit>& unit) {
    Symbol& s = cx.sym(id);
    if (unit) {
        if (!units::equivalent(*unit, s.unit)) {
            std::string msg = "'" + s.name + "' is declared in '" + unit->str() + "' but mech uses '" +
                              s.unit.str() + "' for it";
            if (auto f = units::conversion_factor(s.unit, *unit))
                msg += " (a factor of " + units::format_factor(*f) + ")";
            cx.unit_problem(d.unit->range, msg);
        }
        s.unit = *unit;
        s.unit_text = d.unit->text;
    }
    if (d.value)
        s.default_value = const_value(*d.value, cx);
    if (kind == ast::DeclKind::State && s.kind == SymbolKind::IonVariable)
        s.kind = SymbolKind::State;
    if (kind == ast::DeclKind::Parameter && s.kind == SymbolKind::IonVariable)
        s.kind = SymbolKind::IonVariable; // e.g. PARAMETER { cao = 2 (mM) }: still the ion's value
}

SymbolKind kind_of(ast::DeclKind k) {
    switch (k) {
    case ast::DeclKind::Parameter: return SymbolKind::Parameter;
    case ast::DeclKind::Constant: return SymbolKind::Constant;
    case ast::DeclKind::State: return SymbolKind::State;
    case ast::DeclKind::Assigned: return SymbolKind::Assigned;
    case ast::DeclKind::Independent: return SymbolKind::Special;
    // A top-level LOCAL is NEURON's mechanism-wide C static: an ASSIGNED without units, so
    // that lowering places it like a GLOBAL (a per-instance field when a kernel writes it).
    case ast::DeclKind::Local: return SymbolKind::Assigned;
    }
    return SymbolKind::Assigned;
}

// STATE ca (mM) <1e-6>: kept for adaptive integration; it must be a positive number.
std::optional<double> tolerance_of(const ast::Expr& e, ast::DeclKind kind, Context& cx) {
    if (kind != ast::DeclKind::State) {
        cx.diags.error(e.range, "only a STATE takes an absolute tolerance '<tol>'");
        return std::nullopt;
    }
    auto value = const_value(e, cx);
    if (!value || !(*value > 0)) {
        cx.diags.error(e.range, "an absolute tolerance must be a positive number, e.g. <1e-6>");
        return std::nullopt;
    }
    return value;
}

void declare_variables(Context& cx) {
    std::vector<bool> merged(cx.out.symbols.size() + 1024, false);
    for (const ast::Block& b : cx.module.blocks) {
        if (auto* def = b.as<ast::DefineBlock>()) {
            Symbol s;
            s.name = def->name.name;
            s.kind = SymbolKind::Constant;
            s.decl = def->name.range;
            if (def->value)
                s.default_value = const_value(*def->value, cx);
            SymbolId prev = cx.lookup(s.name);
            if (prev != kNoSymbol) {
                cx.diags.error(def->name.range, "'" + s.name + "' is already declared");
                note_previous(cx, cx.sym(prev));
                continue;
            }
            cx.out.ident_uses[&def->name] = cx.add_symbol(std::move(s));
            continue;
        }
        auto* block = b.as<ast::DeclBlock>();
        if (!block)
            continue;
        for (const ast::VarDecl& d : block->decls) {
            std::optional<units::Unit> unit;
            if (d.unit)
                unit = cx.parse_units(*d.unit);
            SymbolId prev = cx.lookup(d.name.name);
            if (prev != kNoSymbol) {
                SymbolKind pk = cx.sym(prev).kind;
                bool mergeable = (pk == SymbolKind::Special || pk == SymbolKind::IonVariable) &&
                                 prev < merged.size() && !merged[prev];
                if (mergeable && block->kind != ast::DeclKind::Constant &&
                    block->kind != ast::DeclKind::Local) {
                    merged[prev] = true;
                    merge_declaration(cx, prev, d, block->kind, unit);
                    cx.sym(prev).decl = d.name.range;
                    cx.out.ident_uses[&d.name] = prev;
                    continue;
                }
                cx.diags.error(d.name.range, "'" + d.name.name + "' is already declared as " +
                                                 kind_name(pk));
                note_previous(cx, cx.sym(prev));
                continue;
            }
            Symbol s;
            s.name = d.name.name;
            s.kind = kind_of(block->kind);
            s.decl = d.name.range;
            s.array_size = array_size(d.array_size, d.array_size_name, cx);
            s.mechanism_local = block->kind == ast::DeclKind::Local;
            if (s.mechanism_local) {
                s.units_known = false; // like a LOCAL in a block: units from the first assignment
            } else if (unit) {
                s.unit = *unit;
                s.unit_text = d.unit->text;
            } else if (d.unit) {
                s.units_known = false;
            }
            if (d.value)
                s.default_value = const_value(*d.value, cx);
            if (d.limits) {
                if (d.limits->lo)
                    s.lower_limit = const_value(*d.limits->lo, cx);
                if (d.limits->hi)
                    s.upper_limit = const_value(*d.limits->hi, cx);
            }
            if (d.tolerance)
                s.tolerance = tolerance_of(*d.tolerance, block->kind, cx);
            cx.out.ident_uses[&d.name] = cx.add_symbol(std::move(s));
        }
    }
}

void declare_callables(Context& cx) {
    auto add = [&](const ast::Ident& name, Symbol s) {
        SymbolId prev = cx.lookup(name.name);
        if (prev != kNoSymbol) {
            cx.diags.error(name.range, "'" + name.name + "' is already declared as " +
                                           kind_name(cx.sym(prev).kind));
            note_previous(cx, cx.sym(prev));
            return;
        }
        s.name = name.name;
        s.decl = name.range;
        cx.out.ident_uses[&name] = cx.add_symbol(std::move(s));
    };
    auto params = [&](Symbol& s, const std::vector<ast::Param>& ps) {
        for (const ast::Param& p : ps) {
            std::optional<units::Unit> u;
            if (p.unit)
                u = cx.parse_units(*p.unit);
            s.param_units.push_back(u.value_or(units::Unit()));
            s.param_has_unit.push_back(u.has_value());
        }
    };
    for (const ast::Block& b : cx.module.blocks) {
        if (auto* f = b.as<ast::FunctionBlock>()) {
            Symbol s;
            s.kind = f->is_procedure ? SymbolKind::Procedure : SymbolKind::Function;
            params(s, f->params);
            if (f->result_unit)
                if (auto u = cx.parse_units(*f->result_unit))
                    s.result_unit = *u;
            add(f->name, std::move(s));
        } else if (auto* ft = b.as<ast::FunctionTableBlock>()) {
            Symbol s;
            s.kind = SymbolKind::Function;
            s.is_table = true;
            params(s, ft->params);
            if (ft->result_unit)
                if (auto u = cx.parse_units(*ft->result_unit))
                    s.result_unit = *u;
            add(ft->name, std::move(s));
        } else if (auto* eq = b.as<ast::EquationBlock>()) {
            Symbol s;
            s.kind = SymbolKind::EquationBlock;
            s.equations = eq->kind;
            add(eq->name, std::move(s));
        }
    }
}

} // namespace

void declare_symbols(Context& cx) {
    declare_units(cx);
    declare_specials(cx);
    declare_neuron(cx);
    declare_variables(cx);
    declare_callables(cx);
    declare_channels(cx);
    declare_pools(cx);
    apply_name_lists(cx);
}

} // namespace mech::sema
