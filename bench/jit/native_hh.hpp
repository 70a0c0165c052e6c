// The hh current and state kernels hand-written in C++ (the maths of the JIT's hh), compiled
// with -O3 -march=native -ffast-math: the bar the JIT'd kernels are measured against.
#pragma once

#include <mech/mechanism_abi.h>

namespace mech::bench {

void native_hh_currents(mech_instance_data* data);
void native_hh_state(mech_instance_data* data);

} // namespace mech::bench
