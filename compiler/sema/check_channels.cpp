// Units of the first-class blocks (CHANNEL gates, conductances, POOL fields) and of
// KINETIC reactions.
#include "sema/body_checker.hpp"

namespace mech::sema {

void BodyChecker::field(const ast::ExprPtr& e, const units::Unit& want, std::string_view what) {
    if (!e)
        return;
    Inferred x = expr(*e);
    require(x, want, e->range, "using", "as " + std::string(what) + ", which must be in");
}

void BodyChecker::check_channels() {
    const units::Unit time = cx_.time_unit();
    const units::Unit rate = units::Unit() / time;
    for (const Channel& ch : cx_.out.channels) {
        const ast::ChannelBlock& b = *ch.block;
        std::string of = " of CHANNEL '" + ch.name + "'";
        field(b.gmax, cx_.conductance_unit().named(cx_.point_process() ? "uS" : "S/cm2"),
              "the GMAX" + of);
        units::Unit perm = cx_.point_process() ? cx_.unit_of("cm3/s").named("cm3/s")
                                               : cx_.unit_of("cm/s").named("cm/s");
        field(b.permeability, perm, "the PERMEABILITY" + of);
        field(b.reversal, cx_.unit_of("mV").named("mV"), "the REVERSAL potential" + of);
        field(b.carrier_fraction, units::Unit(), "the carrier FRACTION" + of);
        for (const ast::GateDecl& g : b.gates) {
            std::string gate = " of gate '" + g.name.name + "'";
            field(g.alpha, rate, "the ALPHA rate" + gate);
            field(g.beta, rate, "the BETA rate" + gate);
            field(g.inf, units::Unit(), "the INF" + gate);
            field(g.tau, time, "the TAU" + gate);
        }
    }
}

void BodyChecker::check_pools() {
    const units::Unit time = cx_.time_unit();
    for (const Pool& p : cx_.out.pools) {
        const ast::PoolBlock& b = *p.block;
        const Symbol& species = cx_.sym(p.species);
        std::string of = " of POOL '" + species.name + "'";
        field(b.depth, cx_.unit_of("um").named("um"), "the DEPTH" + of);
        if (p.current != kNoSymbol && cx_.sym(p.current).units_known) {
            units::Unit factor = species.unit / time / cx_.sym(p.current).unit;
            field(b.factor, factor, "the FACTOR" + of);
        } else if (b.factor) {
            expr(*b.factor);
        }
        field(b.tau, time, "the TAU" + of);
        field(b.min, species.unit, "the MIN" + of);
    }
}

void BodyChecker::reaction(const ast::ReactionStmt& r, const ast::Stmt& s) {
    if (!in_kinetic_)
        cx_.diags.error(s.range, "reactions ('~') belong in a KINETIC block");
    std::optional<units::Unit> common;
    bool alike = true;
    auto species = [&](const std::vector<ast::Reactant>& side, std::int64_t& count) {
        for (const ast::Reactant& x : side) {
            count += x.coefficient;
            if (!x.species)
                continue;
            Inferred u = expr(*x.species);
            SymbolId id = kNoSymbol;
            if (auto it = cx_.out.name_uses.find(x.species.get()); it != cx_.out.name_uses.end())
                id = it->second;
            if (id == kNoSymbol) {
                alike = false;
                continue;
            }
            Symbol& sym = cx_.sym(id);
            // Species that are not STATEs (an outside concentration, a PARAMETER) are held
            // constant by the reaction, as in NEURON.
            if (sym.kind == SymbolKind::State || sym.kind == SymbolKind::Pool ||
                sym.kind == SymbolKind::Gate) {
                cx_.facts.with_dynamics.insert(id);
                ++sym.writes;
            }
            if (!u.known) {
                alike = false;
            } else if (!common) {
                common = u.unit;
            } else if (!units::equivalent(*common, u.unit)) {
                alike = false;
            }
        }
    };
    std::int64_t n_lhs = 0, n_rhs = 0;
    species(r.lhs, n_lhs);
    species(r.rhs, n_rhs);
    Inferred kf = r.forward ? expr(*r.forward) : Inferred::unknown();
    Inferred kb = r.backward ? expr(*r.backward) : Inferred::unknown();
    // With COMPARTMENT volumes the rates carry volume units; only the plain case is checked.
    if (has_compartments_ || !alike || !common)
        return;
    const units::Unit time = cx_.time_unit();
    auto want = [&](std::int64_t n) { return common->pow(static_cast<int>(1 - n)) / time; };
    switch (r.kind) {
    case ast::ReactionKind::Reversible:
        if (r.forward)
            require(kf, want(n_lhs), r.forward->range, "using", "as the forward rate, which must be in");
        if (r.backward)
            require(kb, want(n_rhs), r.backward->range, "using", "as the backward rate, which must be in");
        break;
    case ast::ReactionKind::Flux:
        if (r.forward)
            require(kf, *common / time, r.forward->range, "using", "as the flux, which must be in");
        break;
    case ast::ReactionKind::Decay:
        if (r.forward)
            require(kf, want(n_lhs), r.forward->range, "using", "as the rate, which must be in");
        break;
    }
}

} // namespace mech::sema
