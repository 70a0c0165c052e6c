// Spike sources built into the runtime (not compiled mechanisms): NEURON's NetStim and VecStim,
// and the counter-based random numbers that make their trains reproducible for any thread count.
#pragma once

#include <cstdint>
#include <vector>

namespace mech {

// NEURON's NetStim (netstim.mod). `number` spikes; with noise = 0 the first is at `start` and
// the rest follow every `interval` ms. With 0 < noise <= 1 each interval is
// (1 - noise)*interval + noise*interval*E with E ~ Exp(1), and the first spike is at
// start + noise*interval*E (noise 1: a Poisson train of rate 1/interval from start). noise is
// clamped to [0, 1] as NEURON does. E comes from the stream (seed, stream): the k-th draw of a
// source is a pure function of (seed, stream, k), so a train never depends on build order,
// threads or which other sources exist.
struct NetStim {
    double interval = 10; // ms, mean time between spikes (NEURON uses 0.01 when <= 0)
    double number = 10;   // spikes in the train
    double start = 50;    // ms; a negative start means the source never fires (as NEURON)
    double noise = 0;     // 0 regular ... 1 Poisson
    uint64_t seed = 0;    // the run's seed
    uint64_t stream = 0;  // this source's stream (a Network uses the source's global id)
};

// NEURON's VecStim (vecevent.mod): one spike at each given time (ms, >= 0, non-decreasing).
struct VecStim {
    std::vector<double> times;
};

namespace random {

// splitmix64's output function: a bijective 64-bit mix (Steele, Lea & Flood 2014).
uint64_t mix64(uint64_t z);
// A counter-based draw: a pure function of its four keys (no state, so no order dependence).
uint64_t hash_keys(uint64_t seed, uint64_t a, uint64_t b, uint64_t c);
// Uniform on (0, 1] from 53 bits of a 64-bit value (never 0, so -log(u) is finite).
double to_unit_open0(uint64_t bits);
// Exp(1) from a 64-bit value.
double to_exponential(uint64_t bits);

} // namespace random

} // namespace mech
