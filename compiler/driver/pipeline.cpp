// One run of the compiler: each file goes through the front-end stages, each stage either stops
// on errors or hands on to the next; then one catalogue is generated from all mechanisms.
#include "driver/pipeline.hpp"

#include "ast/print.hpp"
#include "driver/target_cpu.hpp"
#include "frontend/parse.hpp"
#include "ir/lower.hpp"
#include "ir/print.hpp"
#include "jit/compile.hpp"
#include "passes/run_passes.hpp"
#include "sema/analysis.hpp"

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <ostream>

namespace mech::driver {

namespace {

// Everything the code generator needs from the front end: each file's solved mechanism and
// where it is declared (for errors the IR cannot place).
struct Lowered {
    std::vector<ir::Mechanism> mechanisms;
    std::vector<diag::SourceRange> declared_at;
};

// --verbose: one line per step with its wall time.
class StepLog {
public:
    StepLog(const Options& options, std::ostream& log) : on_(options.verbose), log_(log) {}
    void done(const std::string& what) {
        const auto now = std::chrono::steady_clock::now();
        if (on_) {
            const double ms = std::chrono::duration<double, std::milli>(now - last_).count();
            log_ << "mechc: " << what << " (" << std::fixed << std::setprecision(1) << ms
                 << " ms)\n"
                 << std::defaultfloat;
        }
        last_ = now;
    }

private:
    bool on_;
    std::ostream& log_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// The NEURON block locates a mechanism; a file without one is located at its first line.
diag::SourceRange declaration_of(const ast::Module& module) {
    for (const auto& block : module.blocks)
        if (block.is<ast::NeuronBlock>())
            return block.range;
    return diag::SourceLocation{module.file, 1, 1};
}

passes::Options pass_options(const Options& options, std::ostream& log) {
    passes::Options out;
    out.conductance = options.conductance == Conductance::Symbolic
                          ? passes::ConductanceMethod::Symbolic
                          : passes::ConductanceMethod::FiniteDifference;
    out.verbose = options.verbose;
    out.dump_after = options.dump_after;
    out.dump = [&log](std::string_view pass, const ir::Mechanism& m) {
        log << "; ---- IR of " << m.name << " after " << pass << " ----\n" << ir::print(m);
    };
    return out;
}

jit::Options codegen_options(const Options& options) {
    jit::Options out;
    out.opt_level = options.opt_level;
    out.cpu = options.cpu == "native" ? "" : options.cpu;
    out.vector_math = options.vector_math;
    return out;
}

// Steps 1-5 for one file. Appends its mechanism to `lowered` unless only the AST was asked for.
bool compile_one(const std::string& path, const Options& options, diag::SourceManager& sources,
                 diag::DiagnosticEngine& diags, Sink& sink, Lowered& lowered) {
    const std::size_t errors_before = diags.error_count();
    auto failed = [&] { return diags.error_count() != errors_before; };
    StepLog step(options, sink.log);

    // 1. Read.
    auto file = sources.load_file(path);
    if (!file) {
        std::error_code ec;
        diags.error({}, std::filesystem::exists(path, ec)
                            ? "cannot read '" + path + "'"
                            : "cannot read '" + path + "': no such file");
        return false;
    }
    step.done("read " + path);

    // 2. Parse. A module with syntax errors is never analysed.
    ast::Module module = frontend::parse(*file, diags);
    step.done("parsed " + path);
    if (failed())
        return false;
    if (options.emit == EmitStage::Ast) {
        sink.out << ast::print(module);
        return true;
    }

    // 3. Analyse: names, units, types, mechanism rules.
    sema::Options sema_options = sema::Options::for_module(module);
    sema_options.strict_units = options.strict_units;
    const sema::Analysis analysis = sema::analyse(module, diags, sema_options);
    step.done("analysed " + path);
    if (failed())
        return false;

    // 4. Lower to the typed IR: kernels init, compute_currents, advance_state, net_receive.
    ir::Mechanism mechanism = ir::lower(module, analysis, diags);
    step.done("lowered " + path);
    if (failed())
        return false;

    // 5. Passes: solve the ODEs, dI/dv, fold, CSE (printing the IR after those asked for).
    const bool passed = passes::run_passes(mechanism, pass_options(options, sink.log), diags);
    step.done("ran the passes on " + path);
    if (!passed || failed())
        return false;
    if (options.emit == EmitStage::Ir)
        sink.out << ir::print(mechanism);

    lowered.mechanisms.push_back(std::move(mechanism));
    lowered.declared_at.push_back(declaration_of(module));
    return true;
}

// Step 6: one LLVM module for all mechanisms, as text, object, shared library, or (for a check)
// generated and dropped, so that a file that passes `mechc check` also compiles.
bool generate_code(const Lowered& lowered, const Options& options, diag::DiagnosticEngine& diags,
                   Sink& sink) {
    const std::size_t errors_before = diags.error_count();
    const jit::Options codegen = codegen_options(options);
    StepLog step(options, sink.log);
    switch (options.emit) {
    case EmitStage::Ast:
    case EmitStage::Ir:
        return true;
    case EmitStage::None:
        jit::emit_llvm_ir(lowered.mechanisms, diags, codegen, false, lowered.declared_at);
        step.done("generated code (check)");
        break;
    case EmitStage::Llvm:
        sink.out << jit::emit_llvm_ir(lowered.mechanisms, diags, codegen, options.opt_level > 0,
                                      lowered.declared_at);
        step.done("generated LLVM IR");
        break;
    case EmitStage::Obj:
        sink.object = jit::compile_object(lowered.mechanisms, diags, codegen, lowered.declared_at);
        step.done("compiled an object file");
        break;
    case EmitStage::Library:
        jit::compile_shared_library(lowered.mechanisms, diags, sink.library, codegen,
                                    lowered.declared_at);
        step.done("compiled and linked the shared library");
        break;
    }
    return diags.error_count() == errors_before;
}

} // namespace

bool compile(const std::vector<std::string>& paths, const Options& options,
             diag::SourceManager& sources, diag::DiagnosticEngine& diags, Sink& sink) {
    // 0. Options the back end would otherwise trip over late (LLVM aborts on some CPU names).
    if (std::string message; !valid_target_cpu(options.cpu, message)) {
        diags.error({}, message);
        return false;
    }
    Lowered lowered;
    bool ok = true;
    for (const auto& path : paths)
        ok = compile_one(path, options, sources, diags, sink, lowered) && ok;
    if (!ok)
        return false;
    return generate_code(lowered, options, diags, sink);
}

const std::vector<std::string>& pass_names() {
    return passes::pass_names();
}

bool compile_file(const std::string& path, const Options& options, diag::SourceManager& sources,
                  diag::DiagnosticEngine& diags, std::ostream& out) {
    Sink sink{out, out, {}, {}};
    return compile({path}, options, sources, diags, sink);
}

} // namespace mech::driver
