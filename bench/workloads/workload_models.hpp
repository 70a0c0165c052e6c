// Builds the benchmark workloads W1-W3 of WORKLOADS.md as mech Models, cell for cell the same as
// bench/neuron/workload_models.py builds them in NEURON.
#pragma once

#include <mech/model.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mech::workloads {

// A NetStim with noise 0 feeding one point process through a NetCon. The runtime has no
// NetStim, so its spike train (start, start + interval, ...) is queued as events.
struct NetStimDrive {
    PointProcessId target;
    double start = 5;     // ms
    double interval = 10; // ms
    double number = 1e9;
    double delay = 1;     // NetCon delay, ms
    double weight = 0.05; // uS

    // Delivery times (spike time + delay) of the events due no later than t_end.
    std::vector<double> event_times(double t_end) const;
};

struct Workload {
    std::string name; // "W1", "W2", "W3"
    Model model;
    std::size_t compartments = 0;       // segments, as NEURON counts them
    std::vector<std::string> detectors; // spike detector of cell gid, by gid
    std::vector<NetStimDrive> drives;
    std::vector<std::string> notes; // lines worth printing after the build
};

// Spikes are upward crossings of 10 mV by soma(0.5).v, as the NEURON side records them.
constexpr double spike_threshold = 10.0;

// 1000 one-compartment hh cells, IClamp 0.2-0.3 nA.
Workload build_w1(int n_cells = 1000);
// 200 ball-and-stick cells: hh soma, passive dendrite of 101 segments, IClamp 0.3-0.4 nA.
Workload build_w2(int n_cells = 200, int dend_nseg = 101);
// 1000 hh cells with an ExpSyn each, 100 splitmix64-wired NetCons per cell, cells 0..9 driven.
Workload build_w3(int n_cells = 1000, int fan_in = 100, int n_driven = 10);

// "W1", "W2" or "W3"; throws mech::Error otherwise.
Workload build_workload(std::string_view name);
const std::vector<std::string>& workload_names();

} // namespace mech::workloads
