// Agreement of two spike rasters (gid, t): the check bench/run-workloads.sh and the tests apply
// between mech and NEURON (exact rates, usetable_hh 0).
#pragma once

#include "run_workload.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace mech::workloads {

// Reads a "gid,t" CSV as written by write_spikes_csv or bench/neuron/workloads.py; throws
// mech::Error naming the file and line on anything else.
std::vector<Spike> read_spikes_csv(const std::string& path);

struct SpikeAgreement {
    std::size_t compared = 0;  // reference spikes before `until`
    std::size_t matched = 0;   // of those, found in ours within the tolerance
    double max_difference = 0; // ms, over matched spikes
    std::size_t reference_total = 0;
    std::size_t ours_total = 0;
    std::vector<std::string> mismatches; // the first few, readable
    bool ok() const { return mismatches.empty(); }
};

// Cell by cell, the k-th spike before `until` in one raster must be the k-th in the other, no
// more than `tolerance` ms apart. Spikes within `tolerance` of `until` may lack a partner (they
// can fall either side of the cut).
SpikeAgreement compare_spikes(const std::vector<Spike>& reference, const std::vector<Spike>& ours,
                              double until, double tolerance);

// One line for people: "matched 1129/1129 spikes before 50 ms (max |dt| 0 ms)" or the problems.
std::string describe(const SpikeAgreement& a, double until);

} // namespace mech::workloads
