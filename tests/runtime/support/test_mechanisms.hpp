// Hand-written C++ mechanisms implementing the mechanism ABI, as NEURON's pas.mod, hh.mod and
// expsyn.mod compute them (used as test fixtures and by the tutorial until the JIT is in use).
#pragma once

#include "mech/catalogue.hpp"

namespace mech::testing {

const mech_mechanism* pas();     // density: g (S/cm2), e (mV); i
const mech_mechanism* hh();      // density: NEURON's hh, exact rate functions (no TABLE)
const mech_mechanism* expsyn();  // point process: tau, e; g; i; NET_RECEIVE(weight)
const mech_mechanism* cadecay(); // density: writes cai: cai' = -k*ica - (cai - cainf)/taur

// A catalogue holding all of the above.
Catalogue catalogue();

} // namespace mech::testing
