// Parses a source text and analyses it, keeping the diagnostics for the tests to inspect.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "frontend/parse.hpp"
#include "sema/analysis.hpp"

namespace mech::sema::test {

struct Checked {
    std::unique_ptr<diag::SourceManager> sources = std::make_unique<diag::SourceManager>();
    std::unique_ptr<diag::DiagnosticEngine> diags = std::make_unique<diag::DiagnosticEngine>(*sources);
    ast::Module module;
    Analysis analysis;
    bool parsed = false;

    // Every diagnostic of that severity, rendered as "line:col: message".
    std::vector<std::string> of(diag::Severity s) const {
        std::vector<std::string> out;
        for (const diag::Diagnostic& d : diags->diagnostics())
            if (d.severity == s)
                out.push_back(std::to_string(d.range.begin.line) + ":" +
                              std::to_string(d.range.begin.column) + ": " + d.message);
        return out;
    }
    std::vector<std::string> errors() const { return of(diag::Severity::Error); }
    std::vector<std::string> warnings() const { return of(diag::Severity::Warning); }
    bool has(diag::Severity s, std::string_view text) const {
        for (const std::string& m : of(s))
            if (m.find(text) != std::string::npos)
                return true;
        return false;
    }
    bool has_error(std::string_view text) const { return has(diag::Severity::Error, text); }
    bool has_warning(std::string_view text) const { return has(diag::Severity::Warning, text); }
    std::string dump() const {
        std::string s;
        for (const diag::Diagnostic& d : diags->diagnostics())
            s += diags->render(d) + "\n";
        return s;
    }
};

inline Checked check(std::string_view source, std::string_view file = "test.mech") {
    Checked c;
    c.module = frontend::parse(source, file, *c.sources, *c.diags);
    c.parsed = !c.diags->has_errors();
    EXPECT_TRUE(c.parsed) << c.dump();
    if (c.parsed)
        c.analysis = analyse(c.module, *c.diags, Options::for_module(c.module));
    return c;
}

} // namespace mech::sema::test
