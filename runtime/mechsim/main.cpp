// mechsim: runs model files. `mechsim run MODEL.toml -o DIR`, `mechsim sweep MODEL.toml --param
// PATH --values RANGE -o DIR`; see docs/model-format.md.
#include <CLI/CLI.hpp>

#include "commands.hpp"

int main(int argc, char** argv) {
    using namespace mech::mechsim;
    CLI::App app{"mechsim: simulate neuron models described in TOML model files"};
    app.require_subcommand(1);

    RunOptions run;
    bool no_plot = false;
    CLI::App* run_cmd = app.add_subcommand("run", "run a model and write DIR/traces.csv (and a plot)");
    run_cmd->add_option("model", run.model, "the model file (.toml)")->required()->check(CLI::ExistingFile);
    run_cmd->add_option("-o,--output", run.output_dir, "output folder (created if needed)")->required();
    run_cmd->add_option("-s,--set", run.settings, "override a number: path=value, e.g. soma.hh.gnabar=0.12");
    run_cmd->add_flag("--no-plot", no_plot, "do not run gnuplot");
    run_cmd->add_flag("-q,--quiet", run.quiet, "print nothing unless something fails");

    SweepOptions sweep;
    bool sweep_no_plot = false;
    CLI::App* sweep_cmd = app.add_subcommand("sweep", "re-run a model over values of one parameter; writes DIR/sweep.csv");
    sweep_cmd->add_option("model", sweep.run.model, "the model file (.toml)")->required()->check(CLI::ExistingFile);
    sweep_cmd->add_option("-o,--output", sweep.run.output_dir, "output folder (created if needed)")->required();
    sweep_cmd->add_option("--param", sweep.parameter, "the parameter, e.g. soma.hh.gnabar or stim.amp")->required();
    sweep_cmd->add_option("--values", sweep.values, "from:to:step, from:to:nCOUNT, or a,b,c")->required();
    sweep_cmd->add_option("-s,--set", sweep.run.settings, "override a number for every run: path=value");
    sweep_cmd->add_flag("--traces", sweep.traces, "also write each run's traces to DIR/run_NNN/");
    sweep_cmd->add_flag("--no-plot", sweep_no_plot, "accepted for symmetry with run (sweeps draw no plot)");
    sweep_cmd->add_flag("-q,--quiet", sweep.run.quiet, "print nothing unless something fails");

    CLI11_PARSE(app, argc, argv);
    if (run_cmd->parsed()) {
        run.plot = !no_plot;
        return run_command(run);
    }
    return sweep_command(sweep);
}
