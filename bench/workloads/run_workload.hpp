// Compiles the mechanisms the workloads use, simulates a Workload with the fixed settings of
// WORKLOADS.md and times only the run (initialise + integrate), as bench/neuron/workloads.py does.
#pragma once

#include "workload_models.hpp"

#include <mech/catalogue.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace mech::jit {
class JitCatalogue;
}

namespace mech::workloads {

// hh, pas and ExpSyn from the mechanism library, JIT-compiled together.
class MechanismSet {
public:
    // Throws mech::Error with the compiler's rendered diagnostics when a file does not compile.
    explicit MechanismSet(const std::string& mechanism_dir);
    ~MechanismSet();
    const Catalogue& catalogue() const { return catalogue_; }
    double compile_seconds() const { return compile_seconds_; }

private:
    std::unique_ptr<jit::JitCatalogue> jit_;
    Catalogue catalogue_;
    double compile_seconds_ = 0;
};

struct RunSettings {
    double tstop = 1000;  // ms
    double dt = 0.025;    // ms
    double celsius = 6.3; // degC
    double v_init = -65;  // mV
    int repeat = 1;
    int threads = 1; // handed to the runtime when its SimOptions has `threads`
};

// Whether this build's runtime can step on several threads (SimOptions::threads exists).
bool runtime_supports_threads();

struct Spike {
    int gid = 0;
    double t = 0; // ms
};

struct RunResult {
    double setup_seconds = 0;        // Simulation construction (not timed as the run)
    std::vector<double> run_seconds; // one per repetition: initialise + integrate
    long steps = 0;
    std::vector<Spike> spikes; // of the last repetition, sorted by t then gid
};

// Builds the Simulation once and runs it `repeat` times; NetStim drives are queued after each
// initialise. Throws mech::Error from the runtime.
RunResult run_workload(const Workload& workload, const Catalogue& catalogue,
                       const RunSettings& settings);

// Steps of a run of tstop ms, as NEURON counts them.
long step_count(double tstop, double dt);

// Writes "gid,t" with t as %.10g, the format of bench/neuron/workloads.py; throws on I/O errors.
void write_spikes_csv(const std::string& path, const std::vector<Spike>& spikes);

// One line: total, cells firing, per-cell range and median, cell 0's count, the first spike.
std::string describe_spikes(const std::string& name, const std::vector<Spike>& spikes);

} // namespace mech::workloads
