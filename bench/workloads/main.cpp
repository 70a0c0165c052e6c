// mech-workloads: runs the benchmark workloads W1-W3 (WORKLOADS.md) in mech, timing only the run,
// and prints the same lines as bench/neuron/workloads.py so that the two can be compared.
#include "run_workload.hpp"
#include "workload_models.hpp"

#include <mech/error.hpp>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <fmt/format.h>

#ifndef MECH_MECHANISM_DIR
#define MECH_MECHANISM_DIR "mechanisms"
#endif

namespace {

using namespace mech::workloads;

// FILE as given for one workload; FILE with _W<n> before the suffix for several (as workloads.py).
std::string spikes_path(const std::string& base, const std::string& name, bool several) {
    if (!several)
        return base;
    const std::filesystem::path p(base);
    const std::string suffix = p.has_extension() ? p.extension().string() : ".csv";
    return (p.parent_path() / (p.stem().string() + "_" + name + suffix)).string();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

struct Cli {
    std::vector<std::string> workloads{"W1", "W2", "W3"};
    int repeat = 1;
    int threads = 1;
    double tstop = 1000;
    std::string spikes;
    std::string mechanisms = MECH_MECHANISM_DIR;
};

int run(const Cli& cli) {
    const MechanismSet mechanisms(cli.mechanisms);
    RunSettings settings;
    settings.tstop = cli.tstop;
    settings.repeat = cli.repeat;
    settings.threads = cli.threads;
    const long steps = step_count(settings.tstop, settings.dt);
    fmt::print("mech; dt {} ms, tstop {:g} ms ({} steps), exact rates (NEURON usetable_hh 0), "
               "mechanisms compiled in {:.3f} s\n",
               settings.dt, settings.tstop, steps, mechanisms.compile_seconds());
    if (runtime_supports_threads())
        fmt::print("threads: {}\n", cli.threads);
    else if (cli.threads != 1)
        fmt::print("note: this runtime steps on one thread; --threads {} has no effect\n",
                   cli.threads);
    for (const auto& name : cli.workloads) {
        const auto build_start = std::chrono::steady_clock::now();
        const Workload workload = build_workload(name);
        const double build =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - build_start).count();
        for (const auto& note : workload.notes)
            fmt::print("{}\n", note);
        const RunResult result = run_workload(workload, mechanisms.catalogue(), settings);
        fmt::print("{}: {} compartments, build {:.3f} s (model {:.3f} s, simulation set-up "
                   "{:.3f} s)\n",
                   name, workload.compartments, build + result.setup_seconds, build,
                   result.setup_seconds);
        const double work = static_cast<double>(workload.compartments) * static_cast<double>(steps);
        for (std::size_t r = 0; r < result.run_seconds.size(); ++r)
            fmt::print("{}: run {}: {:.3f} s, {:.3g} compartment-steps/s\n", name, r + 1,
                       result.run_seconds[r], work / result.run_seconds[r]);
        if (result.run_seconds.size() > 1) {
            const double med = median(result.run_seconds);
            fmt::print("{}: median {:.3f} s, {:.3g} compartment-steps/s\n", name, med, work / med);
        }
        fmt::print("{}\n", describe_spikes(name, result.spikes));
        if (!cli.spikes.empty()) {
            const std::string path = spikes_path(cli.spikes, name, cli.workloads.size() > 1);
            write_spikes_csv(path, result.spikes);
            fmt::print("{}: spikes written to {}\n", name, path);
        }
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Runs the benchmark workloads W1-W3 in mech (dt 0.025 ms, celsius 6.3, "
                 "v_init -65 mV) and times only the run (initialise + integrate)."};
    Cli cli;
    app.add_option("--workload", cli.workloads, "workloads to run (default: W1 W2 W3)")
        ->check(CLI::IsMember({"W1", "W2", "W3"}));
    app.add_option("--repeat", cli.repeat, "timed runs per workload (default 1)")
        ->check(CLI::PositiveNumber);
    app.add_option("--threads", cli.threads, "threads for the runtime (default 1)")
        ->check(CLI::PositiveNumber);
    app.add_option("--tstop", cli.tstop, "ms (default 1000)")->check(CLI::PositiveNumber);
    app.add_option("--spikes", cli.spikes,
                   "write spikes (gid,t) of the last run; with several workloads _W<n> is "
                   "added before the suffix");
    app.add_option("--mechanisms", cli.mechanisms,
                   "folder holding hh.mech, pas.mech and ExpSyn.mech (default: the library)");
    CLI11_PARSE(app, argc, argv);
    try {
        return run(cli);
    } catch (const std::exception& e) {
        fmt::print(stderr, "mech-workloads: error: {}\n", e.what());
        return 1;
    }
}
