// Names a section offers once its density mechanisms are known: NEURON-style fields
// ("gnabar_hh") and ion quantities ("ena", "ica", "cai"), for resolving and suggesting names.
#pragma once

#include <string>
#include <vector>

#include <mech/mechanism_abi.h>

namespace mech::model {

// "ena" -> "mV", "cai"/"cao" -> "mM", "ina" -> "mA/cm2" when some mechanism uses the ion; else "".
std::string ion_quantity_units(const std::vector<const mech_mechanism*>& mechs, const std::string& name);

// Every "<field>_<mechanism>" and ion quantity of `mechs` (candidates for "did you mean").
std::vector<std::string> section_candidates(const std::vector<const mech_mechanism*>& mechs);

}  // namespace mech::model
