// Parse tree to AST for mech's CHANNEL (with GATEs) and POOL blocks, and their structural rules:
// each item at most once, the items a channel or pool needs are present, gate forms are complete.
#include "frontend/build_ast.hpp"

#include <fmt/format.h>

namespace mech::frontend {

using diag::SourceRange;

std::optional<ast::GateDecl> AstBuilder::gate(P::ChannelGateContext* c) {
    ast::GateDecl g;
    g.name = ident(c->ident());
    g.range = range(c);
    if (c->NUMBER()) {
        g.power = integer(c->NUMBER(), "a gate POWER");
        if (g.power && (*g.power < 1 || *g.power > 8)) {
            diags_.error(range(c->NUMBER()), fmt::format("gate POWER must be between 1 and 8, not {}", *g.power));
            g.power.reset();
        }
    }
    SourceRange where[4];
    for (auto* item : c->gateItem()) {
        if (!item->kind) continue;
        std::string kw = item->kind->getText();
        int slot = kw == "ALPHA" ? 0 : kw == "BETA" ? 1 : kw == "INF" ? 2 : 3;
        ast::ExprPtr* field = slot == 0 ? &g.alpha : slot == 1 ? &g.beta : slot == 2 ? &g.inf : &g.tau;
        std::string what = fmt::format("{} of gate '{}'", kw, g.name.name);
        if (!first_time(*field != nullptr, what.c_str(), range(item), where[slot])) continue;
        where[slot] = range(item);
        *field = expr(item->expr());
    }
    bool rates = g.alpha || g.beta, steady = g.inf || g.tau;
    SourceRange head = range(c->GATE());
    if (rates && steady) {
        diags_.error(head, fmt::format("gate '{}' mixes the ALPHA/BETA form with the INF/TAU form; use one of them",
                                       g.name.name));
        return std::nullopt;
    }
    if (!rates && !steady) {
        diags_.error(head, fmt::format("gate '{}' needs its kinetics: either ALPHA and BETA, or INF and TAU",
                                       g.name.name));
        return std::nullopt;
    }
    if (rates && !(g.alpha && g.beta)) {
        diags_.error(head, fmt::format("gate '{}' gives {} but not {}", g.name.name, g.alpha ? "ALPHA" : "BETA",
                                       g.alpha ? "BETA" : "ALPHA"));
        return std::nullopt;
    }
    if (steady && !(g.inf && g.tau)) {
        diags_.error(head, fmt::format("gate '{}' gives {} but not {} (write TAU = 0 for an instantaneous gate)",
                                       g.name.name, g.inf ? "INF" : "TAU", g.inf ? "TAU" : "INF"));
        return std::nullopt;
    }
    return g;
}

std::optional<ast::Block> AstBuilder::channel_block(P::ChannelItemBlockContext* ctx) {
    ast::ChannelBlock ch;
    ch.name = ident(ctx->ident());
    // Where each single-valued item was first given: ION/NONSPECIFIC, GMAX, PERMEABILITY, REVERSAL, CARRIER.
    SourceRange kind_at, gmax_at, perm_at, rev_at, carrier_at;
    for (auto* item : ctx->channelItem()) {
        SourceRange r = range(item);
        if (auto* c = dynamic_cast<P::ChannelIonContext*>(item)) {
            if (first_time(ch.ion || ch.nonspecific, "the channel's ION/NONSPECIFIC current", r, kind_at)) {
                ch.ion = ident(c->ident());
                kind_at = r;
            }
        } else if (auto* c = dynamic_cast<P::ChannelNonspecificContext*>(item)) {
            if (first_time(ch.ion || ch.nonspecific, "the channel's ION/NONSPECIFIC current", r, kind_at)) {
                ch.nonspecific = ident(c->ident());
                kind_at = r;
            }
        } else if (auto* c = dynamic_cast<P::ChannelGmaxContext*>(item)) {
            if (first_time(ch.gmax != nullptr, "GMAX", r, gmax_at)) {
                ch.gmax = expr(c->expr());
                gmax_at = r;
            }
        } else if (auto* c = dynamic_cast<P::ChannelPermeabilityContext*>(item)) {
            if (first_time(ch.permeability != nullptr, "PERMEABILITY", r, perm_at)) {
                ch.permeability = expr(c->expr());
                perm_at = r;
            }
        } else if (auto* c = dynamic_cast<P::ChannelReversalContext*>(item)) {
            if (first_time(ch.reversal != nullptr, "REVERSAL", r, rev_at)) {
                ch.reversal = expr(c->expr());
                rev_at = r;
            }
        } else if (auto* c = dynamic_cast<P::ChannelCarrierContext*>(item)) {
            if (first_time(ch.carrier_ion.has_value(), "CARRIER", r, carrier_at)) {
                ch.carrier_ion = ident(c->ident());
                ch.carrier_fraction = c->expr() ? expr(c->expr()) : nullptr;
                carrier_at = r;
            }
        } else if (auto* c = dynamic_cast<P::ChannelGateContext*>(item)) {
            if (auto g = gate(c)) ch.gates.push_back(std::move(*g));
        }
    }
    SourceRange head = range(ctx->CHANNEL());
    head.end = range(ctx->ident()).end;
    const std::string& n = ch.name.name;
    if (!ch.ion && !ch.nonspecific)
        diags_.error(head, fmt::format("channel '{}' needs 'ION name' or 'NONSPECIFIC current' to say what it carries", n));
    if (ch.gmax && ch.permeability) {
        diags_.error(perm_at, fmt::format("channel '{}' gives both GMAX (ohmic) and PERMEABILITY (GHK); use one", n));
    } else if (!ch.gmax && !ch.permeability) {
        diags_.error(head, fmt::format("channel '{}' needs GMAX (ohmic) or PERMEABILITY (GHK)", n));
    }
    if (ch.nonspecific && !ch.reversal && !ch.permeability)
        diags_.error(head, fmt::format("channel '{}' carries a NONSPECIFIC current and so needs a REVERSAL potential", n));
    if (ch.nonspecific && ch.permeability)
        diags_.error(perm_at, fmt::format("channel '{}': PERMEABILITY (GHK) needs an ION, not a NONSPECIFIC current", n));
    if (ch.carrier_ion && ch.ion)
        diags_.error(carrier_at, fmt::format("channel '{}': CARRIER is for NONSPECIFIC currents; an ION channel's "
                                             "current is already carried by its ion",
                                             n));
    return ast::Block{std::move(ch), range(ctx)};
}

std::optional<ast::Block> AstBuilder::pool_block(P::PoolItemBlockContext* ctx) {
    ast::PoolBlock p;
    p.species = ident(ctx->ident());
    SourceRange where[5]; // CURRENT, DEPTH, FACTOR, TAU, MIN
    for (auto* item : ctx->poolItem()) {
        SourceRange r = range(item);
        if (auto* c = dynamic_cast<P::PoolCurrentContext*>(item)) {
            if (first_time(p.current.has_value(), "CURRENT", r, where[0])) {
                p.current = ident(c->ident());
                where[0] = r;
            }
        } else if (auto* c = dynamic_cast<P::PoolValueContext*>(item)) {
            if (!c->kind) continue;
            std::string kw = c->kind->getText();
            int slot = kw == "DEPTH" ? 1 : kw == "FACTOR" ? 2 : kw == "TAU" ? 3 : 4;
            ast::ExprPtr* field = slot == 1 ? &p.depth : slot == 2 ? &p.factor : slot == 3 ? &p.tau : &p.min;
            if (first_time(*field != nullptr, kw.c_str(), r, where[slot])) {
                *field = expr(c->expr());
                where[slot] = r;
            }
        }
    }
    SourceRange head = range(ctx->POOL());
    head.end = range(ctx->ident()).end;
    const std::string& n = p.species.name;
    if (!p.current)
        diags_.error(head, fmt::format("pool '{}' needs 'CURRENT name': the ionic current that fills it", n));
    if (p.depth && p.factor)
        diags_.error(where[2], fmt::format("pool '{}' gives both DEPTH and FACTOR; use one", n));
    else if (!p.depth && !p.factor)
        diags_.error(head, fmt::format("pool '{}' needs DEPTH (a shell under the membrane) or FACTOR", n));
    return ast::Block{std::move(p), range(ctx)};
}

} // namespace mech::frontend
