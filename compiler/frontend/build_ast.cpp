// Parse tree to AST: locations, names, units, numbers and the module itself.
#include "frontend/build_ast.hpp"
#include "frontend/token_range.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace mech::frontend {

using diag::SourceLocation;
using diag::SourceRange;

SourceRange AstBuilder::range(antlr4::Token* t) const { return token_range(t, file_); }

SourceRange AstBuilder::range(antlr4::tree::TerminalNode* n) const { return n ? range(n->getSymbol()) : SourceRange{}; }

SourceRange AstBuilder::range(antlr4::ParserRuleContext* ctx) const {
    if (!ctx) return {};
    SourceRange r = range(ctx->getStart());
    antlr4::Token* stop = ctx->getStop();
    if (stop && ctx->getStart() && stop->getTokenIndex() >= ctx->getStart()->getTokenIndex() &&
        stop->getType() != antlr4::Token::EOF)
        r.end = range(stop).end;
    return r;
}

ast::Ident AstBuilder::ident(P::IdentContext* ctx) const {
    if (!ctx || !ctx->getStart()) return {};
    return {ctx->getText(), range(ctx)};
}

std::vector<ast::Ident> AstBuilder::idents(P::IdentListContext* ctx) const {
    std::vector<ast::Ident> out;
    if (!ctx) return out;
    for (auto* i : ctx->ident()) out.push_back(ident(i));
    return out;
}

std::optional<ast::UnitText> AstBuilder::unit(P::UnitContext* ctx) const {
    if (!ctx || !ctx->LPAREN()) return std::nullopt;
    // Rebuild the text from the tokens so that "mA / cm2" and "mA/cm2" read the same;
    // tokens that were apart in the source stay apart ("ms mV" keeps its space).
    std::string text;
    antlr4::Token* prev = nullptr;
    for (auto* t : ctx->unitToken()) {
        antlr4::Token* tok = t->getStart();
        if (!tok) continue;
        if (prev && tok->getStartIndex() > prev->getStopIndex() + 1) {
            bool glue = prev->getText() == "/" || tok->getText() == "/" || prev->getText() == "-" ||
                        tok->getText() == "-" || prev->getText() == "*" || tok->getText() == "*";
            if (!glue) text += ' ';
        }
        text += tok->getText();
        prev = tok;
    }
    return ast::UnitText{text, range(ctx)};
}

std::optional<std::int64_t> AstBuilder::integer(antlr4::tree::TerminalNode* n, const char* what) {
    if (!n || n->getSymbol()->getStartIndex() > n->getSymbol()->getStopIndex()) return std::nullopt;
    std::string text = n->getText();
    char* end = nullptr;
    long long v = std::strtoll(text.c_str(), &end, 10);
    if (end != text.c_str() + text.size() || v < 0 || v > 1000000000) {
        diags_.error(range(n), fmt::format("{} must be a whole number, not '{}'", what, text));
        return std::nullopt;
    }
    return v;
}

void AstBuilder::array_size(P::ArraySizeContext* ctx, std::optional<std::int64_t>& size,
                            std::optional<ast::Ident>& name) {
    if (!ctx) return;
    if (ctx->NUMBER()) size = integer(ctx->NUMBER(), "an array size");
    else if (ctx->ident()) name = ident(ctx->ident());
}

ast::ExprPtr AstBuilder::error_expr(SourceRange r) const { return ast::make_expr(ast::ErrorExpr{}, r); }

ast::ExprPtr AstBuilder::number(antlr4::tree::TerminalNode* n, P::UnitContext* u, SourceRange r) const {
    if (!n || n->getSymbol()->getStartIndex() > n->getSymbol()->getStopIndex()) return error_expr(r);
    std::string text = n->getText();
    ast::NumberExpr num{std::strtod(text.c_str(), nullptr), text, unit(u)};
    return ast::make_expr(std::move(num), r);
}

// Declaration values, limits and VALENCE: a number with an optional minus, kept as one
// NumberExpr (negative value, text "-54.3") so every consumer reads a plain number.
ast::ExprPtr AstBuilder::signed_number(P::SignedNumberContext* ctx) const {
    if (!ctx) return nullptr;
    ast::ExprPtr e = number(ctx->NUMBER(), nullptr, range(ctx));
    if (auto* n = e->as<ast::NumberExpr>(); n && ctx->sign) {
        n->value = -n->value;
        n->text = "-" + n->text;
    }
    return e;
}

std::vector<ast::Param> AstBuilder::params(P::ParamListContext* ctx) const {
    std::vector<ast::Param> out;
    if (!ctx) return out;
    for (auto* p : ctx->param()) out.push_back({ident(p->ident()), unit(p->unit())});
    return out;
}

ast::Module AstBuilder::build(P::FileContext* file) {
    ast::Module m;
    m.file = file_;
    if (!file) return m;
    for (auto* item : file->topItem())
        if (auto b = top_item(item)) m.blocks.push_back(std::move(*b));
    return m;
}

} // namespace mech::frontend
