// Comparison of a run's traces with a NEURON reference CSV under the project's tolerances:
// passive cases max |dv| <= 1e-3 mV; spiking cases spike times within 0.025 ms and RMS dv <= 0.1 mV.
#pragma once

#include <string>

#include "reference_csv.hpp"

namespace mech::mechsim_test {

enum class Kind { Passive, Spiking };

// Empty when `ours` matches `reference` (same columns in the same order, same number of rows,
// same times, voltages within tolerance, other columns close); otherwise what differs.
std::string compare_with_reference(const mech::testing::Csv& ours, const mech::testing::Csv& reference, Kind kind);

}  // namespace mech::mechsim_test
