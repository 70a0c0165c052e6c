// Collects diagnostics, counts them, and renders them the way clang does.
#include "diag/diagnostic_engine.hpp"

#include <fmt/format.h>

#include <ostream>

namespace mech::diag {

std::string_view severity_name(Severity s) {
    switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
    case Severity::InternalError: return "internal error";
    }
    return "error";
}

void DiagnosticEngine::error(SourceRange where, std::string message) {
    report({Severity::Error, where, std::move(message)});
}

void DiagnosticEngine::warning(SourceRange where, std::string message) {
    report({Severity::Warning, where, std::move(message)});
}

void DiagnosticEngine::note(SourceRange where, std::string message) {
    report({Severity::Note, where, std::move(message)});
}

void DiagnosticEngine::internal_error(SourceRange where, std::string message) {
    report({Severity::InternalError, where,
            message + " (this is a bug in mech: please report this with the input file)"});
}

void DiagnosticEngine::report(Diagnostic d) {
    if (d.severity == Severity::Warning && warnings_as_errors_) {
        d.severity = Severity::Error;
        d.message += " [-Werror]";
    }
    if (d.severity == Severity::Error || d.severity == Severity::InternalError) ++error_count_;
    if (d.severity == Severity::Warning) ++warning_count_;
    diagnostics_.push_back(std::move(d));
    if (consumer_) consumer_(diagnostics_.back());
}

namespace {

// The caret line under `line`: spaces (tabs kept, so it lines up), then ^ and ~ up to `last`.
std::string caret_line(std::string_view line, std::uint32_t first, std::uint32_t last) {
    std::string out;
    std::size_t begin = first == 0 ? 0 : first - 1;
    for (std::size_t i = 0; i < begin; ++i) out += (i < line.size() && line[i] == '\t') ? '\t' : ' ';
    out += '^';
    for (std::size_t i = begin + 1; i < last && i < line.size(); ++i) out += '~';
    return out;
}

// Source lines may hold bytes that would garble a terminal; show them as '?'.
std::string printable(std::string_view line) {
    std::string out(line);
    for (char& c : out) {
        auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f) c = '?';
    }
    return out;
}

} // namespace

std::string DiagnosticEngine::render(const Diagnostic& d) const {
    std::string label(severity_name(d.severity));
    if (!d.range.valid()) return fmt::format("mechc: {}: {}\n", label, d.message);
    const SourceLocation& b = d.range.begin;
    std::string out = fmt::format("{}:{}:{}: {}: {}\n", sources_->name(b.file), b.line, b.column, label,
                                  d.message);
    std::string_view line = sources_->line_text(b.file, b.line);
    if (line.empty() && b.column <= 1) return out;
    std::uint32_t last = b.column;
    if (d.range.end.valid() && d.range.end.line == b.line && d.range.end.column > b.column)
        last = d.range.end.column;
    else if (d.range.end.valid() && d.range.end.line > b.line)
        last = static_cast<std::uint32_t>(line.size()); // a multi-line range: underline to the line's end
    out += printable(line) + "\n" + caret_line(line, b.column, last) + "\n";
    return out;
}

void DiagnosticEngine::print_all(std::ostream& out) const {
    for (const auto& d : diagnostics_) out << render(d);
}

std::string summary(const DiagnosticEngine& engine) {
    auto plural = [](std::size_t n, const char* word) {
        return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
    };
    std::size_t e = engine.error_count(), w = engine.warning_count();
    if (e == 0 && w == 0) return "";
    if (e && w) return plural(w, "warning") + " and " + plural(e, "error") + " generated.";
    return (e ? plural(e, "error") : plural(w, "warning")) + " generated.";
}

} // namespace mech::diag
