// Locations on cells as model files write them: "soma(0.5)", "cell.soma(0.5)" or "soma" (= x 0.5).
#pragma once

#include <string>

#include "model_description.hpp"

namespace mech::model {

// Parses `text` (the value of `field`, found at `loc` in `file`); throws a ModelError on bad syntax
// or x outside [0, 1].
Location parse_location(const std::string& text, const std::string& field, Loc loc, const std::string& file);

// "cell.soma(0.5)" or "soma(0.5)": how messages and summaries show a location.
std::string format_location(const Location& location);

}  // namespace mech::model
