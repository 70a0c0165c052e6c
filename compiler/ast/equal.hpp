// Structural equality of ASTs, ignoring source locations (used by the print/parse round trip).
#pragma once

#include "ast/module.hpp"

namespace mech::ast {

bool equal(const Expr& a, const Expr& b);
bool equal(const Stmt& a, const Stmt& b);
bool equal(const Block& a, const Block& b);
bool equal(const Module& a, const Module& b); // file name and dialect are not compared

} // namespace mech::ast
