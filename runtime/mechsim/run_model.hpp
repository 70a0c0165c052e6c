// One simulation of a model description: build (loading mechanisms), run with an optional
// progress bar, and collect traces and spikes. Shared by `mechsim run` and `mechsim sweep`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "build_model.hpp"
#include "mechanism_loader.hpp"
#include "model_description.hpp"
#include "traces.hpp"

namespace mech::mechsim {

struct RunResult {
    std::vector<double> t;
    std::vector<Trace> traces;  // the model's output columns, in order
    std::vector<model::ColumnInfo> columns;
    std::vector<std::pair<std::string, std::vector<double>>> spikes;  // per named cell: spike times (ms)
    // Spikes of population cells and spike sources by gid (sorted by t, then gid).
    std::vector<mech::Spike> gid_spikes;
    std::vector<model::GroupInfo> groups;
    bool has_populations = false;  // spikes.csv is "gid,t" (named cells' spikes: cell_spikes.csv)
    double build_seconds = 0;
    double run_seconds = 0;
    std::size_t nodes = 0;
    std::size_t steps = 0;
    // Set when the run stopped early (v became NaN or infinite): the runtime's report. The
    // traces then hold the samples up to that point.
    std::optional<std::string> failure;
};

// Throws model::ModelError for mistakes in the model file and std::runtime_error (with the
// runtime's message) for what the runtime rejects while building.
RunResult run_model(const model::ModelDescription& model, model::MechanismLoader& loader, bool progress);

}  // namespace mech::mechsim
