// Quotients with their common factors divided out, so a solver never forms f/f (NaN at f = 0).
#pragma once

#include "ir/expr.hpp"

#include <map>

namespace mech::passes::symbolic {

/// Values a variable is known to hold where the quotient is evaluated (a local or assigned field
/// written earlier in the same block); products and sums are looked through them so that
/// alpha = q10*a0, beta = q10*b0 expose their common q10.
using KnownValues = std::map<ir::Var, ir::ExprPtr>;

/// numerator/denominator with the factors they share divided out, or nullptr when no
/// non-constant factor is shared. Both are read as signed products of factors (a factor of a sum
/// being one all its terms share):
///   (f·g)/f -> g,  (f·g)/(f·h) -> g/h,  (−f·g)/(−f) -> g,  (f·g)/(−f·a − f·b) -> −g/(a + b).
/// Factors match by structural equality (ir::equal); no other algebra is attempted.
ir::ExprPtr cancel_common_factors(const ir::ExprPtr& numerator, const ir::ExprPtr& denominator,
                                  const KnownValues& known = {});

} // namespace mech::passes::symbolic
