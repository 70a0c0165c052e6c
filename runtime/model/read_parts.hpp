// Readers of the parts of a model file, shared by read_model.cpp (internal to this folder).
#pragma once

#include <toml++/toml.h>

#include "model_description.hpp"
#include "table_reader.hpp"

namespace mech::model {

// [templates] and [cells]: templates' sections are merged under each cell's own settings.
std::vector<CellDesc> read_cells(const toml::table* templates, const toml::table* cells, const std::string& file);

std::vector<StimulusDesc> read_stimuli(const toml::table& stimuli, const std::string& file);
std::vector<PointProcessDesc> read_point_processes(const toml::table& points, const std::string& file);
std::vector<ProbeDesc> read_probes(const toml::table& probes, const std::string& file);

std::vector<SpikeSourceDesc> read_spike_sources(const toml::table& sources, const std::string& file);
std::vector<ConnectionDesc> read_connections(const toml::table& connections, const std::string& file);

// A location field of `reader` (required).
Location read_location(TableReader& reader, std::string_view key);

}  // namespace mech::model
