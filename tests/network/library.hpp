// The mechanism library (hh, pas, ExpSyn, Exp2Syn, IClamp, IntFire1, LIF) JIT-compiled once for all
// network tests, and the one-compartment cells they are built from.
#pragma once

#include <mech/mech.hpp>

namespace mech::network_test {

// Compiled on first use; fails the calling test (and throws) if the library does not compile.
const Catalogue& library();

// Soma L = diam = 20 um with hh at its defaults, an ExpSyn (tau 2 ms, e 0 mV) "syn" at its
// centre, location "soma", spike source "cell<gid>" (10 mV at soma(0.5)).
CellPorts hh_cell(Model& model, int gid);
// The same geometry with pas (g 0.001 S/cm2, e -65 mV) instead of hh.
CellPorts passive_cell(Model& model, int gid);

} // namespace mech::network_test
