// Readers of the parts of a model file, shared by read_model.cpp (internal to this folder).
#pragma once

#include <toml++/toml.h>

#include "model_description.hpp"
#include "table_reader.hpp"

namespace mech::model {

// [templates] and [cells]: templates' sections are merged under each cell's own settings.
// `populations`: the model also has populations, so it may have no named cells.
std::vector<CellDesc> read_cells(const toml::table* templates, const toml::table* cells, const std::string& file,
                                 bool populations);
// A cell made from the template named by `reader`'s string `key` (its name left empty).
CellDesc read_template_cell(const toml::table* templates, TableReader& reader, std::string_view key);

std::vector<StimulusDesc> read_stimuli(const toml::table& stimuli, const std::string& file);
std::vector<PointProcessDesc> read_point_processes(const toml::table& points, const std::string& file);
std::vector<ProbeDesc> read_probes(const toml::table& probes, const std::string& file);

std::vector<SpikeSourceDesc> read_spike_sources(const toml::table& sources, const std::string& file);
std::vector<ConnectionDesc> read_connections(const toml::table& connections, const std::string& file);

// [populations], [[projections]], [drives], [[gap_junctions]] and [network] (read_populations.cpp);
// fills the description's network parts and gives the population cells their CellDescs.
void read_network_parts(const toml::table& doc, ModelDescription& m, const toml::table* templates);

// `cells = "0:10"` (first:end, end excluded), `"3"` or a list of integers: gids, sorted as given.
std::vector<int> read_gid_list(TableReader& reader, std::string_view key);

// A location field of `reader` (required).
Location read_location(TableReader& reader, std::string_view key);

}  // namespace mech::model
