// USEION statements, the ion variables they bring in, and the NEURON block's name lists.
#include "sema/declare_parts.hpp"

namespace mech::sema {

namespace {

Ion& ion_entry(Context& cx, const std::string& name, diag::SourceRange where, bool implicit) {
    for (Ion& ion : cx.out.ions)
        if (ion.name == name)
            return ion;
    Ion ion;
    ion.name = name;
    ion.valence = default_valence(name);
    ion.implicit = implicit;
    ion.decl = where;
    cx.out.ions.push_back(std::move(ion));
    return cx.out.ions.back();
}

units::Unit ion_unit(const Context& cx, IonRole role) {
    switch (role) {
    case IonRole::Reversal: return cx.unit_of("mV").named("mV");
    case IonRole::Current:
        return cx.current_unit().named(cx.point_process() ? "nA" : "mA/cm2");
    case IonRole::Internal:
    case IonRole::External: return cx.unit_of("mM").named("mM");
    }
    return {};
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
    for (const std::string& x : v)
        if (x == s)
            return;
    v.push_back(s);
}

} // namespace

SymbolId use_ion_variable(Context& cx, const std::string& ion, IonRole role, bool write,
                          diag::SourceRange where) {
    Ion& entry = ion_entry(cx, ion, where, /*implicit=*/true);
    std::string name = ion_var_name(ion, role);
    add_unique(write ? entry.write : entry.read, name);
    SymbolId id = cx.lookup(name);
    if (id == kNoSymbol) {
        Symbol s;
        s.name = name;
        s.kind = SymbolKind::IonVariable;
        s.unit = ion_unit(cx, role);
        s.unit_text = s.unit.str();
        s.decl = where;
        s.visibility = Visibility::Range;
        s.ion = IonVar{ion, role, false, false};
        id = cx.add_symbol(std::move(s));
    }
    Symbol& s = cx.sym(id);
    if (!s.ion)
        s.ion = IonVar{ion, role, false, false};
    (write ? s.ion->written : s.ion->read) = true;
    return id;
}

void declare_useion(Context& cx, const ast::UseIonStmt& use, diag::SourceRange range) {
    const std::string& ion = use.ion.name;
    for (const Ion& existing : cx.out.ions) {
        if (existing.name == ion && !existing.implicit) {
            cx.diags.error(use.ion.range, "ion '" + ion + "' is already used by another USEION");
            cx.diags.note(existing.decl, "the first USEION " + ion + " is here");
            return;
        }
    }
    Ion& entry = ion_entry(cx, ion, use.ion.range, /*implicit=*/false);
    entry.implicit = false;
    entry.decl = use.ion.range;
    if (use.valence) {
        auto v = const_value(*use.valence, cx);
        if (!v || *v != static_cast<int>(*v))
            cx.diags.error(use.valence->range, "VALENCE must be an integer constant");
        else
            entry.valence = static_cast<int>(*v);
    }
    auto list = [&](const std::vector<ast::Ident>& names, bool write) {
        for (const ast::Ident& n : names) {
            auto role = ion_role(ion, n.name);
            if (!role) {
                std::string msg = "'" + n.name + "' is not a variable of ion '" + ion +
                                  "' (expected " + ion_var_name(ion, IonRole::Reversal) + ", " +
                                  ion_var_name(ion, IonRole::Current) + ", " +
                                  ion_var_name(ion, IonRole::Internal) + " or " +
                                  ion_var_name(ion, IonRole::External) + ")";
                cx.diags.error(n.range, msg);
                continue;
            }
            cx.out.ident_uses[&n] = use_ion_variable(cx, ion, *role, write, n.range);
        }
    };
    list(use.read, false);
    list(use.write, true);
    if (!entry.valence && use.valence == nullptr)
        cx.diags.warning(use.ion.range, "ion '" + ion +
                                            "' has no VALENCE and mech does not know its charge; "
                                            "add VALENCE n");
    (void)range;
}

void apply_name_lists(Context& cx) {
    // Default visibility first; RANGE/GLOBAL below override it.
    for (Symbol& s : cx.out.symbols) {
        if (!s.scope.empty())
            continue;
        switch (s.kind) {
        case SymbolKind::State:
        case SymbolKind::Gate:
        case SymbolKind::Pool:
        case SymbolKind::IonVariable: s.visibility = Visibility::Range; break;
        case SymbolKind::Parameter:
        case SymbolKind::Assigned: s.visibility = Visibility::Global; break;
        default: break;
        }
    }
    const ast::NeuronBlock* nb = cx.module.find<ast::NeuronBlock>();
    if (!nb)
        return;
    std::vector<std::string> names;
    for (const Symbol& s : cx.out.symbols)
        if (s.scope.empty())
            names.push_back(s.name);
    for (const ast::NeuronStmt& st : nb->stmts) {
        auto* list = std::get_if<ast::NameListStmt>(&st.node);
        if (!list || list->kind == ast::NameListKind::Threadsafe)
            continue;
        for (const ast::Ident& n : list->names) {
            SymbolId id = cx.lookup(n.name);
            bool current = list->kind == ast::NameListKind::Nonspecific ||
                           list->kind == ast::NameListKind::Electrode;
            if (id == kNoSymbol && (current || list->kind == ast::NameListKind::External)) {
                Symbol s;
                s.name = n.name;
                s.kind = SymbolKind::Assigned;
                s.decl = n.range;
                if (current) {
                    s.unit = cx.current_unit().named(cx.point_process() ? "nA" : "mA/cm2");
                    s.unit_text = s.unit.str();
                } else {
                    s.units_known = false;
                }
                id = cx.add_symbol(std::move(s));
            }
            if (id == kNoSymbol) {
                std::string msg = "'" + n.name + "' is not declared";
                std::string hint = closest(n.name, names);
                if (!hint.empty())
                    msg += "; did you mean '" + hint + "'?";
                if (cx.strict())
                    cx.diags.error(n.range, msg);
                else
                    cx.diags.warning(n.range, msg + " (ignored, as NEURON does)");
                continue;
            }
            cx.out.ident_uses[&n] = id;
            Symbol& s = cx.sym(id);
            switch (list->kind) {
            case ast::NameListKind::Range: s.visibility = Visibility::Range; break;
            case ast::NameListKind::Global: s.visibility = Visibility::Global; break;
            case ast::NameListKind::Pointer:
            case ast::NameListKind::BbcorePointer: s.pointer = true; break;
            case ast::NameListKind::Nonspecific:
            case ast::NameListKind::Electrode: {
                auto& into = list->kind == ast::NameListKind::Nonspecific
                                 ? cx.out.nonspecific_currents
                                 : cx.out.electrode_currents;
                into.push_back(id);
                s.visibility = Visibility::Range;
                units::Unit want = cx.current_unit();
                if (s.units_known && !units::equivalent(s.unit, want)) {
                    std::string msg = "current '" + s.name + "' is declared in '" + s.unit.str() +
                                      "' but a " +
                                      (cx.point_process() ? "POINT_PROCESS's currents are in 'nA'"
                                                          : "density mechanism's currents are in "
                                                            "'mA/cm2'");
                    cx.unit_problem(s.decl, msg);
                }
                break;
            }
            default: break;
            }
        }
    }
}

} // namespace mech::sema
