// Fills in the conductance dI/dv of every current accumulated by compute_currents.
#pragma once

#include "diag/diagnostic_engine.hpp"
#include "ir/mechanism.hpp"

namespace mech::passes {

enum class ConductanceMethod {
    Symbolic,         ///< exact dI/dv by symbolic differentiation (falls back when impossible)
    FiniteDifference, ///< NEURON's (i(v + 0.001) - i(v))/0.001, always
};

/// Before:  %gna = gnabar*m^3*h;  current ion na i = %gna*(v - ion.na.e)
/// After:   ... current ion na i = %gna*(v - ion.na.e), g = %gna
/// Symbolic differentiation runs forward through the kernel's straight-line statements
/// (d%local/dv is tracked for every local and field assigned). When the kernel has IF/WHILE
/// around the currents or a current has no symbolic derivative (fmod), the whole kernel falls
/// back to NEURON's finite difference: the body is run first at v + 0.001 into renamed locals
/// (its field stores are then overwritten by the run at v, as in NEURON) and
/// g = (i(v + 0.001) - i(v))/0.001. With `verbose` a note says which method was used.
void differentiate(ir::Mechanism& mechanism, ConductanceMethod method, bool verbose,
                   diag::DiagnosticEngine& diags);

} // namespace mech::passes
