// Hand-written C++ mechanisms implementing the mechanism ABI, computing exactly what NEURON's
// pas, hh, ExpSyn and Exp2Syn compute (test fixtures; the tutorial uses them until the JIT does).
#pragma once

#include "mech/catalogue.hpp"

namespace mech::testing {

const mech_mechanism* pas();     // density: g (S/cm2), e (mV); i
const mech_mechanism* hh();      // density: NEURON's hh, exact rate functions (no TABLE)
const mech_mechanism* expsyn();  // point process: tau, e; g; i; NET_RECEIVE(weight)
const mech_mechanism* exp2syn(); // point process: tau1, tau2, e; A, B; g, i; NET_RECEIVE(weight)
const mech_mechanism* regular_stim(); // artificial cell: start, interval, number (NetStim, noise 0)
const mech_mechanism* cadecay();      // density: writes cai: cai' = -k*ica - (cai - cainf)/taur

// A catalogue holding all of the above.
Catalogue catalogue();

} // namespace mech::testing
