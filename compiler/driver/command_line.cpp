// The options of mechc and their help texts; docs/mechc.md describes the same, with examples.
#include "driver/command_line.hpp"

#include <mech/mechanism_abi.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <map>

namespace mech::driver {

namespace {

constexpr const char* kUsage =
    R"(mechc: compiles NMODL-style mechanism files (.mech, and NEURON .mod in the supported subset)

  mechc check FILE...                       check files (every stage, nothing written)
  mechc compile FILE... -o catalogue.so     a shared catalogue exporting mech_catalogue (-o x.o: an object file)
  mechc --emit=ast|ir|llvm|obj FILE... [-o OUT]
                                            print a stage (ast, ir per file; llvm, obj for all files)
Exit status: 0 success, 1 errors in the input or output, 2 bad command line, 3 internal error.)";

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> out;
    std::size_t begin = 0;
    while (begin <= list.size()) {
        const std::size_t comma = std::min(list.find(',', begin), list.size());
        out.push_back(list.substr(begin, comma - begin));
        begin = comma + 1;
    }
    return out;
}

std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

// CLI11 validator: "" when every name in the comma-separated list is a pass or "all".
std::string check_pass_list(std::string& list) {
    for (const auto& name : split(list)) {
        const auto& passes = pass_names();
        if (name != "all" && std::find(passes.begin(), passes.end(), name) == passes.end())
            return "no pass is named '" + name + "'; the passes are " + join(passes) + ", or all";
    }
    return "";
}

// The options every command shares.
void add_common(CLI::App& app, Options& options, std::string& conductance,
                std::vector<std::string>& dump_after) {
    app.add_flag("--strict-units", options.strict_units,
                 "unit problems in .mod files are errors (they are always errors in .mech files)");
    app.add_flag("--Werror", options.warnings_as_errors, "treat warnings as errors");
    app.add_flag("-v,--verbose", options.verbose,
                 "print each step with its time, and notes from the passes, to stderr");
    app.add_option("--conductance", conductance,
                   "how dI/dv is computed: symbolic (exact; the default) or finite-difference "
                   "(NEURON's (i(v+0.001)-i(v))/0.001)")
        ->check(CLI::IsMember({"symbolic", "finite-difference"}));
    app.add_option(
           "--dump-after", dump_after,
           "print the IR to stderr after these passes (comma-separated, or all; may repeat): " +
               join(pass_names()))
        ->expected(1) // one value per use, so that the input files after it stay files
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->check(CLI::Validator(check_pass_list, "PASS[,PASS...]"));
    app.add_option("-O,--opt-level", options.opt_level, "LLVM optimisation level 0-3 (default 3)")
        ->check(CLI::Range(0, 3));
    app.add_option("--cpu", options.cpu,
                   "target CPU, e.g. x86-64-v3 for catalogues used on other machines "
                   "(default: this machine's)");
    app.add_flag(
        "--no-vector-math", [&options](std::int64_t) { options.vector_math = false; },
        "do not vectorise exp/log through libmvec");
}

} // namespace

std::optional<Invocation> parse_command_line(int argc, char** argv, int& exit_code) {
    Invocation inv;
    std::string emit = "none";
    std::string conductance = "symbolic";
    std::vector<std::string> dump_after;

    CLI::App app{kUsage, "mechc"};
    app.set_version_flag("--version", "mechc " MECH_VERSION " (mechanism ABI " +
                                          std::to_string(MECH_ABI_VERSION) + ", LLVM 19)");
    add_common(app, inv.options, conductance, dump_after);
    app.add_option("--emit", emit,
                   "what to produce: ast or ir (per file, to stdout or -o), llvm (text) or obj "
                   "(one catalogue module of all files); without --emit the files are checked")
        ->check(CLI::IsMember({"none", "ast", "ir", "llvm", "obj"}));
    app.add_option("-o,--output", inv.output, "output file (never one of the inputs)");
    app.add_option("files", inv.files, "input files (.mech or .mod)");

    auto* check = app.add_subcommand("check", "check files through every stage; write nothing");
    add_common(*check, inv.options, conductance, dump_after);
    check->add_option("files", inv.files, "input files (.mech or .mod)")->required();

    auto* compile = app.add_subcommand(
        "compile",
        "compile files into one catalogue: a shared library (-o x.so) or object (-o x.o)");
    add_common(*compile, inv.options, conductance, dump_after);
    compile->add_option("files", inv.files, "input files (.mech or .mod)")->required();
    compile->add_option("-o,--output", inv.output, "the catalogue: x.so (shared library) or x.o")
        ->required();
    app.require_subcommand(0, 1);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        exit_code = code == 0 ? 0 : 2;
        return std::nullopt;
    }

    static const std::map<std::string, EmitStage> stages{{"none", EmitStage::None},
                                                         {"ast", EmitStage::Ast},
                                                         {"ir", EmitStage::Ir},
                                                         {"llvm", EmitStage::Llvm},
                                                         {"obj", EmitStage::Obj}};
    inv.options.emit = stages.at(emit);
    for (const auto& list : dump_after)
        for (auto& name : split(list))
            inv.options.dump_after.push_back(std::move(name));
    inv.options.conductance =
        conductance == "symbolic" ? Conductance::Symbolic : Conductance::FiniteDifference;
    if (compile->parsed()) {
        const bool object = inv.output.size() > 2 && inv.output.ends_with(".o");
        inv.options.emit = object ? EmitStage::Obj : EmitStage::Library;
    } else if (check->parsed()) {
        inv.options.emit = EmitStage::None;
    }
    if (inv.files.empty()) {
        std::cerr << app.help() << "\nmechc: error: no input files\n";
        exit_code = 2;
        return std::nullopt;
    }
    return inv;
}

} // namespace mech::driver
