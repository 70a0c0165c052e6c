// Compiling the workloads' mechanisms, the timed runs and the spike summaries.
#include "run_workload.hpp"

#include "jit/compile_files.hpp"

#include <mech/error.hpp>
#include <mech/simulation.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <map>

namespace mech::workloads {

namespace {

// The runtime gains threads while this harness exists; pass the count on once it can take it.
template <class Options>
constexpr bool has_threads = requires(Options o) {
    o.threads;
};

template <class Options>
void set_threads(Options& options, int threads) {
    if constexpr (has_threads<Options>)
        options.threads = threads;
    else
        (void)threads;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

MechanismSet::MechanismSet(const std::string& mechanism_dir) {
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::string> paths;
    for (const char* name : {"hh", "pas", "ExpSyn"}) {
        const auto path = std::filesystem::path(mechanism_dir) / (std::string(name) + ".mech");
        if (!std::filesystem::exists(path))
            throw Error(fmt::format("mechanism file {} not found (set --mechanisms to the "
                                    "folder of the mechanism library)",
                                    path.string()));
        paths.push_back(path.string());
    }
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    jit_ = jit::compile_files(paths, sources, diags);
    if (!jit_) {
        std::string rendered;
        for (const auto& d : diags.diagnostics())
            rendered += diags.render(d);
        throw Error("the workloads' mechanisms do not compile:\n" + rendered);
    }
    for (const mech_mechanism* m : jit_->mechanisms())
        catalogue_.add(m);
    compile_seconds_ = seconds_since(start);
}

MechanismSet::~MechanismSet() = default;

bool runtime_supports_threads() {
    return has_threads<SimOptions>;
}

long step_count(double tstop, double dt) {
    return std::lround(tstop / dt);
}

RunResult run_workload(const Workload& workload, const Catalogue& catalogue,
                       const RunSettings& settings) {
    RunResult result;
    result.steps = step_count(settings.tstop, settings.dt);
    SimOptions options;
    options.tstop = settings.tstop;
    options.dt = settings.dt;
    options.celsius = settings.celsius;
    options.v_init = settings.v_init;
    options.sample_every = 1;
    set_threads(options, settings.threads);
    auto start = std::chrono::steady_clock::now();
    Simulation sim(workload.model, catalogue, options);
    // Event times and weights are prepared outside the timed region; queueing them is timed
    // (NEURON's NetStims also run inside its timed run).
    std::vector<std::vector<double>> drive_times;
    for (const auto& d : workload.drives)
        drive_times.push_back(d.event_times(settings.tstop));
    result.setup_seconds = seconds_since(start);

    for (int r = 0; r < std::max(1, settings.repeat); ++r) {
        start = std::chrono::steady_clock::now();
        sim.initialize();
        for (std::size_t k = 0; k < workload.drives.size(); ++k) {
            const double weight[1] = {workload.drives[k].weight};
            for (double t : drive_times[k])
                sim.queue_event(workload.drives[k].target, t, weight);
        }
        sim.advance_to(settings.tstop);
        result.run_seconds.push_back(seconds_since(start));
    }

    for (std::size_t gid = 0; gid < workload.detectors.size(); ++gid)
        for (double t : sim.spikes(workload.detectors[gid]))
            result.spikes.push_back(Spike{static_cast<int>(gid), t});
    std::sort(result.spikes.begin(), result.spikes.end(), [](const Spike& a, const Spike& b) {
        return a.t != b.t ? a.t < b.t : a.gid < b.gid;
    });
    return result;
}

void write_spikes_csv(const std::string& path, const std::vector<Spike>& spikes) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (!f)
        throw Error(fmt::format("cannot write spikes to '{}'", path));
    std::fputs("gid,t\n", f);
    for (const auto& s : spikes)
        std::fprintf(f, "%d,%.10g\n", s.gid, s.t);
    if (std::fclose(f) != 0)
        throw Error(fmt::format("error while writing spikes to '{}'", path));
}

std::string describe_spikes(const std::string& name, const std::vector<Spike>& spikes) {
    std::map<int, int> per_cell;
    for (const auto& s : spikes)
        ++per_cell[s.gid];
    std::string line = fmt::format("{}: spikes total {}", name, spikes.size());
    if (!per_cell.empty()) {
        std::vector<int> counts;
        for (const auto& [gid, n] : per_cell)
            counts.push_back(n);
        std::sort(counts.begin(), counts.end());
        const std::size_t m = counts.size();
        // The median as Python's statistics.median gives it, so the two lines compare.
        const double median = m % 2 ? counts[m / 2] : 0.5 * (counts[m / 2 - 1] + counts[m / 2]);
        line +=
            fmt::format(", cells firing {}, per cell {}-{} (median {:g}), cell 0: {}", m,
                        counts.front(), counts.back(), median, per_cell.count(0) ? per_cell[0] : 0);
    }
    if (!spikes.empty())
        line +=
            fmt::format(", first spike gid {} at {:.10g} ms", spikes.front().gid, spikes.front().t);
    return line;
}

} // namespace mech::workloads
