// Network::connect: all-to-all, fixed probability, fixed in/out-degree and explicit lists.
// Every random choice is hash_keys(projection seed, ...) of the connection's identity — (source,
// target) for pairwise rules, (target, k) or (source, k) for degree rules — never a shared
// sequential stream, so connections do not depend on the order anything was built in.
#include "mech/network.hpp"

#include "mech/error.hpp"

#include <cmath>
#include <fmt/format.h>
#include <numeric>

namespace mech {

namespace {

// Key spaces inside one projection's stream (the c key's low 32 bits).
enum Purpose : uint64_t { exists = 1, pick = 2, delay_key = 3, weight_key = 16 };

uint64_t fnv1a(const std::string& s, uint64_t h = 0xcbf29ce484222325ull) {
    for (unsigned char ch : s)
        h = (h ^ ch) * 0x100000001b3ull;
    return h;
}

// Uniform integer in [0, n) from the top 53 bits (bias below 2^-53 * n, far under any use).
uint64_t below(uint64_t bits, uint64_t n) {
    const auto k =
        static_cast<uint64_t>(static_cast<double>(bits >> 11) * 0x1.0p-53 * static_cast<double>(n));
    return k < n ? k : n - 1;
}

} // namespace

void Network::add_connection(NetConnection c, PointProcessId target, const std::string& where) {
    if (!(c.delay >= 0) || !std::isfinite(c.delay))
        throw Error(fmt::format("{}, connection gid {} -> gid {}: delay must be >= 0 (got {} ms)",
                                where, c.source, c.target, c.delay));
    model_.connect_spikes(cells_[static_cast<std::size_t>(c.source)].spike_source, target, c.weight,
                          c.delay);
    connections_.push_back(std::move(c));
    connection_target_.push_back(target);
}

void Network::connect(const Projection& p) {
    const auto where = fmt::format("projection '{}' -> '{}' ({})", p.source, p.target, p.receptor);
    const Population& src = population_named(p.source, where);
    const Population& tgt = population_named(p.target, where);
    if (!tgt.cells)
        throw Error(fmt::format("{}: '{}' is a population of spike sources, which receive no "
                                "events",
                                where, p.target));
    if (p.weight.empty())
        throw Error(fmt::format("{}: the weight vector is empty (give at least weight[0])", where));
    std::vector<PointProcessId> receptor(static_cast<std::size_t>(tgt.size));
    for (int i = 0; i < tgt.size; ++i) {
        const CellPorts& cell = cells_[static_cast<std::size_t>(tgt.first + i)];
        auto it = cell.receptors.find(p.receptor);
        if (it == cell.receptors.end())
            throw Error(fmt::format("{}: target cell gid {} has no receptor named '{}'", where,
                                    tgt.first + i, p.receptor));
        receptor[static_cast<std::size_t>(i)] = it->second;
    }
    const int index = static_cast<int>(projections_.size());
    projections_.push_back(p);
    const uint64_t pseed =
        random::hash_keys(seed_, fnv1a(p.source), fnv1a(p.receptor, fnv1a(p.target)), p.stream);

    // One connection whose random values are keyed by (a, b).
    auto make = [&](int s, int t, uint64_t a, uint64_t b) {
        NetConnection c{s, t, {}, 0, index};
        for (std::size_t w = 0; w < p.weight.size(); ++w)
            c.weight.push_back(p.weight[w].draw(pseed, a, b, weight_key + w));
        c.delay = p.delay.draw(pseed, a, b, delay_key);
        add_connection(std::move(c), receptor[static_cast<std::size_t>(t - tgt.first)], where);
    };
    auto allowed = [&](int s, int t) { return p.autapses || s != t; };

    if (std::holds_alternative<AllToAll>(p.rule) ||
        std::holds_alternative<FixedProbability>(p.rule)) {
        const auto* fp = std::get_if<FixedProbability>(&p.rule);
        if (fp && !(fp->p >= 0 && fp->p <= 1))
            throw Error(fmt::format("{}: probability must be in [0, 1] (got {})", where, fp->p));
        for (int t = tgt.first; t < tgt.first + tgt.size; ++t)
            for (int s = src.first; s < src.first + src.size; ++s) {
                if (!allowed(s, t))
                    continue;
                const auto a = static_cast<uint64_t>(s), b = static_cast<uint64_t>(t);
                if (fp &&
                    !(1.0 - random::to_unit_open0(random::hash_keys(pseed, a, b, exists)) < fp->p))
                    continue;
                make(s, t, a, b);
            }
        return;
    }

    if (const auto* list = std::get_if<ExplicitList>(&p.rule)) {
        for (std::size_t k = 0; k < list->connections.size(); ++k) {
            const ExplicitConnection& e = list->connections[k];
            if (e.source < src.first || e.source >= src.first + src.size)
                throw Error(fmt::format("{}, connection {}: source gid {} is not a cell of '{}' "
                                        "(gids {} to {})",
                                        where, k, e.source, p.source, src.first,
                                        src.first + src.size - 1));
            if (e.target < tgt.first || e.target >= tgt.first + tgt.size)
                throw Error(fmt::format("{}, connection {}: target gid {} is not a cell of '{}' "
                                        "(gids {} to {})",
                                        where, k, e.target, p.target, tgt.first,
                                        tgt.first + tgt.size - 1));
            if (!allowed(e.source, e.target))
                throw Error(fmt::format("{}, connection {}: gid {} to itself, but autapses are "
                                        "off",
                                        where, k, e.source));
            NetConnection c{e.source, e.target, {}, 0, index};
            const auto key = static_cast<uint64_t>(k);
            if (e.weight) {
                c.weight = *e.weight;
            } else {
                for (std::size_t w = 0; w < p.weight.size(); ++w)
                    c.weight.push_back(p.weight[w].draw(pseed, key, 0, weight_key + w));
            }
            c.delay = e.delay ? *e.delay : p.delay.draw(pseed, key, 0, delay_key);
            if (c.weight.empty())
                throw Error(fmt::format("{}, connection {}: empty weight vector", where, k));
            add_connection(std::move(c), receptor[static_cast<std::size_t>(e.target - tgt.first)],
                           where);
        }
        return;
    }

    // Fixed in-degree (each target draws n sources) or out-degree (each source draws n targets).
    const bool in = std::holds_alternative<FixedInDegree>(p.rule);
    const int n = in ? std::get<FixedInDegree>(p.rule).n : std::get<FixedOutDegree>(p.rule).n;
    const bool multapses =
        in ? std::get<FixedInDegree>(p.rule).multapses : std::get<FixedOutDegree>(p.rule).multapses;
    const Population& fixed = in ? tgt : src; // the side whose degree is fixed
    const Population& drawn = in ? src : tgt;
    if (n < 0)
        throw Error(fmt::format("{}: the degree must be >= 0 (got {})", where, n));
    std::vector<int> pool;
    for (int f = fixed.first; f < fixed.first + fixed.size; ++f) {
        pool.clear();
        for (int d = drawn.first; d < drawn.first + drawn.size; ++d)
            if (in ? allowed(d, f) : allowed(f, d))
                pool.push_back(d);
        if (n > 0 && pool.empty())
            throw Error(fmt::format("{}: gid {} has no possible partner", where, f));
        if (!multapses && n > static_cast<int>(pool.size()))
            throw Error(fmt::format("{}: gid {} needs {} distinct partners but only {} exist "
                                    "(allow multapses or lower the degree)",
                                    where, f, n, pool.size()));
        const auto fk = static_cast<uint64_t>(f);
        for (int k = 0; k < n; ++k) {
            const auto kk = static_cast<uint64_t>(k);
            const uint64_t bits = random::hash_keys(pseed, fk, kk, pick);
            int partner = 0;
            if (multapses) {
                partner = pool[below(bits, pool.size())];
            } else { // partial Fisher-Yates: the first n of a keyed shuffle
                const auto j = static_cast<std::size_t>(k) + below(bits, pool.size() - k);
                std::swap(pool[static_cast<std::size_t>(k)], pool[j]);
                partner = pool[static_cast<std::size_t>(k)];
            }
            if (in)
                make(partner, f, fk, kk);
            else
                make(f, partner, fk, kk);
        }
    }
}

} // namespace mech
