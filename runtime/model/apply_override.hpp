// Changes one number of a model description by a dotted path, for `mechsim --set` and sweeps:
//   simulation.tstop | simulation.dt | simulation.celsius | simulation.v_init
//   [cell.]section.L | diam | nseg | cm | Ra          [cell.]section.mech.param | section.param_mech
//   device.param (a stimulus or point process)        globals.name_mech
#pragma once

#include <string>

#include "model_description.hpp"

namespace mech::model {

// Throws ModelError (naming the path) when the path does not lead to a number the file can hold.
// Mechanism parameter names are checked later, against the mechanism, by build_model.
void apply_override(ModelDescription& model, const std::string& path, double value);

// "path=value" as given on a command line.
void apply_override(ModelDescription& model, const std::string& assignment);

}  // namespace mech::model
