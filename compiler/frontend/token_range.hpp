// Internal to the front end: the source range an ANTLR token covers (byte columns, 1-based).
#pragma once

#include "diag/source_location.hpp"

#include <antlr4-runtime.h>

namespace mech::frontend {

inline diag::SourceRange token_range(antlr4::Token* t, diag::FileId file) {
    if (!t) return {};
    diag::SourceLocation b{file, static_cast<std::uint32_t>(t->getLine()),
                           static_cast<std::uint32_t>(t->getCharPositionInLine() + 1)};
    // EOF and tokens the parser made up while recovering cover nothing.
    if (t->getType() == antlr4::Token::EOF || t->getStartIndex() > t->getStopIndex()) return {b};
    std::string text = t->getText();
    diag::SourceLocation e = b;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] == '\n') {
            ++e.line;
            e.column = 0;
        } else {
            ++e.column;
        }
    }
    return {b, e};
}

} // namespace mech::frontend
