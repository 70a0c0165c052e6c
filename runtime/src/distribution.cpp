// Constant, uniform, normal (Box-Muller) and exponential draws from hash_keys, with truncation by
// redrawing: attempt j of a draw uses its own keys, so truncation stays order-independent.
#include "mech/distribution.hpp"

#include "mech/error.hpp"
#include "mech/spike_source.hpp"

#include <cmath>
#include <fmt/format.h>
#include <numbers>

namespace mech {

Distribution Distribution::constant(double value) {
    if (!std::isfinite(value))
        throw Error(fmt::format("Distribution::constant: value must be finite (got {})", value));
    return Distribution(Kind::Constant, value, 0);
}

Distribution Distribution::uniform(double low, double high) {
    if (!std::isfinite(low) || !std::isfinite(high) || !(low <= high))
        throw Error(
            fmt::format("Distribution::uniform: needs finite low <= high (got {}, {})", low, high));
    return Distribution(Kind::Uniform, low, high);
}

Distribution Distribution::normal(double mean, double sd) {
    if (!std::isfinite(mean) || !std::isfinite(sd) || !(sd >= 0))
        throw Error(fmt::format(
            "Distribution::normal: needs a finite mean and sd >= 0 (got {}, {})", mean, sd));
    return Distribution(Kind::Normal, mean, sd);
}

Distribution Distribution::exponential(double mean) {
    if (!(mean > 0) || !std::isfinite(mean))
        throw Error(fmt::format("Distribution::exponential: mean must be positive (got {})", mean));
    return Distribution(Kind::Exponential, mean, 0);
}

Distribution Distribution::truncated(double low, double high) const {
    if (std::isnan(low) || std::isnan(high) || !(low <= high))
        throw Error(
            fmt::format("Distribution::truncated: needs low <= high (got {}, {})", low, high));
    Distribution d = *this;
    d.low_ = low;
    d.high_ = high;
    return d;
}

double Distribution::raw(uint64_t seed, uint64_t a, uint64_t b, uint64_t c,
                         uint64_t attempt) const {
    // Two independent 64-bit words per attempt; c's low 32 bits are the caller's, the rest ours.
    const uint64_t key = c ^ (attempt << 33);
    const uint64_t w1 = random::hash_keys(seed, a, b, key);
    switch (kind_) {
    case Kind::Constant:
        return p1_;
    case Kind::Uniform:
        return p1_ + (p2_ - p1_) * (1.0 - random::to_unit_open0(w1));
    case Kind::Exponential:
        return p1_ * random::to_exponential(w1);
    case Kind::Normal: {
        const uint64_t w2 = random::hash_keys(seed, a, b, key ^ (1ull << 32));
        const double r = std::sqrt(-2.0 * std::log(random::to_unit_open0(w1)));
        return p1_ + p2_ * r * std::cos(2.0 * std::numbers::pi * random::to_unit_open0(w2));
    }
    }
    return p1_;
}

double Distribution::draw(uint64_t seed, uint64_t a, uint64_t b, uint64_t c) const {
    for (uint64_t attempt = 0; attempt < 1000; ++attempt) {
        const double x = raw(seed, a, b, c, attempt);
        if (x >= low_ && x <= high_)
            return x;
        if (kind_ == Kind::Constant)
            break;
    }
    throw Error(fmt::format("a distribution truncated to [{}, {}] drew outside it 1000 times in a "
                            "row (parameters {}, {}): the bounds exclude almost all its mass",
                            low_, high_, p1_, p2_));
}

} // namespace mech
