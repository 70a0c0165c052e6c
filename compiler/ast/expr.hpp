// Expression nodes of the AST: what the user wrote, with a source range on every node.
#pragma once

#include "diag/source_location.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace mech::ast {

using diag::SourceRange;

// A name as written, with where it was written.
struct Ident {
    std::string name;
    SourceRange range;
};

// A unit annotation as written between parentheses, e.g. "mV", "/ms", "S/cm2", "1"
// (outer whitespace trimmed, inner runs of whitespace collapsed to one space).
// Sema parses it; the AST never interprets it.
struct UnitText {
    std::string text;
    SourceRange range; // covers the parentheses
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// 0.1, .12, 1e-3, and with units: 0.1 (/ms).
struct NumberExpr {
    double value = 0;
    std::string text; // as written, e.g. ".12"
    std::optional<UnitText> unit;
};

// v, m' (primes = 1), ca[i] (index set), also the special variables t, dt, celsius, area, diam.
struct NameExpr {
    std::string name;
    int primes = 0;
    ExprPtr index;
};

// "text" (only as an argument, e.g. printf("...")); value has the quotes removed.
struct StringExpr {
    std::string value;
};

enum class UnaryOp { Neg, Not, Plus };

struct UnaryExpr {
    UnaryOp op = UnaryOp::Neg;
    ExprPtr operand;
};

enum class BinaryOp { Add, Sub, Mul, Div, Pow, Lt, Le, Gt, Ge, Eq, Ne, And, Or };

struct BinaryExpr {
    BinaryOp op = BinaryOp::Add;
    ExprPtr lhs;
    ExprPtr rhs;
};

// f(a, b): built-ins (exp, exprelr, linoid_rate, nernst, ghk, net_send, ...) and user FUNCTIONs.
struct CallExpr {
    Ident callee;
    std::vector<ExprPtr> args;
};

// Stands where the parser recovered from a syntax error; a module with errors is never analysed.
struct ErrorExpr {};

// Every expression kind, listed once.
using ExprNode = std::variant<NumberExpr, NameExpr, StringExpr, UnaryExpr, BinaryExpr, CallExpr, ErrorExpr>;

struct Expr {
    ExprNode node;
    SourceRange range;

    template <class T> bool is() const { return std::holds_alternative<T>(node); }
    template <class T> const T* as() const { return std::get_if<T>(&node); }
    template <class T> T* as() { return std::get_if<T>(&node); }
};

template <class T> ExprPtr make_expr(T node, SourceRange range) {
    return std::make_unique<Expr>(Expr{ExprNode(std::move(node)), range});
}

// Operator spelling as in the source ("+", "&&", "^", "-" for Neg, "!" for Not).
const char* spelling(BinaryOp op);
const char* spelling(UnaryOp op);

// Deep copy (the AST is otherwise move-only).
ExprPtr clone(const Expr& e);

} // namespace mech::ast
