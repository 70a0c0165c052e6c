// Short constructors for IR expressions, used by lowering, passes and tests.
#pragma once

#include "ir/expr.hpp"

namespace mech::ir {

inline ExprPtr num(double value) { return Constant::make(value); }
inline ExprPtr ref(Var var) { return VarRef::make(var); }
inline ExprPtr field(int k) { return VarRef::make(Var::field(k)); }
inline ExprPtr local(int k) { return VarRef::make(Var::local(k)); }
inline ExprPtr voltage() { return VarRef::make(Var::special(VarKind::Voltage)); }
inline ExprPtr dt() { return VarRef::make(Var::special(VarKind::Dt)); }

inline ExprPtr add(ExprPtr a, ExprPtr b) { return Binary::make(BinaryOp::Add, a, b); }
inline ExprPtr sub(ExprPtr a, ExprPtr b) { return Binary::make(BinaryOp::Sub, a, b); }
inline ExprPtr mul(ExprPtr a, ExprPtr b) { return Binary::make(BinaryOp::Mul, a, b); }
inline ExprPtr div(ExprPtr a, ExprPtr b) { return Binary::make(BinaryOp::Div, a, b); }
inline ExprPtr neg(ExprPtr a) { return Unary::make(UnaryOp::Neg, a); }
inline ExprPtr call(Intrinsic fn, ExprPtr a) { return Call::make(fn, {a}); }
inline ExprPtr call(Intrinsic fn, ExprPtr a, ExprPtr b) { return Call::make(fn, {a, b}); }
inline ExprPtr exp(ExprPtr a) { return call(Intrinsic::Exp, a); }
inline ExprPtr pow(ExprPtr a, ExprPtr b) { return call(Intrinsic::Pow, a, b); }
inline ExprPtr compare(BinaryOp op, ExprPtr a, ExprPtr b) { return Binary::make(op, a, b); }
inline ExprPtr select(ExprPtr c, ExprPtr a, ExprPtr b) { return Select::make(c, a, b); }

} // namespace mech::ir
