// mechc: the mechanism compiler's command line.
#include "driver/pipeline.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <map>

namespace {

constexpr const char* kVersion = "0.1.0";

int run(const std::vector<std::string>& files, const mech::driver::Options& options) {
    mech::diag::SourceManager sources;
    mech::diag::DiagnosticEngine diags(sources);
    diags.set_warnings_as_errors(options.warnings_as_errors);
    diags.set_consumer([&](const mech::diag::Diagnostic& d) { std::cerr << diags.render(d); });
    bool ok = true;
    for (const auto& f : files) ok = mech::driver::compile_file(f, options, sources, diags, std::cout) && ok;
    if (auto s = mech::diag::summary(diags); !s.empty()) std::cerr << s << "\n";
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"mechc: compiles NMODL-style mechanism files (.mech, and NEURON .mod in the supported subset)"};
    app.set_version_flag("--version", std::string("mechc ") + kVersion);

    mech::driver::Options options;
    std::string emit = "none";
    std::vector<std::string> files;
    const std::map<std::string, mech::driver::EmitStage> stages{{"none", mech::driver::EmitStage::None},
                                                                 {"ast", mech::driver::EmitStage::Ast}};
    app.add_option("--emit", emit, "print the result of a stage: ast")
        ->check(CLI::IsMember({"none", "ast"}));
    app.add_flag("--strict-units", options.strict_units, "unit problems in .mod files are errors, not warnings");
    app.add_flag("--Werror", options.warnings_as_errors, "treat warnings as errors");
    app.add_option("files", files, "input files (.mech or .mod)");

    auto* check = app.add_subcommand("check", "parse and check files; print diagnostics; exit 1 on any error");
    std::vector<std::string> check_files;
    check->add_option("files", check_files, "input files (.mech or .mod)")->required();
    check->add_flag("--strict-units", options.strict_units, "unit problems in .mod files are errors");
    check->add_flag("--Werror", options.warnings_as_errors, "treat warnings as errors");

    CLI11_PARSE(app, argc, argv);

    if (check->parsed()) {
        options.emit = mech::driver::EmitStage::None;
        return run(check_files, options);
    }
    options.emit = stages.at(emit);
    if (files.empty()) {
        std::cerr << app.help();
        return 1;
    }
    return run(files, options);
}
