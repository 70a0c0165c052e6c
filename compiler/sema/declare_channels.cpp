// CHANNEL and POOL blocks: their gates become states, their ions implied USEIONs.
#include "sema/declare_parts.hpp"

namespace mech::sema {

namespace {

// The ion a concentration name belongs to: "cai" -> ("ca", Internal).
std::optional<std::pair<std::string, IonRole>> concentration_ion(const std::string& name) {
    if (name.size() < 2)
        return std::nullopt;
    char last = name.back();
    if (last == 'i')
        return std::pair{name.substr(0, name.size() - 1), IonRole::Internal};
    if (last == 'o')
        return std::pair{name.substr(0, name.size() - 1), IonRole::External};
    return std::nullopt;
}

SymbolId declare_current(Context& cx, const ast::Ident& name) {
    SymbolId id = cx.lookup(name.name);
    if (id == kNoSymbol) {
        Symbol s;
        s.name = name.name;
        s.kind = SymbolKind::Assigned;
        s.decl = name.range;
        s.unit = cx.current_unit().named(cx.point_process() ? "nA" : "mA/cm2");
        s.unit_text = s.unit.str();
        s.visibility = Visibility::Range;
        id = cx.add_symbol(std::move(s));
    }
    bool listed = false;
    for (SymbolId c : cx.out.nonspecific_currents)
        listed = listed || c == id;
    if (!listed)
        cx.out.nonspecific_currents.push_back(id);
    return id;
}

} // namespace

void declare_channels(Context& cx) {
    std::vector<const ast::ChannelBlock*> seen;
    for (const ast::Block& b : cx.module.blocks) {
        auto* ch = b.as<ast::ChannelBlock>();
        if (!ch)
            continue;
        bool duplicate = false;
        for (const ast::ChannelBlock* other : seen) {
            if (other->name.name == ch->name.name) {
                cx.diags.error(ch->name.range, "CHANNEL '" + ch->name.name + "' is already declared");
                cx.diags.note(other->name.range, "the first CHANNEL '" + ch->name.name + "' is here");
                duplicate = true;
            }
        }
        if (duplicate)
            continue;
        seen.push_back(ch);
        Channel channel;
        channel.name = ch->name.name;
        channel.block = ch;
        channel.ghk = ch->permeability != nullptr;
        if (ch->ion) {
            const std::string& ion = ch->ion->name;
            channel.ion = ion;
            channel.current = use_ion_variable(cx, ion, IonRole::Current, true, ch->ion->range);
            cx.out.ident_uses[&*ch->ion] = channel.current;
            if (channel.ghk) {
                use_ion_variable(cx, ion, IonRole::Internal, false, ch->ion->range);
                use_ion_variable(cx, ion, IonRole::External, false, ch->ion->range);
            } else if (!ch->reversal) {
                use_ion_variable(cx, ion, IonRole::Reversal, false, ch->ion->range);
            }
        } else if (ch->nonspecific) {
            channel.current = declare_current(cx, *ch->nonspecific);
            cx.out.ident_uses[&*ch->nonspecific] = channel.current;
            if (!ch->reversal && !channel.ghk)
                cx.diags.error(ch->name.range, "CHANNEL '" + ch->name.name +
                                                   "' has a NONSPECIFIC current and needs a "
                                                   "REVERSAL potential");
        }
        if (channel.current != kNoSymbol)
            ++cx.sym(channel.current).writes; // the CHANNEL assigns its current itself
        if (ch->carrier_ion) {
            channel.carrier_ion = ch->carrier_ion->name;
            use_ion_variable(cx, ch->carrier_ion->name, IonRole::Current, true,
                             ch->carrier_ion->range);
        }
        for (const ast::GateDecl& g : ch->gates) {
            SymbolId prev = cx.lookup(g.name.name);
            if (prev != kNoSymbol) {
                const Symbol& p = cx.sym(prev);
                cx.diags.error(g.name.range, "gate '" + g.name.name +
                                                 "' clashes with the " + kind_name(p.kind) +
                                                 " of the same name; gates are states mech "
                                                 "declares, give it another name");
                if (p.decl.valid())
                    cx.diags.note(p.decl, "'" + p.name + "' is declared here");
                continue;
            }
            if (g.power && *g.power < 1)
                cx.diags.error(g.name.range, "the POWER of gate '" + g.name.name +
                                                 "' must be a positive integer");
            Symbol s;
            s.name = g.name.name;
            s.kind = SymbolKind::Gate;
            s.decl = g.name.range;
            s.visibility = Visibility::Range;
            s.gate_of = ch->name.name;
            s.gate_power = g.power.value_or(1);
            SymbolId id = cx.add_symbol(std::move(s));
            cx.out.ident_uses[&g.name] = id;
            channel.gates.push_back(id);
        }
        cx.out.channels.push_back(std::move(channel));
    }
}

void declare_pools(Context& cx) {
    for (const ast::Block& b : cx.module.blocks) {
        auto* pool = b.as<ast::PoolBlock>();
        if (!pool)
            continue;
        auto which = concentration_ion(pool->species.name);
        if (!which) {
            cx.diags.error(pool->species.range,
                           "POOL '" + pool->species.name +
                               "' must name an ion concentration such as cai or nai");
            continue;
        }
        const auto& [ion, role] = *which;
        Pool p;
        p.ion = ion;
        p.block = pool;
        SymbolId prev = cx.lookup(pool->species.name);
        if (prev != kNoSymbol && cx.sym(prev).kind == SymbolKind::Pool) {
            cx.diags.error(pool->species.range, "POOL '" + pool->species.name +
                                                    "' is already declared");
            cx.diags.note(cx.sym(prev).decl, "the first POOL is here");
            continue;
        }
        if (prev != kNoSymbol && cx.sym(prev).kind != SymbolKind::IonVariable) {
            cx.diags.error(pool->species.range, "POOL '" + pool->species.name +
                                                    "' clashes with the " +
                                                    kind_name(cx.sym(prev).kind) +
                                                    " of the same name");
            cx.diags.note(cx.sym(prev).decl, "'" + pool->species.name + "' is declared here");
            continue;
        }
        p.species = use_ion_variable(cx, ion, role, true, pool->species.range);
        Symbol& s = cx.sym(p.species);
        s.kind = SymbolKind::Pool;
        s.decl = pool->species.range;
        cx.out.ident_uses[&pool->species] = p.species;
        if (pool->current) {
            auto cur = ion_role(ion, pool->current->name);
            if (cur && *cur == IonRole::Current) {
                p.current = use_ion_variable(cx, ion, IonRole::Current, false, pool->current->range);
            } else {
                p.current = cx.lookup(pool->current->name);
                if (p.current == kNoSymbol)
                    cx.diags.error(pool->current->range,
                                   "POOL current '" + pool->current->name + "' is not declared");
            }
            if (p.current != kNoSymbol)
                cx.out.ident_uses[&*pool->current] = p.current;
        }
        cx.out.pools.push_back(p);
    }
}

} // namespace mech::sema
