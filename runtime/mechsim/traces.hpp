// Recorded traces as mechsim writes and summarises them: CSV text and spike/extreme summaries.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace mech::mechsim {

struct Trace {
    std::string name;
    std::vector<double> values;  // one per recorded step
    int every = 1;               // write every k-th value
    bool voltage = false;
};

// "t,<names>" then one row per kept sample, numbers as %.10g (NEURON's reference format). All
// traces must share `every`; rows are samples 0, every, 2*every, ... of `t`.
std::string format_csv(std::span<const double> t, const std::vector<const Trace*>& traces, int every);

// Times of upward crossings of `threshold`: the first sample at or above it after one below
// (NEURON's spike detection on sampled voltages).
std::vector<double> upward_crossings(std::span<const double> t, std::span<const double> v, double threshold);

struct TraceSummary {
    double max = 0;
    double min = 0;
    std::size_t spikes = 0;
    double first_spike = -1;  // ms; -1 when there is none
};
TraceSummary summarise(std::span<const double> t, std::span<const double> v, double threshold);

}  // namespace mech::mechsim
