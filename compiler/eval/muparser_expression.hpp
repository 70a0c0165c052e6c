// Run-time user expressions through muParser: an independent check of IR arithmetic in tests,
// and the way user-written expression strings are evaluated per instance.
#pragma once

#include <map>
#include <string>

namespace mech::eval {

/// Evaluates `expression` (muParser syntax: + - * / ^, exp, log, sqrt, ...) with the given
/// named variables. Throws std::invalid_argument with muParser's message on a bad expression.
double evaluate_expression(const std::string& expression,
                           const std::map<std::string, double>& variables);

} // namespace mech::eval
