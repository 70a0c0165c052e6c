// Common-subexpression elimination within each block of each kernel.
#pragma once

#include "ir/mechanism.hpp"

namespace mech::passes {

/// Before:  %a = exp(-(v + 65)/18);  %b = 4*exp(-(v + 65)/18)
/// After:   %cse0 = exp(-(v + 65)/18);  %a = %cse0;  %b = 4*%cse0
/// A repeated subexpression (arithmetic, call or select) is computed once into a new local
/// before its first use, provided nothing it reads is written between its first and last
/// use. Values and operation order are unchanged, so results are bit-identical.
void eliminate_common_subexpressions(ir::Mechanism& mechanism);

} // namespace mech::passes
