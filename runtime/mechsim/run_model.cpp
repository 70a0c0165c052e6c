// Building and running one simulation (see run_model.hpp).
#include "run_model.hpp"

#include <chrono>
#include <cmath>
#include <stdexcept>

#include <mech/error.hpp>
#include <mech/simulation.hpp>

#include "progress_bar.hpp"

namespace mech::mechsim {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

RunResult run_model(const model::ModelDescription& description, model::MechanismLoader& loader, bool progress) {
    RunResult result;
    const auto build_start = std::chrono::steady_clock::now();
    model::BuiltModel built = model::build_model(description, loader);
    std::optional<Simulation> sim;
    try {
        built.network.check(loader.catalogue(), built.options);
        sim.emplace(built.network.model(), loader.catalogue(), built.options);
    } catch (const mech::Error& e) {
        throw std::runtime_error(e.what());
    }
    result.build_seconds = seconds_since(build_start);
    result.nodes = sim->node_count();
    result.columns = built.columns;

    const auto run_start = std::chrono::steady_clock::now();
    const double tstop = built.options.tstop;
    ProgressBar bar(tstop, progress && ProgressBar::terminal_available());
    try {
        sim->initialize();
        // Chunks small enough for a smooth bar; the runtime steps exactly as in one call.
        const double chunk = std::max(tstop / 200, built.options.dt);
        for (double target = chunk; sim->time() < tstop - built.options.dt / 2; target += chunk) {
            sim->advance_to(std::min(target, tstop));
            bar.update(sim->time());
        }
    } catch (const mech::Error& e) {
        result.failure = e.what();
    }
    bar.finish();
    result.run_seconds = seconds_since(run_start);

    const auto t = sim->trace("t");
    result.t.assign(t.begin(), t.end());
    result.steps = result.t.empty() ? 0 : result.t.size() - 1;
    for (const auto& c : built.columns) {
        const auto v = sim->trace(c.name);
        Trace trace{c.name, std::vector<double>(v.begin(), v.end()), c.every, c.voltage};
        trace.values.resize(result.t.size(), NAN);  // a failed step may have recorded t only
        result.traces.push_back(std::move(trace));
    }
    for (const auto& cell : built.spike_detectors) {
        const auto times = sim->spikes(cell);
        result.spikes.emplace_back(cell, std::vector<double>(times.begin(), times.end()));
    }
    result.has_populations = built.has_populations;
    result.groups = built.groups;
    result.gid_spikes = built.network.spikes(*sim);
    return result;
}

}  // namespace mech::mechsim
