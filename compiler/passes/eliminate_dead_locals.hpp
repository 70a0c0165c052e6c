// Removes assignments to locals that nothing reads.
#pragma once

#include "ir/mechanism.hpp"

namespace mech::passes {

/// Before:  %dm_dv = ...; %x = 1; current membrane i = %i, g = %g     (%dm_dv, %x unread)
/// After:   current membrane i = %i, g = %g
/// Repeats until no assignment is removed (removing one may make another dead).
void eliminate_dead_locals(ir::Mechanism& mechanism);

} // namespace mech::passes
