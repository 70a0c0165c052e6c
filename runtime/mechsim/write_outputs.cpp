// Writing a run's CSV files and plot (see write_outputs.hpp).
#include "write_outputs.hpp"

#include <filesystem>
#include <map>

#include "plot.hpp"

namespace mech::mechsim {

namespace fs = std::filesystem;

namespace {

std::string spikes_csv(const RunResult& result) {
    std::string out = "cell,t\n";
    for (const auto& [cell, times] : result.spikes) {
        for (double t : times) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.10g", t);
            out += cell + "," + buffer + "\n";
        }
    }
    return out;
}

std::string gid_spikes_csv(const RunResult& result) {
    std::string out = "gid,t\n";
    for (const auto& s : result.gid_spikes) {
        char buffer[48];
        std::snprintf(buffer, sizeof buffer, "%d,%.10g\n", s.gid, s.t);
        out += buffer;
    }
    return out;
}

std::string plot_traces(const model::OutputDesc& output, const RunResult& result, OutputFolder& folder,
                        const std::vector<const Trace*>& main, const std::string& title, WrittenFiles& written) {
    const std::string terminal = png_terminal();
    if (terminal.empty()) return "gnuplot could not be run (install gnuplot-nox, or use --no-plot)";
    std::vector<PlotColumn> columns;
    for (std::size_t i = 0; i < main.size(); ++i)
        for (const auto& c : result.columns)
            if (c.name == main[i]->name) columns.push_back(PlotColumn{c.name, c.units, static_cast<int>(i) + 2});
    if (columns.empty()) return "";
    const std::string script_name = fs::path(output.plot_file).replace_extension(".gp").string();
    // The kept script uses names relative to the folder ("cd DIR && gnuplot traces.gp" redraws);
    // gnuplot itself draws into a temporary file, renamed when complete.
    folder.write(script_name, gnuplot_script(output.traces, output.plot_file, columns, title, terminal));
    written.paths.push_back(folder.path_of(script_name));
    folder.claim(output.plot_file);
    const std::string tmp_png = folder.path_of("." + output.plot_file + ".tmp");
    const std::string tmp_script = folder.path_of("." + script_name + ".tmp");
    folder.write("." + script_name + ".tmp",
                 gnuplot_script(folder.path_of(output.traces), tmp_png, columns, title, terminal));
    const std::string problem = run_gnuplot(tmp_script);
    std::error_code ec;
    fs::remove(tmp_script, ec);
    if (!problem.empty()) {
        fs::remove(tmp_png, ec);
        return problem;
    }
    fs::rename(tmp_png, folder.path_of(output.plot_file), ec);
    if (ec) return "cannot move the plot into place: " + ec.message();
    written.paths.push_back(folder.path_of(output.plot_file));
    return "";
}

}  // namespace

WrittenFiles write_outputs(const model::OutputDesc& output, const RunResult& result, OutputFolder& folder, bool plot,
                           const std::string& title) {
    WrittenFiles written;
    std::map<int, std::vector<const Trace*>> by_every;
    for (const auto& trace : result.traces) by_every[trace.every].push_back(&trace);
    const std::vector<const Trace*> main = by_every[output.every];
    folder.write(output.traces, format_csv(result.t, main, output.every));
    written.paths.push_back(folder.path_of(output.traces));
    for (const auto& [every, traces] : by_every) {
        if (every == output.every) continue;
        const std::string name = "traces_every" + std::to_string(every) + ".csv";
        folder.write(name, format_csv(result.t, traces, every));
        written.paths.push_back(folder.path_of(name));
    }
    if (result.has_populations) {
        folder.write("spikes.csv", gid_spikes_csv(result));
        written.paths.push_back(folder.path_of("spikes.csv"));
        if (!result.spikes.empty()) {
            folder.write("cell_spikes.csv", spikes_csv(result));
            written.paths.push_back(folder.path_of("cell_spikes.csv"));
        }
    } else {
        folder.write("spikes.csv", spikes_csv(result));
        written.paths.push_back(folder.path_of("spikes.csv"));
    }
    if (plot) written.plot_problem = plot_traces(output, result, folder, main, title, written);
    return written;
}

}  // namespace mech::mechsim
