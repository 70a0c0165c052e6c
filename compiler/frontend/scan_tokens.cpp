// Lexical checks before parsing: one clear error per bad token, and a bound on nesting depth.
#include "frontend/scan_tokens.hpp"

#include "MechLexer.h"
#include "frontend/parse.hpp"
#include "frontend/token_range.hpp"

#include <fmt/format.h>

namespace mech::frontend {

using L = mech_gen::MechLexer;

namespace {

diag::SourceRange token_start(antlr4::Token* t, diag::FileId file) { return {token_range(t, file).begin}; }

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

constexpr int kMaxLexicalErrors = 20;

} // namespace

bool scan_tokens(antlr4::CommonTokenStream& tokens, std::string_view original, diag::FileId file,
                 diag::DiagnosticEngine& diags) {
    int depth = 0;
    int lexical_errors = 0;
    auto lexical_error = [&](diag::SourceRange r, std::string message) {
        if (++lexical_errors <= kMaxLexicalErrors) diags.error(r, std::move(message));
        else if (lexical_errors == kMaxLexicalErrors + 1)
            diags.error(r, "too many invalid characters; is this a mechanism file?");
    };
    for (antlr4::Token* t : tokens.getTokens()) {
        switch (t->getType()) {
        case L::COMMENT_BLOCK:
            if (!ends_with(t->getText(), "ENDCOMMENT")) {
                diag::SourceRange r = token_start(t, file);
                r.end.column += 6;
                diags.error(r, "COMMENT block is never closed: add ENDCOMMENT");
            }
            break;
        case L::VERBATIM_BLOCK: {
            diag::SourceRange r = token_start(t, file);
            r.end.column += 7;
            diags.error(r, "VERBATIM blocks (raw C) are not supported by mech; write the computation as a "
                           "FUNCTION or PROCEDURE in the mechanism language");
            break;
        }
        case L::UNTERMINATED_STRING:
            lexical_error(token_start(t, file), "string is never closed: add '\"' before the end of the line");
            break;
        case L::ERROR_CHAR: {
            std::size_t at = t->getStartIndex();
            unsigned char byte = at < original.size() ? static_cast<unsigned char>(original[at]) : 0;
            bool continuation = byte >= 0x80 && byte < 0xC0 && at > 0 &&
                                static_cast<unsigned char>(original[at - 1]) >= 0x80;
            if (continuation) break; // one report per UTF-8 character, at its first byte
            if (byte >= 0x80)
                lexical_error(token_start(t, file), fmt::format("unexpected non-ASCII character (byte 0x{:02X}) outside a "
                                                                "comment; write units and names in ASCII",
                                                                byte));
            else if (byte < 0x20 || byte == 0x7f)
                lexical_error(token_start(t, file), fmt::format("unexpected control character 0x{:02X}", byte));
            else
                lexical_error(token_start(t, file), fmt::format("unexpected character '{}'", static_cast<char>(byte)));
            break;
        }
        case L::LPAREN:
        case L::LBRACK:
        case L::LBRACE:
            if (++depth > kMaxNesting) {
                diag::SourceRange r = token_start(t, file);
                diags.error(r, fmt::format("brackets and braces nest too deeply here (more than {} levels)",
                                           kMaxNesting));
                return false;
            }
            break;
        case L::RPAREN:
        case L::RBRACK:
        case L::RBRACE:
            if (depth > 0) --depth;
            break;
        default: break;
        }
    }
    return true;
}

} // namespace mech::frontend
