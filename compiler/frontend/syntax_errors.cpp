// Wording of syntax errors: what was found, what was expected there, and which open block
// a missing '}' belongs to.
#include "frontend/syntax_errors.hpp"

#include "MechParser.h"
#include "frontend/token_range.hpp"

#include <fmt/format.h>

#include <cctype>

namespace mech::frontend {

using P = mech_gen::MechParser;
using antlr4::Token;

namespace {

bool is_keyword(std::size_t type) { return type >= P::DEFINE && type <= P::MIN; }

// Keywords that only start top-level blocks: meeting one inside a block means a '}' is missing.
bool is_block_keyword(std::size_t type) {
    switch (type) {
    case P::TITLE_LINE: case P::DEFINE: case P::NEURON: case P::UNITS: case P::PARAMETER: case P::CONSTANT:
    case P::STATE: case P::ASSIGNED: case P::INDEPENDENT: case P::BREAKPOINT: case P::DERIVATIVE:
    case P::KINETIC: case P::LINEAR: case P::NONLINEAR: case P::FUNCTION: case P::PROCEDURE:
    case P::FUNCTION_TABLE: case P::NET_RECEIVE: case P::CONSTRUCTOR: case P::DESTRUCTOR:
        return true;
    default: return false;
    }
}

std::string describe(Token* t) {
    if (!t || t->getType() == Token::EOF) return "end of file";
    std::string text = t->getText();
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    switch (t->getType()) {
    case P::NAME: return fmt::format("name '{}'", text);
    case P::NUMBER: return fmt::format("number '{}'", text);
    case P::STRING: return "a string";
    case P::TITLE_LINE: return "'TITLE'";
    default: break;
    }
    if (is_keyword(t->getType())) return fmt::format("keyword '{}'", text);
    return fmt::format("'{}'", text);
}

std::string token_name(const antlr4::dfa::Vocabulary& vocab, ssize_t type) {
    if (type == static_cast<ssize_t>(Token::EOF)) return "end of file";
    if (type == P::NAME) return "a name";
    if (type == P::NUMBER) return "a number";
    if (type == P::STRING) return "a string";
    if (type == P::TITLE_LINE) return "'TITLE'";
    std::string literal = vocab.getLiteralName(static_cast<std::size_t>(type));
    if (!literal.empty()) return literal; // already quoted, e.g. '}'
    return vocab.getSymbolicName(static_cast<std::size_t>(type));
}

// A short phrase for the set of tokens the parser could accept.
std::string describe_expected(const antlr4::misc::IntervalSet& set, const antlr4::dfa::Vocabulary& vocab) {
    auto has = [&](ssize_t t) { return set.contains(t); };
    if (has(P::NEURON) && has(P::PARAMETER))
        return "a block (NEURON, UNITS, PARAMETER, STATE, ASSIGNED, INITIAL, BREAKPOINT, DERIVATIVE, KINETIC, "
               "FUNCTION, PROCEDURE, NET_RECEIVE, CHANNEL, POOL)";
    if (has(P::SUFFIX) && has(P::RANGE))
        return "a NEURON statement (SUFFIX, POINT_PROCESS, ARTIFICIAL_CELL, USEION, NONSPECIFIC_CURRENT, RANGE, "
               "GLOBAL, POINTER, THREADSAFE)";
    bool name = has(P::NAME);
    if (name && has(P::LOCAL) && has(P::IF)) return "a statement";
    // Contextual keywords also appear wherever a name may: only describe these blocks when no name fits.
    if (!name && has(P::GMAX) && has(P::GATE))
        return "a channel item (ION, NONSPECIFIC, GMAX, PERMEABILITY, REVERSAL, CARRIER, GATE)";
    if (!name && has(P::ALPHA) && has(P::TAU) && has(P::INF)) return "ALPHA, BETA, INF or TAU";
    if (!name && has(P::DEPTH) && has(P::CURRENT)) return "a pool item (CURRENT, DEPTH, FACTOR, TAU, MIN)";
    if (name && has(P::NUMBER) && has(P::LPAREN)) return "an expression";
    std::vector<std::string> names;
    for (ssize_t t : set.toList()) {
        if (name && t != P::NAME && is_keyword(static_cast<std::size_t>(t)) && t >= P::CHANNEL) continue; // contextual
        names.push_back(token_name(vocab, t));
    }
    if (names.empty()) return "something else";
    if (names.size() > 6) return "a different token";
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
    }
    return out;
}

// "the PARAMETER block", "FUNCTION 'rates'", "the IF body", ... and where it opened.
struct OpenBlock {
    std::string what;
    Token* opened_at = nullptr;
};

std::optional<OpenBlock> innermost_open_block(antlr4::ParserRuleContext* ctx) {
    for (auto* c = ctx; c; c = dynamic_cast<antlr4::ParserRuleContext*>(c->parent)) {
        auto keyword = [&](Token* t) { return t ? t->getText() : std::string("?"); };
        if (dynamic_cast<P::StmtBlockContext*>(c)) {
            auto* parent = dynamic_cast<antlr4::ParserRuleContext*>(c->parent);
            if (parent && (dynamic_cast<P::IfStmtContext*>(parent) || dynamic_cast<P::ElseIfContext*>(parent)))
                return OpenBlock{"the IF body", c->getStart()};
            if (parent && dynamic_cast<P::WhileStmtContext*>(parent)) return OpenBlock{"the WHILE body", c->getStart()};
            if (parent && dynamic_cast<P::FromStmtContext*>(parent)) return OpenBlock{"the FROM loop body", c->getStart()};
            continue; // a block's own body: described by the block below
        }
        if (auto* x = dynamic_cast<P::DeclItemContext*>(c)) return OpenBlock{"the " + keyword(x->kind) + " block", x->getStart()};
        if (auto* x = dynamic_cast<P::NeuronItemContext*>(c)) return OpenBlock{"the NEURON block", x->getStart()};
        if (auto* x = dynamic_cast<P::UnitsBlockItemContext*>(c)) return OpenBlock{"the UNITS block", x->getStart()};
        if (auto* x = dynamic_cast<P::BodyItemContext*>(c)) return OpenBlock{"the " + keyword(x->kind) + " block", x->getStart()};
        if (auto* x = dynamic_cast<P::BeforeAfterItemContext*>(c)) return OpenBlock{"the " + keyword(x->kind) + " block", x->getStart()};
        if (auto* x = dynamic_cast<P::EquationItemContext*>(c))
            return OpenBlock{fmt::format("{} '{}'", keyword(x->kind), x->ident() ? x->ident()->getText() : "?"), x->getStart()};
        if (auto* x = dynamic_cast<P::FunctionItemContext*>(c))
            return OpenBlock{fmt::format("{} '{}'", keyword(x->kind), x->ident() ? x->ident()->getText() : "?"), x->getStart()};
        if (auto* x = dynamic_cast<P::NetReceiveItemContext*>(c)) return OpenBlock{"the NET_RECEIVE block", x->getStart()};
        if (auto* x = dynamic_cast<P::ChannelGateContext*>(c))
            return OpenBlock{fmt::format("GATE '{}'", x->ident() ? x->ident()->getText() : "?"), x->getStart()};
        if (auto* x = dynamic_cast<P::ChannelItemBlockContext*>(c))
            return OpenBlock{fmt::format("CHANNEL '{}'", x->ident() ? x->ident()->getText() : "?"), x->getStart()};
        if (auto* x = dynamic_cast<P::PoolItemBlockContext*>(c))
            return OpenBlock{fmt::format("POOL '{}'", x->ident() ? x->ident()->getText() : "?"), x->getStart()};
        if (auto* x = dynamic_cast<P::CompartmentStmtContext*>(c)) return OpenBlock{"the COMPARTMENT list", x->getStart()};
    }
    return std::nullopt;
}

bool inside_condition(antlr4::ParserRuleContext* ctx) {
    for (auto* c = ctx; c; c = dynamic_cast<antlr4::ParserRuleContext*>(c->parent)) {
        if (dynamic_cast<P::StmtBlockContext*>(c)) return false;
        if (dynamic_cast<P::IfStmtContext*>(c) || dynamic_cast<P::ElseIfContext*>(c) ||
            dynamic_cast<P::WhileStmtContext*>(c) || dynamic_cast<P::WatchItemContext*>(c))
            return true;
    }
    return false;
}

// NEURON's keywords are upper case; "parameter {" is a common slip.
std::optional<std::string> upper_case_keyword(Token* t) {
    if (!t || t->getType() != P::NAME) return std::nullopt;
    std::string up = t->getText();
    for (char& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    static const char* blocks[] = {"NEURON", "UNITS", "PARAMETER", "CONSTANT", "STATE", "ASSIGNED", "INITIAL",
                                   "BREAKPOINT", "DERIVATIVE", "KINETIC", "FUNCTION", "PROCEDURE",
                                   "NET_RECEIVE", "CHANNEL", "POOL", "INDEPENDENT", "TITLE", "LINEAR", "NONLINEAR",
                                   "LOCAL", "IF", "ELSE", "WHILE", "SOLVE", "TABLE", "FROM", "SUFFIX", "RANGE",
                                   "USEION", "GLOBAL", "GATE", "ION", "GMAX"};
    for (const char* b : blocks)
        if (up == b && t->getText() != b) return std::string(b);
    return std::nullopt;
}

// `c[i]'`: the name of the element a misplaced prime follows (NEURON writes `c'[i]`).
std::optional<std::string> element_before_prime(antlr4::Parser* p, Token* at) {
    if (!at || at->getType() != P::PRIME) return std::nullopt;
    auto* tokens = p->getTokenStream();
    Token* before = tokens->LT(-1);
    if (!before || before->getType() != P::RBRACK) return std::nullopt;
    int depth = 0;
    for (int k = -1; k >= -64; --k) {
        Token* t = tokens->LT(k);
        if (!t) return std::nullopt;
        if (t->getType() == P::RBRACK) ++depth;
        if (t->getType() == P::LBRACK && --depth == 0) {
            Token* name = tokens->LT(k - 1);
            if (name && name->getType() == P::NAME) return name->getText();
            return std::nullopt;
        }
    }
    return std::nullopt;
}

} // namespace

void SyntaxErrorStrategy::emit(Token* at, std::string message) {
    if (++count_ > kMaxSyntaxErrors) {
        diags_.error(token_range(at, file_), "too many syntax errors; stopping here");
        throw antlr4::ParseCancellationException("too many syntax errors");
    }
    diags_.error(token_range(at, file_), std::move(message));
}

void SyntaxErrorStrategy::report(antlr4::Parser* p, Token* at, const antlr4::misc::IntervalSet& expected,
                                 bool extraneous) {
    auto* ctx = p->getContext();
    std::string found = describe(at);
    bool at_end = !at || at->getType() == Token::EOF;
    // A block keyword or the end of the file inside a block: the block's '}' is missing.
    if ((at_end || is_block_keyword(at->getType())) && expected.contains(static_cast<ssize_t>(P::RBRACE))) {
        if (auto open = innermost_open_block(ctx)) {
            auto where = token_range(open->opened_at, file_).begin;
            emit(at, fmt::format("expected '}}' to close {} opened at {}:{}{}", open->what, where.line, where.column,
                                 at_end ? "" : fmt::format(" (found {})", found)));
            return;
        }
    }
    if (auto kw = upper_case_keyword(at)) {
        emit(at, fmt::format("unexpected {}: keywords are upper case; did you mean '{}'?", found, *kw));
        return;
    }
    if (auto name = element_before_prime(p, at)) {
        emit(at, fmt::format("the derivative of an array element is written with the prime after "
                             "the name, {}'[...], as in NEURON",
                             *name));
        return;
    }
    if (at && at->getType() == P::ASSIGN && inside_condition(ctx)) {
        emit(at, "'=' assigns a value; to compare in a condition use '=='");
        return;
    }
    std::string want = describe_expected(expected, p->getVocabulary());
    if (extraneous) {
        std::string where;
        if (auto open = innermost_open_block(ctx)) where = " in " + open->what;
        emit(at, fmt::format("unexpected {}{}; expected {}", found, where, want));
        return;
    }
    emit(at, fmt::format("expected {} but found {}", want, found));
}

void SyntaxErrorStrategy::reportNoViableAlternative(antlr4::Parser* p, const antlr4::NoViableAltException& e) {
    report(p, e.getOffendingToken(), e.getExpectedTokens(), false);
}

void SyntaxErrorStrategy::reportInputMismatch(antlr4::Parser* p, const antlr4::InputMismatchException& e) {
    report(p, e.getOffendingToken(), e.getExpectedTokens(), false);
}

void SyntaxErrorStrategy::reportFailedPredicate(antlr4::Parser* p, const antlr4::FailedPredicateException& e) {
    report(p, e.getOffendingToken(), e.getExpectedTokens(), false);
}

void SyntaxErrorStrategy::reportUnwantedToken(antlr4::Parser* p) {
    if (inErrorRecoveryMode(p)) return;
    beginErrorCondition(p);
    report(p, p->getCurrentToken(), getExpectedTokens(p), true);
}

void SyntaxErrorStrategy::reportMissingToken(antlr4::Parser* p) {
    if (inErrorRecoveryMode(p)) return;
    beginErrorCondition(p);
    report(p, p->getCurrentToken(), getExpectedTokens(p), false);
}

} // namespace mech::frontend
