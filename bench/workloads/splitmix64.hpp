// The W3 connectivity recipe of WORKLOADS.md (splitmix64, seed state 12345), the same draws as
// bench/neuron/splitmix64.py so that mech and NEURON build the identical network.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace mech::workloads {

class SplitMix64 {
public:
    explicit SplitMix64(uint64_t seed) : state_(seed) {}
    // Unsigned arithmetic wraps modulo 2^64, which is exactly what the recipe asks for.
    uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ull;
        uint64_t z = state_;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

private:
    uint64_t state_;
};

struct Connection {
    int src = 0;
    int tgt = 0;
    double delay = 0; // ms
};

// For each target, `fan_in` sources drawn until src != tgt (duplicates allowed), each followed
// by a delay draw 1.0 + (out % 161) * 0.025 ms; in generation order.
std::vector<Connection> w3_connections(int n_cells = 1000, int fan_in = 100, uint64_t seed = 12345);

// (smallest, largest) number of connections leaving a cell.
std::pair<int, int> out_degree_range(const std::vector<Connection>& connections, int n_cells);

} // namespace mech::workloads
