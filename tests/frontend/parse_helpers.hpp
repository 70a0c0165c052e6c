// Parses text in tests and keeps the sources and diagnostics alive alongside the AST.
#pragma once

#include "ast/module.hpp"
#include "frontend/parse.hpp"

#include <memory>
#include <string>

namespace mech::test {

struct Parsed {
    std::unique_ptr<diag::SourceManager> sources = std::make_unique<diag::SourceManager>();
    std::unique_ptr<diag::DiagnosticEngine> diags = std::make_unique<diag::DiagnosticEngine>(*sources);
    ast::Module module;

    std::string messages() const {
        std::string out;
        for (const auto& d : diags->diagnostics()) out += diags->render(d);
        return out;
    }
};

inline Parsed parse_text(const std::string& text, const std::string& name = "test.mech") {
    Parsed p;
    p.module = frontend::parse(text, name, *p.sources, *p.diags);
    return p;
}

} // namespace mech::test
