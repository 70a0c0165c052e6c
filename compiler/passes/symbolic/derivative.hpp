// Symbolic differentiation of IR expressions, and the analyses built on it (dependence,
// substitution, linearity).
#pragma once

#include "ir/expr.hpp"

#include <map>
#include <optional>

namespace mech::passes::symbolic {

/// Derivatives already known for variables other than x (e.g. d%gna/dv for a local assigned
/// earlier): chain rule through them. Variables absent from the map are independent of x.
using KnownDerivatives = std::map<ir::Var, ir::ExprPtr>;

/// d e / d x, simplified. Rules (u, w functions of x):
///   (u ± w)' = u' ± w'           (u·w)' = u'·w + u·w'        (u/w)' = u'/w − u·w'/w²
///   exp(u)' = exp(u)·u'          log(u)' = u'/u              pow(u, c)' = c·pow(u, c−1)·u'
///   pow(u, w)' = pow(u, w)·(w'·log(u) + w·u'/u)              sqrt(u)' = u'/(2·sqrt(u))
///   exprelr(u)' = (exp(u) − 1 − u·exp(u))/(exp(u) − 1)²·u'  (→ −1/2 at u = 0, via select)
///   min/max → select on the comparison; select(c, a, b)' = select(c, a', b')
///   floor, ceil, comparisons: derivative 0 almost everywhere.
/// Returns nullptr when the expression has no symbolic derivative in our algebra (fmod).
ir::ExprPtr derivative(const ir::ExprPtr& e, const ir::Var& x, const KnownDerivatives& known = {});

/// True when `e` reads `x` (directly; locals are not looked through).
bool depends_on(const ir::ExprPtr& e, const ir::Var& x);
/// True when `e` reads any variable for which `pred` holds.
template <class Pred>
bool depends_on_any(const ir::ExprPtr& e, Pred pred);

/// `e` with every read of `x` replaced by `value`.
ir::ExprPtr substitute(const ir::ExprPtr& e, const ir::Var& x, const ir::ExprPtr& value);

/// e = constant + coefficient·x, with constant and coefficient independent of x.
struct Linear {
    ir::ExprPtr constant;
    ir::ExprPtr coefficient;
};
/// The decomposition when `e` is linear (affine) in x: coefficient = de/dx (must not read x),
/// constant = e with x := 0. std::nullopt otherwise.
std::optional<Linear> linear_in(const ir::ExprPtr& e, const ir::Var& x);

} // namespace mech::passes::symbolic

#include "passes/symbolic/depends_on.inl"
