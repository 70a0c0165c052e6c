// `mechsim run` and `mechsim sweep`: read the model, run it, write and summarise the results.
#include "commands.hpp"

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "apply_override.hpp"
#include "build_model.hpp"
#include "model_error.hpp"
#include "read_model.hpp"
#include "sweep_values.hpp"
#include "write_outputs.hpp"

namespace mech::mechsim {

namespace {

namespace fs = std::filesystem;

void print_error(const std::string& message) { std::fprintf(stderr, "%s\n", message.c_str()); }

model::ModelDescription load_description(const RunOptions& options) {
    model::ModelDescription d = model::read_model_file(options.model);
    for (const auto& s : options.settings) model::apply_override(d, s);
    if (!options.settings.empty()) model::check_model(d);
    return d;
}

void print_summary(const RunResult& r, const WrittenFiles& files) {
    const double rate = r.run_seconds > 0 ? static_cast<double>(r.nodes) * static_cast<double>(r.steps) / r.run_seconds : 0;
    std::printf("built in %.3f s; ran %zu steps of %zu compartments in %.3f s (%.3g compartment-steps/s)\n",
                r.build_seconds, r.steps, r.nodes, r.run_seconds, rate);
    for (const auto& [cell, times] : r.spikes) {
        std::printf("cell %s: %zu spike%s", cell.c_str(), times.size(), times.size() == 1 ? "" : "s");
        if (!times.empty()) std::printf(" (first at %.10g ms)", times.front());
        std::printf("\n");
    }
    // Per population and spike-source group: cells, spikes, mean rate over the run.
    const double seconds = r.t.empty() ? 0 : r.t.back() / 1000;
    for (const auto& g : r.groups) {
        std::size_t n = 0;
        for (const auto& s : r.gid_spikes) n += s.gid >= g.first_gid && s.gid < g.first_gid + g.count;
        const double hz = seconds > 0 && g.count > 0 ? static_cast<double>(n) / g.count / seconds : 0;
        std::printf("%s %s: %d %s, %zu spike%s, mean rate %.4g Hz\n", g.sources ? "sources" : "population",
                    g.name.c_str(), g.count, g.count == 1 ? "cell" : "cells", n, n == 1 ? "" : "s", hz);
    }
    for (const auto& p : files.paths) std::printf("wrote %s\n", p.c_str());
    if (!files.plot_problem.empty()) std::fprintf(stderr, "warning: no plot: %s\n", files.plot_problem.c_str());
}

}  // namespace

int run_command(const RunOptions& options) {
    try {
        const model::ModelDescription d = load_description(options);
        auto loader = model::make_loader(d);
        const RunResult r = run_model(d, *loader, options.progress && !options.quiet);
        for (const auto& w : loader->take_warnings()) std::fprintf(stderr, "%s", w.c_str());
        OutputFolder folder(options.output_dir);
        const std::string title = d.title.empty() ? fs::path(d.file).stem().string() : d.title;
        const WrittenFiles files = write_outputs(d.output, r, folder, options.plot && d.output.plot, title);
        if (!options.quiet || r.failure) print_summary(r, files);
        if (r.failure) {
            print_error(d.file + ": error: the run stopped: " + *r.failure);
            std::fprintf(stderr, "note: the traces up to that point were written\n");
            return 1;
        }
        return 0;
    } catch (const model::ModelError& e) {
        print_error(e.what());
    } catch (const std::exception& e) {
        print_error(options.model + ": error: " + e.what());
    }
    return 1;
}

int sweep_command(const SweepOptions& options) {
    try {
        std::vector<double> values;
        try {
            values = parse_sweep_values(options.values);
        } catch (const std::invalid_argument& e) {
            print_error(std::string("mechsim: error: --values ") + e.what());
            return 1;
        }
        const model::ModelDescription base = load_description(options.run);
        // Every value is checked before the first run, so a bad path fails at once.
        for (double v : values) {
            model::ModelDescription d = base;
            model::apply_override(d, options.parameter, v);
        }
        auto loader = model::make_loader(base);
        OutputFolder folder(options.run.output_dir);
        std::vector<std::vector<std::string>> rows;
        std::string header = "run," + options.parameter;
        bool header_done = false;
        int status = 0;
        for (std::size_t i = 0; i < values.size(); ++i) {
            model::ModelDescription d = base;
            model::apply_override(d, options.parameter, values[i]);
            model::check_model(d);
            const RunResult r = run_model(d, *loader, options.run.progress && !options.run.quiet);
            char cell[64];
            std::string row = std::to_string(i);
            std::snprintf(cell, sizeof cell, ",%.10g", values[i]);
            row += cell;
            for (const auto& trace : r.traces) {
                if (!trace.voltage) continue;
                if (!header_done)
                    header += "," + trace.name + "_max," + trace.name + "_min," + trace.name + "_spikes," + trace.name +
                              "_first_spike";
                const TraceSummary s = summarise(r.t, trace.values, d.output.spike_threshold);
                std::snprintf(cell, sizeof cell, ",%.10g,%.10g,%zu,", s.max, s.min, s.spikes);
                row += cell;
                // "nan" rather than an empty cell, so that every column reads as numbers.
                if (s.spikes > 0) std::snprintf(cell, sizeof cell, "%.10g", s.first_spike);
                else std::snprintf(cell, sizeof cell, "nan");
                row += cell;
            }
            if (!header_done) header += ",failed";
            header_done = true;
            row += r.failure ? ",1" : ",0";
            rows.push_back({row});
            if (options.traces) {
                char dir[32];
                std::snprintf(dir, sizeof dir, "run_%03zu", i);
                OutputFolder sub(folder.path_of(dir));
                write_outputs(d.output, r, sub, false, "");
            }
            if (!options.run.quiet)
                std::printf("run %zu/%zu: %s = %.10g%s\n", i + 1, values.size(), options.parameter.c_str(), values[i],
                            r.failure ? " (failed)" : "");
            if (r.failure) {
                print_error(d.file + ": error: run " + std::to_string(i) + " stopped: " + *r.failure);
                status = 1;
            }
        }
        std::string csv = header + "\n";
        for (const auto& row : rows) csv += row[0] + "\n";
        folder.write("sweep.csv", csv);
        if (!options.run.quiet) std::printf("wrote %s\n", folder.path_of("sweep.csv").c_str());
        return status;
    } catch (const model::ModelError& e) {
        print_error(e.what());
    } catch (const std::exception& e) {
        print_error(options.run.model + ": error: " + e.what());
    }
    return 1;
}

}  // namespace mech::mechsim
