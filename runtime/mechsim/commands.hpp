// The mechsim subcommands; each returns the process exit status (0 success, 1 failure) and
// prints located errors on stderr.
#pragma once

#include <string>
#include <vector>

namespace mech::mechsim {

struct RunOptions {
    std::string model;
    std::string output_dir;
    std::vector<std::string> settings;  // "path=value" overrides
    bool plot = true;
    bool progress = true;
    bool quiet = false;
};

struct SweepOptions {
    RunOptions run;
    std::string parameter;  // a dotted path, e.g. soma.hh.gnabar
    std::string values;     // "from:to:step", "from:to:nCOUNT" or "a,b,c"
    bool traces = false;    // also write each run's traces
};

int run_command(const RunOptions& options);
int sweep_command(const SweepOptions& options);

}  // namespace mech::mechsim
