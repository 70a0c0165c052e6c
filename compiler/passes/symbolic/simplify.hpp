// Algebraic simplification of IR expressions for the symbolic algebra (derivatives, coefficients).
#pragma once

#include "ir/expr.hpp"

namespace mech::passes::symbolic {

/// How far simplification may go.
///  Exact:     only rewrites that give bit-identical results for every input, including NaN and
///             infinities: constant subtrees, x*1, 1*x, x/1, x-0, --x, pow(x, 1).
///  Algebraic: also x*0 -> 0, 0*x -> 0, 0/x -> 0, x+0 -> x, 0-x -> -x, x - x -> 0,
///             pow(x, 0) -> 1; used on expressions we derive ourselves (derivatives,
///             coefficients), where NaN propagation through a zero term is not wanted.
enum class Level { Exact, Algebraic };

ir::ExprPtr simplify(const ir::ExprPtr& e, Level level = Level::Algebraic);

/// The constant value of `e` if it is a literal.
bool is_constant(const ir::ExprPtr& e, double value);
const double* constant_value(const ir::ExprPtr& e);

} // namespace mech::passes::symbolic
