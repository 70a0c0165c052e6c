// Reads a TOML model file into a ModelDescription, checking everything that does not need the
// compiled mechanisms (types, ranges, names, cross references). Errors are ModelError.
#pragma once

#include <string>

#include "model_description.hpp"

namespace mech::model {

// Reads and checks the model file at `path`.
ModelDescription read_model_file(const std::string& path);

// The same for model text; `file` names it in messages and relative paths start at `directory`.
ModelDescription read_model_text(const std::string& text, const std::string& file,
                                 const std::string& directory = ".");

// Cross-reference checks (sections, parents, locations, probe targets, output names); run by the
// readers and again after overrides change a description.
void check_model(const ModelDescription& model);

// Throws unless `where` names an existing cell (or the only cell) and one of its sections; `what`
// starts the message, e.g. "'stimuli.stim.at' =".
void check_location(const ModelDescription& model, const Location& where, const std::string& what);

}  // namespace mech::model
