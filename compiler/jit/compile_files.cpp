// Reads and lowers mechanism files one by one, reporting into one diagnostics engine, and
// hands the solved IR of all of them to the JIT or the AOT back end.
#include "jit/compile_files.hpp"

#include "frontend/parse.hpp"
#include "ir/lower.hpp"
#include "jit/compile.hpp"
#include "passes/run_passes.hpp"
#include "sema/analysis.hpp"

namespace mech::jit {

namespace {

// The NEURON block locates a mechanism; a file without one is located at its first line.
diag::SourceRange declaration_of(const ast::Module& module) {
    for (const auto& block : module.blocks) {
        if (block.is<ast::NeuronBlock>()) {
            return block.range;
        }
    }
    return diag::SourceLocation{module.file, 1, 1};
}

} // namespace

std::optional<LoweredFiles> lower_files(const std::vector<std::string>& paths,
                                        diag::SourceManager& sources, diag::DiagnosticEngine& diags,
                                        const FrontOptions& front) {
    LoweredFiles lowered;
    bool failed = false;
    for (const auto& path : paths) {
        const auto errors_before = diags.error_count();
        const auto file = sources.load_file(path);
        if (!file) {
            diags.error({}, "cannot read mechanism file '" + path + "'");
            failed = true;
            continue;
        }
        auto module = frontend::parse(*file, diags);
        if (diags.error_count() != errors_before) {
            failed = true;
            continue;
        }
        auto sema_options = sema::Options::for_module(module);
        sema_options.strict_units = front.strict_units;
        const auto analysis = sema::analyse(module, diags, sema_options);
        if (diags.error_count() != errors_before) {
            failed = true;
            continue;
        }
        auto mechanism = ir::lower(module, analysis, diags);
        if (diags.error_count() != errors_before ||
            !passes::run_passes(mechanism, passes::Options{}, diags)) {
            failed = true;
            continue;
        }
        lowered.mechanisms.push_back(std::move(mechanism));
        lowered.declared_at.push_back(declaration_of(module));
    }
    if (failed) {
        return std::nullopt;
    }
    return lowered;
}

std::unique_ptr<JitCatalogue> compile_files(const std::vector<std::string>& paths,
                                            diag::SourceManager& sources,
                                            diag::DiagnosticEngine& diags, const Options& options,
                                            const FrontOptions& front, CompileTimings* timings) {
    std::optional<LoweredFiles> lowered;
    {
        StageTimer timer(timings ? &timings->front_ms : nullptr);
        lowered = lower_files(paths, sources, diags, front);
    }
    if (!lowered) {
        return nullptr;
    }
    return compile(lowered->mechanisms, diags, options, lowered->declared_at, timings);
}

bool compile_files_to_library(const std::vector<std::string>& paths, const std::string& output,
                              diag::SourceManager& sources, diag::DiagnosticEngine& diags,
                              const Options& options, const FrontOptions& front) {
    auto lowered = lower_files(paths, sources, diags, front);
    if (!lowered) {
        return false;
    }
    return compile_shared_library(lowered->mechanisms, diags, output, options,
                                  lowered->declared_at);
}

} // namespace mech::jit
