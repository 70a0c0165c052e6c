// IR expressions: small immutable nodes shared by pointer; every kind is listed once in Expr::Node.
#pragma once

#include "ir/intrinsic.hpp"
#include "ir/var.hpp"

#include <memory>
#include <variant>
#include <vector>

namespace mech::ir {

class Expr;
/// Expressions are immutable and shared: a mutator rebuilds only the path that changed.
using ExprPtr = std::shared_ptr<const Expr>;

/// Every value is a double; conditions (comparisons, &&, ||, !) are bool.
enum class Type : std::uint8_t { Double, Bool };

enum class UnaryOp : std::uint8_t { Neg, Not };
enum class BinaryOp : std::uint8_t { Add, Sub, Mul, Div, Lt, Le, Gt, Ge, Eq, Ne, And, Or };

/// A double literal (already converted to the mechanism's units by lowering).
struct Constant {
    double value;
    static ExprPtr make(double value);
};

/// Reads one storage place (see Var).
struct VarRef {
    Var var;
    static ExprPtr make(Var var);
};

/// -x (double) or !c (bool).
struct Unary {
    UnaryOp op;
    ExprPtr operand;
    static ExprPtr make(UnaryOp op, ExprPtr operand);
};

/// Arithmetic (double, double -> double), comparison (double, double -> bool) or
/// logic (bool, bool -> bool; && and || evaluate both sides: they have no side effects).
struct Binary {
    BinaryOp op;
    ExprPtr lhs, rhs;
    static ExprPtr make(BinaryOp op, ExprPtr lhs, ExprPtr rhs);
};

/// A math built-in; `^` in the source is Call(Pow).
struct Call {
    Intrinsic fn;
    std::vector<ExprPtr> args;
    static ExprPtr make(Intrinsic fn, std::vector<ExprPtr> args);
};

/// cond ? if_true : if_false (both arms double); produced by inlining and by passes.
struct Select {
    ExprPtr cond, if_true, if_false;
    static ExprPtr make(ExprPtr cond, ExprPtr if_true, ExprPtr if_false);
};

class Expr {
public:
    /// The one list of expression kinds.
    using Node = std::variant<Constant, VarRef, Unary, Binary, Call, Select>;

    Expr(Node node, Type type) : node_(std::move(node)), type_(type) {}

    const Node& node() const { return node_; }
    Type type() const { return type_; }
    template <class T>
    const T* as() const {
        return std::get_if<T>(&node_);
    }
    template <class T>
    bool is() const {
        return std::holds_alternative<T>(node_);
    }

private:
    Node node_;
    Type type_;
};

bool is_comparison(BinaryOp op);
bool is_logic(BinaryOp op);
/// Structural equality (constants compared bitwise), used by CSE and tests.
bool equal(const ExprPtr& a, const ExprPtr& b);

} // namespace mech::ir
