// Moves work that is the same for every instance (it reads only constants, t, dt, celsius and
// globals) to the front of each kernel, where codegen computes it once per call.
#pragma once

#include "ir/mechanism.hpp"

namespace mech::passes {

/// Before:  %v = v; %q10 = pow(3, (celsius - 6.3) / 10); mtau = 1 / (%q10 * %sum)
///          m = m + (1 - exp(-dt / mtau)) * (minf - m)
/// After:   %q10 = pow(3, (celsius - 6.3) / 10); %inv0 = -dt; %v = v; mtau = ...
///          m = m + (1 - exp(%inv0 / mtau)) * (minf - m)
/// A top-level assignment moves when its local is assigned nowhere else and read nowhere before
/// it; an instance-invariant operation inside any other expression becomes a new local at the
/// front. The operations are unchanged, so results are bit-identical. Codegen emits the leading
/// invariant assignments (codegen::invariant_prefix) before the instance loop.
void hoist_invariants(ir::Mechanism& mechanism);

} // namespace mech::passes
