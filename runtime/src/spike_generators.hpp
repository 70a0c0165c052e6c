// The built-in spike sources of a Simulation (NetStim, VecStim) as event generators: each source
// keeps one pending self-event in the event queue, so a step costs nothing per idle source.
#pragma once

#include "mech/spike_source.hpp"

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace mech::detail {

class SpikeGenerators {
public:
    // `detector` is the spike detector index the source's spikes are recorded under.
    void add(int32_t detector, const std::variant<NetStim, VecStim>& source);
    std::size_t size() const { return items_.size(); }
    int32_t detector(std::size_t k) const { return items_[k].detector; }

    // Resets source k's train; the time of its first spike, if any.
    std::optional<double> first(std::size_t k);
    // Source k fired at t; the time of its next spike, if any.
    std::optional<double> next(std::size_t k, double t);

private:
    struct Item {
        int32_t detector = 0;
        std::variant<NetStim, VecStim> source;
        double spikes = 0;  // emitted so far in this run
        uint64_t draws = 0; // random numbers used so far in this run
    };
    double interval(Item& item, const NetStim& s);
    std::vector<Item> items_;
};

} // namespace mech::detail
