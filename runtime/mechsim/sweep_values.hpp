// The values of a parameter sweep, as written on the command line: "0.08:0.16:0.01" (from, to
// inclusive, step), "0.08:0.16:n5" (5 evenly spaced values) or a list "0.08,0.1,0.12".
#pragma once

#include <string>
#include <vector>

namespace mech::mechsim {

// Throws std::invalid_argument with a message naming what is wrong.
std::vector<double> parse_sweep_values(const std::string& text);

}  // namespace mech::mechsim
