// Stage 3: rules about the mechanism as a whole: kind, currents written in BREAKPOINT,
// PARAMETERs changed while running, unused declarations and states without dynamics.
#include "sema/context.hpp"

namespace mech::sema {

namespace {

// Every block or function reachable from `roots` through calls and SOLVEs.
std::set<std::string> reachable(const BodyFacts& facts, std::vector<std::string> roots) {
    std::set<std::string> seen;
    while (!roots.empty()) {
        std::string at = std::move(roots.back());
        roots.pop_back();
        if (!seen.insert(at).second)
            continue;
        if (auto it = facts.calls.find(at); it != facts.calls.end())
            for (const std::string& callee : it->second)
                roots.push_back(callee);
    }
    return seen;
}

void check_kind(Context& cx) {
    if (cx.out.kind == ast::MechanismKind::Density && cx.facts.has_net_receive)
        cx.diags.error(cx.facts.net_receive_range,
                       "a density mechanism (SUFFIX) cannot receive events; declare it as a "
                       "POINT_PROCESS to use NET_RECEIVE");
}

void check_currents_assigned(Context& cx) {
    std::set<SymbolId> implicit; // written by CHANNELs, not by user code
    for (const Channel& ch : cx.out.channels) {
        implicit.insert(ch.current);
        if (!ch.carrier_ion.empty())
            implicit.insert(cx.lookup(ion_var_name(ch.carrier_ion, IonRole::Current)));
    }
    std::set<SymbolId> assigned;
    for (const std::string& block : reachable(cx.facts, {"BREAKPOINT"}))
        if (auto it = cx.facts.writes.find(block); it != cx.facts.writes.end())
            assigned.insert(it->second.begin(), it->second.end());
    cx.facts.assigned_in_breakpoint = assigned;
    auto check = [&](SymbolId id, const char* what) {
        if (id == kNoSymbol || implicit.count(id) || assigned.count(id))
            return;
        const Symbol& s = cx.out.symbols[id];
        cx.diags.error(s.decl, std::string(what) + " '" + s.name +
                                   "' is written by this mechanism but never assigned in "
                                   "BREAKPOINT");
    };
    for (const Ion& ion : cx.out.ions)
        for (const std::string& w : ion.write)
            if (ion_role(ion.name, w) == IonRole::Current)
                check(cx.lookup(w), "current");
    for (SymbolId id : cx.out.nonspecific_currents)
        check(id, "NONSPECIFIC_CURRENT");
    for (SymbolId id : cx.out.electrode_currents)
        check(id, "ELECTRODE_CURRENT");
}

void check_parameter_writes(Context& cx) {
    std::vector<std::string> roots;
    for (const auto& [block, callees] : cx.facts.calls) {
        SymbolId id = cx.lookup(block);
        bool callable = id != kNoSymbol && (cx.out.symbols[id].kind == SymbolKind::Function ||
                                            cx.out.symbols[id].kind == SymbolKind::Procedure);
        if (block != "INITIAL" && !callable)
            roots.push_back(block);
    }
    for (const auto& [block, written] : cx.facts.writes) {
        SymbolId id = cx.lookup(block);
        bool callable = id != kNoSymbol && (cx.out.symbols[id].kind == SymbolKind::Function ||
                                            cx.out.symbols[id].kind == SymbolKind::Procedure);
        if (block != "INITIAL" && !callable)
            roots.push_back(block);
    }
    std::set<std::string> running = reachable(cx.facts, roots);
    for (const ParameterWrite& w : cx.facts.parameter_writes) {
        if (!running.count(w.where))
            continue;
        const Symbol& s = cx.out.symbols[w.symbol];
        cx.diags.warning(w.range, "assigning to PARAMETER '" + s.name + "' outside INITIAL: " +
                                      "NEURON allows it, but the parameter then changes while "
                                      "the simulation runs; use an ASSIGNED variable");
    }
}

// NEURON starts every STATE s at s0 before INITIAL runs; a PARAMETER named s0 sets that value.
bool initialises_a_state(const Context& cx, const Symbol& parameter) {
    const std::string& name = parameter.name;
    if (name.size() < 2 || name.back() != '0')
        return false;
    const SymbolId state = cx.out.find_id(std::string_view(name).substr(0, name.size() - 1));
    return state != kNoSymbol && cx.out.symbols[state].kind == SymbolKind::State;
}

void check_unused(Context& cx) {
    for (const Symbol& s : cx.out.symbols) {
        if (!s.decl.valid())
            continue;
        switch (s.kind) {
        case SymbolKind::Parameter:
            if (s.reads == 0 && initialises_a_state(cx, s))
                break; // pump0 gives STATE pump its start value (NEURON's convention)
            if (s.reads == 0 && s.visibility != Visibility::Range)
                cx.diags.warning(s.decl, "PARAMETER '" + s.name + "' is never used");
            else if (s.reads == 0)
                cx.diags.warning(s.decl, "PARAMETER '" + s.name +
                                             "' is never used (it is RANGE, but nothing reads it)");
            break;
        case SymbolKind::Assigned:
            if (s.mechanism_local && s.reads == 0)
                cx.diags.warning(s.decl, "LOCAL '" + s.name + (s.writes == 0 ? "' is never used"
                                                                             : "' is assigned but never used"));
            else if (s.reads == 0 && s.writes == 0 && !s.pointer)
                cx.diags.warning(s.decl, "ASSIGNED '" + s.name + "' is never used");
            break;
        case SymbolKind::Local:
            if (s.reads == 0 && s.writes == 0)
                cx.diags.warning(s.decl, "LOCAL '" + s.name + "' is never used");
            else if (s.reads == 0)
                cx.diags.warning(s.decl, "LOCAL '" + s.name + "' is assigned but never used");
            break;
        case SymbolKind::State:
            if (!cx.facts.with_dynamics.count(cx.lookup(s.name)))
                cx.diags.warning(s.decl, "STATE '" + s.name +
                                             "' is never given a derivative or reaction");
            break;
        default: break;
        }
    }
}

} // namespace

void check_mechanism_rules(Context& cx) {
    check_kind(cx);
    check_currents_assigned(cx);
    check_parameter_writes(cx);
    if (cx.options.warn_unused)
        check_unused(cx);
}

} // namespace mech::sema
