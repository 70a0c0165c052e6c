// An event-heavy network: `sources` NetStims at `rate` Hz, each wired to `fan_out` ExpSyns on
// one-compartment cells (passive, or hh with --hh), so with the defaults 1000 x 100 Hz x 10 =
// 10^6 events reach NET_RECEIVE per simulated second. Prints the run time and the share spent
// in spike detection and event delivery (SimOptions::profile) against the rest of the step.
#include "jit/compile_files.hpp"

#include <mech/mech.hpp>

#include <CLI/CLI.hpp>
#include <chrono>
#include <fmt/format.h>

int main(int argc, char** argv) {
    CLI::App app{"mech-bench-events: event delivery cost in a network"};
    int cells = 1000, sources = 1000, fan_out = 10, threads = 1, repeat = 1;
    double rate = 100, tstop = 1000, noise = 1;
    bool hh = false;
    std::string mechanisms = MECH_MECHANISM_DIR;
    app.add_option("--cells", cells, "target cells")->check(CLI::PositiveNumber);
    app.add_option("--sources", sources, "NetStim sources")->check(CLI::PositiveNumber);
    app.add_option("--fan-out", fan_out, "synapses each source drives")->check(CLI::PositiveNumber);
    app.add_option("--rate", rate, "mean rate of each source (Hz)")->check(CLI::PositiveNumber);
    app.add_option("--noise", noise, "NetStim noise (0 regular, 1 Poisson)")
        ->check(CLI::Range(0, 1));
    app.add_option("--tstop", tstop, "simulated time (ms)")->check(CLI::PositiveNumber);
    app.add_option("--threads", threads, "threads")->check(CLI::PositiveNumber);
    app.add_option("--repeat", repeat, "runs")->check(CLI::PositiveNumber);
    app.add_flag("--hh", hh, "hh cells instead of passive ones");
    app.add_option("--mechanisms", mechanisms, "folder of the mechanism library");
    CLI11_PARSE(app, argc, argv);

    try {
        mech::diag::SourceManager files;
        mech::diag::DiagnosticEngine diags(files);
        auto jit = mech::jit::compile_files(
            {mechanisms + "/pas.mech", mechanisms + "/hh.mech", mechanisms + "/ExpSyn.mech"}, files,
            diags);
        if (!jit) {
            for (const auto& d : diags.diagnostics())
                fmt::print(stderr, "{}", diags.render(d));
            return 1;
        }
        mech::Catalogue catalogue;
        for (const mech_mechanism* m : jit->mechanisms())
            catalogue.add(m);

        const auto build_start = std::chrono::steady_clock::now();
        mech::Network net(1);
        net.add_population("cells", cells, [&](mech::Model& m, int gid) {
            const auto soma = m.add_section(fmt::format("soma{}", gid),
                                            mech::SectionGeometry{.length = 20, .diam = 20});
            m.insert(soma, hh ? "hh" : "pas");
            const auto syn = m.add_point_process(soma, 0.5, "ExpSyn");
            mech::CellPorts ports;
            ports.spike_source = fmt::format("cell{}", gid);
            m.record_spikes(ports.spike_source, soma, 0.5, 10);
            ports.receptors["syn"] = syn;
            return ports;
        });
        net.add_spike_sources(
            "stims", sources,
            mech::NetStim{.interval = 1000.0 / rate, .number = 1e9, .start = 0, .noise = noise});
        net.connect(mech::Projection{.source = "stims",
                                     .target = "cells",
                                     .receptor = "syn",
                                     .rule = mech::FixedOutDegree{.n = fan_out},
                                     .weight = {mech::Distribution::constant(1e-4)},
                                     .delay = mech::Distribution::uniform(1, 3)});
        mech::SimOptions options;
        options.tstop = tstop;
        options.threads = threads;
        options.profile = true;
        mech::Simulation sim = net.simulate(catalogue, options);
        const double build =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - build_start).count();
        fmt::print("network: {} cells, {} sources x {} synapses at {} Hz (noise {}), {} threads; "
                   "built in {:.3f} s\n",
                   cells, sources, fan_out, rate, noise, threads, build);
        for (int r = 0; r < repeat; ++r) {
            const auto start = std::chrono::steady_clock::now();
            sim.run();
            const double run =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const mech::RunStats& s = sim.stats();
            const double other = s.step_seconds - s.event_seconds;
            fmt::print("run {}: {:.3f} s for {} steps; {} events ({:.3g} per simulated s), {} "
                       "spikes; events {:.3f} s ({:.1f} %), rest of the step {:.3f} s ({:.1f} %), "
                       "{:.1f} ns per event\n",
                       r, run, s.steps, s.events_delivered,
                       static_cast<double>(s.events_delivered) / (tstop / 1000), s.spikes,
                       s.event_seconds, 100 * s.event_seconds / s.step_seconds, other,
                       100 * other / s.step_seconds,
                       s.events_delivered ? 1e9 * s.event_seconds / s.events_delivered : 0.0);
        }
    } catch (const mech::Error& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 1;
    }
    return 0;
}
