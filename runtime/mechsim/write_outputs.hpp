// The files of one run in its output folder: traces.csv (the model's output clock),
// traces_every<k>.csv (probes on other clocks), spikes.csv, and the plot with its gnuplot script.
#pragma once

#include <string>
#include <vector>

#include "model_description.hpp"
#include "output_folder.hpp"
#include "run_model.hpp"

namespace mech::mechsim {

struct WrittenFiles {
    std::vector<std::string> paths;  // every file written, for the summary
    std::string plot_problem;        // why no plot was made, when one was asked for
};

WrittenFiles write_outputs(const model::OutputDesc& output, const RunResult& result, OutputFolder& folder,
                           bool plot, const std::string& title);

}  // namespace mech::mechsim
