// gnuplot scripts and running gnuplot without a shell.
#include "plot.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

extern char** environ;

namespace mech::mechsim {

namespace {

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// Runs gnuplot with `args`; stderr goes to `err_file`. Returns the exit status (-1: not started).
int spawn_gnuplot(const std::vector<std::string>& args, const std::string& err_file) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>("gnuplot"));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, "gnuplot", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string temp_path(const char* what) {
    return "/tmp/mechsim-" + std::to_string(::getpid()) + "-" + what;
}

}  // namespace

std::string png_terminal() {
    const std::string err = temp_path("terminal.err");
    std::string result;
    if (spawn_gnuplot({"-e", "set terminal pngcairo"}, err) == 0) result = "pngcairo";
    else if (spawn_gnuplot({"-e", "set terminal png"}, err) == 0) result = "png";
    std::remove(err.c_str());
    return result;
}

std::string gnuplot_script(const std::string& csv, const std::string& png, const std::vector<PlotColumn>& columns,
                           const std::string& title, const std::string& terminal) {
    // One panel per unit, in the order units first appear; voltages usually come first.
    std::vector<std::string> units;
    std::map<std::string, std::vector<const PlotColumn*>> by_units;
    for (const auto& c : columns) {
        if (!by_units.count(c.units)) units.push_back(c.units);
        by_units[c.units].push_back(&c);
    }
    const std::size_t panels = std::max<std::size_t>(units.size(), 1);
    std::ostringstream s;
    s << "# Made by mechsim: re-run with `gnuplot <this file>` to redraw.\n";
    s << "set terminal " << terminal << " size 1000," << (panels * 280 + 60) << "\n";
    s << "set output " << quoted(png) << "\n";
    s << "set datafile separator ','\n";
    s << "set key outside right top\n";
    s << "set grid\n";
    s << "set multiplot layout " << panels << ",1 title " << quoted(title) << " noenhanced\n";
    for (std::size_t p = 0; p < units.size(); ++p) {
        s << (p + 1 == units.size() ? "set xlabel \"t (ms)\"\n" : "unset xlabel\n");
        s << "set ylabel " << quoted(units[p].empty() ? "1" : units[p]) << " noenhanced\n";
        s << "plot ";
        const auto& cols = by_units[units[p]];
        for (std::size_t i = 0; i < cols.size(); ++i) {
            s << (i ? ", \\\n     " : "") << quoted(csv) << " using 1:" << cols[i]->csv_column
              << " with lines title " << quoted(cols[i]->name) << " noenhanced";
        }
        s << "\n";
    }
    s << "unset multiplot\n";
    return s.str();
}

std::string run_gnuplot(const std::string& script_path) {
    const std::string err = temp_path("plot.err");
    const int status = spawn_gnuplot({script_path}, err);
    std::ifstream in(err);
    std::stringstream text;
    text << in.rdbuf();
    std::remove(err.c_str());
    if (status == -1) return "gnuplot could not be run (install gnuplot-nox, or use --no-plot)";
    if (status != 0) return "gnuplot failed: " + text.str();
    return "";
}

}  // namespace mech::mechsim
