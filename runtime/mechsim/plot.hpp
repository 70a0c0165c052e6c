// Plots traces to a PNG with gnuplot (Debian's gnuplot-nox): one panel per unit, time on x.
#pragma once

#include <string>
#include <vector>

namespace mech::mechsim {

struct PlotColumn {
    std::string name;
    std::string units;
    int csv_column = 0;  // 1-based column in the CSV (1 is t)
};

// The gnuplot script that plots `csv` into `png` (both absolute or relative to the working folder).
std::string gnuplot_script(const std::string& csv, const std::string& png, const std::vector<PlotColumn>& columns,
                           const std::string& title, const std::string& terminal);

// Runs gnuplot on `script_path`; returns "" on success, else why the plot was not made (gnuplot
// missing, or its error output).
std::string run_gnuplot(const std::string& script_path);

// "pngcairo" when this gnuplot has it, else "png"; "" when gnuplot cannot be run.
std::string png_terminal();

}  // namespace mech::mechsim
