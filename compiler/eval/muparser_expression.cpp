// evaluate_expression: a thin wrapper over muParser with copies of the variables.
#include "eval/muparser_expression.hpp"

#include <muParser.h>

#include <stdexcept>
#include <vector>

namespace mech::eval {

double evaluate_expression(const std::string& expression,
                           const std::map<std::string, double>& variables) {
    try {
        mu::Parser parser;
        // muParser binds variables by address: keep the values alive for the evaluation.
        std::vector<double> values;
        values.reserve(variables.size());
        for (const auto& [name, value] : variables) {
            values.push_back(value);
            parser.DefineVar(name, &values.back());
        }
        parser.SetExpr(expression);
        return parser.Eval();
    } catch (const mu::Parser::exception_type& e) {
        throw std::invalid_argument("in expression '" + expression + "': " + e.GetMsg());
    }
}

} // namespace mech::eval
