// Internal to the front end: turns ANTLR's recognition errors into located diagnostics worded
// for modellers ("expected '}' to close the PARAMETER block opened at 3:1"), never ANTLR's text.
#pragma once

#include "diag/diagnostic_engine.hpp"

#include <antlr4-runtime.h>

namespace mech::frontend {

class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
    SyntaxErrorStrategy(diag::FileId file, diag::DiagnosticEngine& diags) : file_(file), diags_(diags) {}

protected:
    void reportNoViableAlternative(antlr4::Parser* p, const antlr4::NoViableAltException& e) override;
    void reportInputMismatch(antlr4::Parser* p, const antlr4::InputMismatchException& e) override;
    void reportFailedPredicate(antlr4::Parser* p, const antlr4::FailedPredicateException& e) override;
    void reportUnwantedToken(antlr4::Parser* p) override;
    void reportMissingToken(antlr4::Parser* p) override;

private:
    void report(antlr4::Parser* p, antlr4::Token* at, const antlr4::misc::IntervalSet& expected, bool extraneous);
    void emit(antlr4::Token* at, std::string message);

    diag::FileId file_;
    diag::DiagnosticEngine& diags_;
    int count_ = 0;
};

// Past this many syntax errors the parser stops (the input is probably not a mechanism file).
inline constexpr int kMaxSyntaxErrors = 50;

} // namespace mech::frontend
