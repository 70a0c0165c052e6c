// Random values for network parameters (weights, delays) drawn from counter-based streams: each
// draw is a pure function of (seed, keys), so it does not depend on the order of other draws.
#pragma once

#include <cstdint>
#include <limits>

namespace mech {

class Distribution {
public:
    enum class Kind { Constant, Uniform, Normal, Exponential };

    static Distribution constant(double value);
    static Distribution uniform(double low, double high); // [low, high)
    static Distribution normal(double mean, double sd);
    static Distribution exponential(double mean);
    // Redraws until the value is in [low, high] (e.g. normal delays truncated at dt, or weights
    // at 0); throws mech::Error if 1000 draws in a row fall outside.
    Distribution truncated(double low, double high = std::numeric_limits<double>::infinity()) const;

    // The value for the keys (a, b, c): the same keys always give the same value.
    double draw(uint64_t seed, uint64_t a, uint64_t b, uint64_t c) const;

    Kind kind() const { return kind_; }
    double p1() const { return p1_; }
    double p2() const { return p2_; }
    double low() const { return low_; }
    double high() const { return high_; }
    bool is_constant() const { return kind_ == Kind::Constant; }

private:
    Distribution(Kind kind, double p1, double p2) : kind_(kind), p1_(p1), p2_(p2) {}
    double raw(uint64_t seed, uint64_t a, uint64_t b, uint64_t c, uint64_t attempt) const;

    Kind kind_;
    double p1_, p2_; // value | low, high | mean, sd | mean
    double low_ = -std::numeric_limits<double>::infinity();
    double high_ = std::numeric_limits<double>::infinity();
};

} // namespace mech
