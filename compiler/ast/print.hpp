// Prints the AST back as readable canonical source (mechc --emit=ast).
// Parsing the printed text gives an AST equal (ast::equal) to the one printed.
#pragma once

#include "ast/module.hpp"

#include <string>

namespace mech::ast {

std::string print(const Module& m);
std::string print(const Block& b);
std::string print(const Stmt& s, int indent = 0);
std::string print(const Expr& e);

} // namespace mech::ast
