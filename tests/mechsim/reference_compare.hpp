// Comparison of a run's traces with a NEURON reference CSV under the project's tolerances:
// passive cases max |dv| <= 1e-3 mV; spiking cases spike times within 0.025 ms and RMS dv <= 0.1 mV.
#pragma once

#include <string>

#include "reference_csv.hpp"

namespace mech::mechsim_test {

enum class Kind { Passive, Spiking };

// Reads a numeric CSV with a header row. Unlike std::stod it accepts subnormal numbers (decaying
// synaptic states reach 1e-320 in long runs, in NEURON's traces as in ours) and "nan".
mech::testing::Csv read_traces(const std::string& path);

// Empty when `ours` matches `reference` (same columns in the same order, same number of rows,
// same times, voltages within tolerance, other columns close); otherwise what differs.
std::string compare_with_reference(const mech::testing::Csv& ours, const mech::testing::Csv& reference, Kind kind);

}  // namespace mech::mechsim_test
