// The one place every compiler stage reports problems to; stages never print themselves.
#pragma once

#include "diag/diagnostic.hpp"
#include "diag/source_manager.hpp"

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace mech::diag {

class DiagnosticEngine {
public:
    explicit DiagnosticEngine(const SourceManager& sources) : sources_(&sources) {}

    void error(SourceRange where, std::string message);
    void warning(SourceRange where, std::string message);
    void note(SourceRange where, std::string message);
    // A compiler bug: labelled "internal error: ... please report this with the input file".
    void internal_error(SourceRange where, std::string message);
    void report(Diagnostic d);

    // Under --Werror every warning is reported (and counted) as an error.
    void set_warnings_as_errors(bool on) { warnings_as_errors_ = on; }
    bool warnings_as_errors() const { return warnings_as_errors_; }

    // Called for each diagnostic as it is reported (e.g. the driver prints them at once).
    void set_consumer(std::function<void(const Diagnostic&)> consumer) { consumer_ = std::move(consumer); }

    std::size_t error_count() const { return error_count_; } // errors + internal errors
    std::size_t warning_count() const { return warning_count_; }
    bool has_errors() const { return error_count_ != 0; }
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
    const SourceManager& sources() const { return *sources_; }

    // clang-style text: "file:line:col: error: message", the source line and a caret line.
    std::string render(const Diagnostic& d) const;
    void print_all(std::ostream& out) const;

private:
    const SourceManager* sources_;
    std::vector<Diagnostic> diagnostics_;
    std::function<void(const Diagnostic&)> consumer_;
    std::size_t error_count_ = 0;
    std::size_t warning_count_ = 0;
    bool warnings_as_errors_ = false;
};

// The "N errors, M warnings generated." summary line ("" when there is nothing to say).
std::string summary(const DiagnosticEngine& engine);

} // namespace mech::diag
