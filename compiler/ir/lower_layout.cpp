// Lowering, part 1: fields, globals and ions from sema's symbols, in mech_mechanism's order.
#include "ir/lower_context.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mech::ir::detail {

namespace {

// e<ion>, i<ion>, <ion>i, <ion>o -> the IonBits of that name.
int ion_bit(const std::string& ion, const std::string& name) {
    if (name == "e" + ion)
        return IonReversal;
    if (name == "i" + ion)
        return IonCurrent;
    if (name == ion + "i")
        return IonInternal;
    if (name == ion + "o")
        return IonExternal;
    return 0;
}

IonQuantity quantity_of(sema::IonRole role) {
    switch (role) {
    case sema::IonRole::Reversal: return IonQuantity::Reversal;
    case sema::IonRole::Current: return IonQuantity::Current;
    case sema::IonRole::Internal: return IonQuantity::Internal;
    case sema::IonRole::External: return IonQuantity::External;
    }
    return IonQuantity::Reversal;
}

} // namespace

Lowerer::Lowerer(const ast::Module& mod, const sema::Analysis& a, diag::DiagnosticEngine& d,
                 Mechanism& mech)
    : module(mod), an(a), diags(d), m(mech) {
    for (const auto& b : module.blocks)
        if (auto* f = b.as<ast::FunctionBlock>())
            functions[f->name.name] = f;
}

void Lowerer::unsupported(diag::SourceRange r, const std::string& what) {
    // Unrolled loops and per-element COMPARTMENT volumes lower one source expression many
    // times: say it once.
    std::string message = what + " is not supported by mech yet";
    if (!reported.insert({r.begin.line, r.begin.column, message}).second)
        return;
    diags.error(r, message);
}

void Lowerer::lay_out() {
    m.name = an.name;
    for (const auto& b : module.blocks)
        if (b.is<ast::NeuronBlock>() && !m.loc.valid())
            m.loc = b.range;
    switch (an.kind) {
    case ast::MechanismKind::Density: m.kind = Kind::Density; break;
    case ast::MechanismKind::PointProcess: m.kind = Kind::Point; break;
    case ast::MechanismKind::ArtificialCell: m.kind = Kind::Artificial; break;
    }
    m.has_electrode_current = !an.electrode_currents.empty();

    for (const auto& ion : an.ions) {
        Ion out{ion.name, ion.valence.value_or(0), 0, 0};
        for (const auto& r : ion.read)
            out.reads |= ion_bit(ion.name, r);
        for (const auto& w : ion.write)
            out.writes |= ion_bit(ion.name, w);
        m.ions.push_back(out);
    }

    auto is_top = [](const sema::Symbol& s) { return s.scope.empty(); };
    auto add_field = [&](SymbolId id, FieldRole role) {
        const sema::Symbol& s = an.symbols[id];
        places[id] = Var::field(static_cast<int>(m.fields.size()));
        // An array x[n] is n consecutive fields named x[0] ... x[n-1].
        std::int64_t n = s.array_size.value_or(0);
        for (std::int64_t k = 0; k < std::max<std::int64_t>(n, 1); ++k) {
            Field f{n > 0 ? fmt::format("{}[{}]", s.name, k) : s.name, s.unit_text,
                    s.default_value.value_or(0.0), -HUGE_VAL, HUGE_VAL, role};
            if (s.lower_limit)
                f.lower_limit = *s.lower_limit;
            if (s.upper_limit)
                f.upper_limit = *s.upper_limit;
            m.fields.push_back(std::move(f));
        }
    };
    auto is_current = [&](SymbolId id) {
        for (auto c : an.nonspecific_currents)
            if (c == id)
                return true;
        for (auto c : an.electrode_currents)
            if (c == id)
                return true;
        return false;
    };

    // Parameters: RANGE ones are fields; GLOBAL ones are globals unless a kernel assigns them.
    for (SymbolId id = 0; id < an.symbols.size(); ++id) {
        const auto& s = an.symbols[id];
        if (is_top(s) && s.kind == sema::SymbolKind::Parameter && s.visibility == sema::Visibility::Range)
            add_field(id, FieldRole::Parameter);
    }
    for (SymbolId id = 0; id < an.symbols.size(); ++id) {
        const auto& s = an.symbols[id];
        bool state = s.kind == sema::SymbolKind::State || s.kind == sema::SymbolKind::Gate ||
                     s.kind == sema::SymbolKind::Pool;
        if (is_top(s) && state)
            add_field(id, FieldRole::State);
    }
    for (SymbolId id = 0; id < an.symbols.size(); ++id) {
        const auto& s = an.symbols[id];
        if (!is_top(s))
            continue;
        bool assigned_range = s.kind == sema::SymbolKind::Assigned &&
                              (s.visibility == sema::Visibility::Range || is_current(id));
        bool written_global = (s.kind == sema::SymbolKind::Assigned ||
                               s.kind == sema::SymbolKind::Parameter) &&
                              s.visibility == sema::Visibility::Global && s.writes > 0;
        if (assigned_range || written_global)
            add_field(id, FieldRole::Assigned);
    }
    for (SymbolId id = 0; id < an.symbols.size(); ++id) {
        const auto& s = an.symbols[id];
        if (!is_top(s) || places.count(id))
            continue;
        switch (s.kind) {
        case sema::SymbolKind::Parameter:
        case sema::SymbolKind::Assigned:
            places[id] = Var::global(static_cast<int>(m.globals.size()));
            if (!s.array_size)
                m.globals.push_back({s.name, s.unit_text, s.default_value.value_or(0.0)});
            for (std::int64_t k = 0; k < s.array_size.value_or(0); ++k)
                m.globals.push_back({fmt::format("{}[{}]", s.name, k), s.unit_text,
                                     s.default_value.value_or(0.0)});
            break;
        case sema::SymbolKind::Constant: constants[id] = s.default_value.value_or(0.0); break;
        case sema::SymbolKind::IonVariable:
            if (s.ion)
                places[id] = Var::ion(ion_index(s.ion->ion), quantity_of(s.ion->role));
            break;
        case sema::SymbolKind::Special:
            if (s.name == "v")
                places[id] = Var::special(VarKind::Voltage);
            else if (s.name == "t")
                places[id] = Var::special(VarKind::Time);
            else if (s.name == "dt")
                places[id] = Var::special(VarKind::Dt);
            else if (s.name == "celsius")
                places[id] = Var::special(VarKind::Celsius);
            else if (s.name == "area")
                places[id] = Var::special(VarKind::Area);
            else if (s.name == "diam")
                places[id] = Var::special(VarKind::Diam);
            break;
        default: break;
        }
    }
}

} // namespace mech::ir::detail
