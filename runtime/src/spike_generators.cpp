// NetStim and VecStim trains, following netstim.mod (NEURON 8.2) step for step: INITIAL sends
// the first event at start + invl(interval) - interval*(1 - noise); each delivery counts a
// spike, emits it, draws the next interval and stops once `number` spikes were emitted.
#include "spike_generators.hpp"

#include <algorithm>
#include <cmath>

namespace mech {

namespace random {

uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

uint64_t hash_keys(uint64_t seed, uint64_t a, uint64_t b, uint64_t c) {
    // Each key goes through a full mix before the next is added, so (a, b, c) and any
    // permutation of it give unrelated outputs; the golden-ratio increments keep zero keys
    // from collapsing.
    constexpr uint64_t golden = 0x9E3779B97F4A7C15ull;
    uint64_t h = mix64(seed + golden);
    h = mix64(h ^ (a + 2 * golden));
    h = mix64(h ^ (b + 3 * golden));
    return mix64(h ^ (c + 4 * golden));
}

double to_unit_open0(uint64_t bits) {
    return (static_cast<double>(bits >> 11) + 1.0) * 0x1.0p-53;
}

double to_exponential(uint64_t bits) {
    return -std::log(to_unit_open0(bits));
}

} // namespace random

namespace detail {

void SpikeGenerators::add(int32_t detector, const std::variant<NetStim, VecStim>& source) {
    Item item;
    item.detector = detector;
    item.source = source;
    if (auto* s = std::get_if<NetStim>(&item.source))
        s->noise = std::clamp(s->noise, 0.0, 1.0);
    items_.push_back(std::move(item));
}

double SpikeGenerators::interval(Item& item, const NetStim& s) {
    const double mean = s.interval <= 0 ? 0.01 : s.interval; // netstim.mod's invl()
    if (s.noise == 0)
        return mean;
    const uint64_t bits = random::hash_keys(s.seed, s.stream, item.draws++, 0);
    return (1.0 - s.noise) * mean + s.noise * mean * random::to_exponential(bits);
}

std::optional<double> SpikeGenerators::first(std::size_t k) {
    Item& item = items_[k];
    item.spikes = 0;
    item.draws = 0;
    if (const auto* v = std::get_if<VecStim>(&item.source)) {
        if (v->times.empty())
            return std::nullopt;
        return v->times.front();
    }
    const auto& s = std::get<NetStim>(item.source);
    if (!(s.start >= 0) || !(s.number > 0))
        return std::nullopt;
    // The raw interval, not invl's 0.01 fallback, is subtracted: netstim.mod's INITIAL.
    return std::max(0.0, s.start + interval(item, s) - s.interval * (1.0 - s.noise));
}

std::optional<double> SpikeGenerators::next(std::size_t k, double t) {
    Item& item = items_[k];
    item.spikes += 1;
    if (const auto* v = std::get_if<VecStim>(&item.source)) {
        const auto i = static_cast<std::size_t>(item.spikes);
        if (i >= v->times.size())
            return std::nullopt;
        return v->times[i];
    }
    const auto& s = std::get<NetStim>(item.source);
    const double gap = interval(item, s); // drawn before the count is tested, as next_invl()
    if (item.spikes >= s.number)
        return std::nullopt;
    return t + gap;
}

} // namespace detail

} // namespace mech
