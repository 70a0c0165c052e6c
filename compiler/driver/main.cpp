// mechc: the mechanism compiler's command line. Parses the options, runs the pipeline once and
// writes its output; every problem, a compiler bug included, is a diagnostic and an exit status.
#include "driver/command_line.hpp"
#include "driver/output_file.hpp"
#include "driver/pipeline.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

namespace {

using namespace mech;

constexpr int kInputErrors = 1;
constexpr int kInternalError = 3;

// --emit=obj without -o: "<stem>.o" in the working folder, as C compilers do, for one file.
std::string default_output(const driver::Invocation& inv, diag::DiagnosticEngine& diags) {
    if (inv.options.emit != driver::EmitStage::Obj || !inv.output.empty())
        return inv.output;
    if (inv.files.size() != 1) {
        diags.error({}, "--emit=obj with several files makes one object: name it with -o");
        return {};
    }
    return std::filesystem::path(inv.files.front()).stem().string() + ".o";
}

// Runs the pipeline; text goes to stdout unless -o names a file, binary output always to a file.
bool run(const driver::Invocation& inv, diag::SourceManager& sources,
         diag::DiagnosticEngine& diags) {
    const std::string output = default_output(inv, diags);
    if (diags.has_errors())
        return false;
    std::unique_ptr<driver::OutputFile> file;
    if (!output.empty()) {
        file = driver::OutputFile::open(output, inv.files, diags);
        if (!file)
            return false;
    }

    std::ostringstream text;
    driver::Sink sink{file ? static_cast<std::ostream&>(text) : std::cout, std::cerr, {}, {}};
    if (file)
        sink.library = file->temporary();
    if (!driver::compile(inv.files, inv.options, sources, diags, sink))
        return false;
    if (!file)
        return true;

    switch (inv.options.emit) {
    case driver::EmitStage::None:
        return true; // check: nothing to write
    case driver::EmitStage::Library:
        break; // already linked into the temporary
    case driver::EmitStage::Obj:
        if (!file->write({sink.object.data(), sink.object.size()}, diags))
            return false;
        break;
    case driver::EmitStage::Ast:
    case driver::EmitStage::Ir:
    case driver::EmitStage::Llvm:
        if (!file->write(text.str(), diags))
            return false;
        break;
    }
    return file->commit(diags);
}

} // namespace

int main(int argc, char** argv) {
    int exit_code = 0;
    auto inv = driver::parse_command_line(argc, argv, exit_code);
    if (!inv)
        return exit_code;

    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    diags.set_warnings_as_errors(inv->options.warnings_as_errors);
    diags.set_consumer([&](const diag::Diagnostic& d) { std::cerr << diags.render(d); });

    int status = 0;
    try {
        status = run(*inv, sources, diags) ? 0 : kInputErrors;
    } catch (const std::exception& e) {
        diags.internal_error({}, std::string("uncaught exception: ") + e.what());
        status = kInternalError;
    } catch (...) {
        diags.internal_error({}, "uncaught exception of unknown type");
        status = kInternalError;
    }
    if (auto s = diag::summary(diags); !s.empty())
        std::cerr << s << "\n";
    return status;
}
