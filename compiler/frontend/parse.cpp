// The front end's pipeline: sanitise bytes, lex, check tokens, parse, build the AST.
#include "frontend/parse.hpp"

#include "MechLexer.h"
#include "MechParser.h"
#include "frontend/build_ast.hpp"
#include "frontend/scan_tokens.hpp"
#include "frontend/syntax_errors.hpp"

namespace mech::frontend {

namespace {

// ANTLR decodes its input as UTF-8 and rejects malformed bytes. Mechanism files are ASCII
// outside comments, so every non-ASCII byte becomes DEL: one byte stays one column, comments
// may still hold anything, and elsewhere the lexer reports the original byte.
std::string ascii_only(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (static_cast<unsigned char>(c) >= 0x80) c = '\x7f';
    return out;
}

} // namespace

ast::Module parse(diag::FileId file, diag::DiagnosticEngine& diags) {
    std::string_view original = diags.sources().text(file);
    ast::Module module;
    module.file = file;
    module.file_name = std::string(diags.sources().name(file));
    module.dialect = ast::dialect_for(module.file_name);
    try {
        antlr4::ANTLRInputStream input(ascii_only(original));
        mech_gen::MechLexer lexer(&input);
        lexer.removeErrorListeners();
        antlr4::CommonTokenStream tokens(&lexer);
        tokens.fill();
        if (!scan_tokens(tokens, original, file, diags)) return module;

        mech_gen::MechParser parser(&tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(std::make_shared<SyntaxErrorStrategy>(file, diags));
        mech_gen::MechParser::FileContext* tree = nullptr;
        try {
            tree = parser.file();
        } catch (const antlr4::ParseCancellationException&) {
            return module; // too many errors; already reported
        }
        AstBuilder builder(file, diags);
        ast::Module built = builder.build(tree);
        module.blocks = std::move(built.blocks);
    } catch (const std::exception& e) {
        diags.internal_error({}, std::string("the parser failed: ") + e.what());
    }
    return module;
}

ast::Module parse(std::string_view source, std::string_view file_name, diag::SourceManager& sources,
                  diag::DiagnosticEngine& diags) {
    diag::FileId id = sources.add_file(std::string(file_name), std::string(source));
    return parse(id, diags);
}

} // namespace mech::frontend
