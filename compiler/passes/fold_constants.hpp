// Folds literal arithmetic and exact identities in every kernel.
#pragma once

#include "ir/mechanism.hpp"

namespace mech::passes {

/// Before:  %q10 = pow(3, (6.3 - 6.3)/10);  %x = %q10*1*(v + 0)
/// After:   %q10 = 1;                       %x = %q10*(v + 0)
/// Only rewrites that give bit-identical results for every input (symbolic::Level::Exact):
/// literal subtrees, x*1, x/1, x-0, --x, pow(x, 1). `v + 0` stays (-0 + 0 is +0).
/// Locals assigned a literal exactly once are propagated into their uses.
void fold_constants(ir::Mechanism& mechanism);

} // namespace mech::passes
