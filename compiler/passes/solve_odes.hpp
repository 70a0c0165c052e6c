// Turns every SOLVE block (DERIVATIVE or KINETIC with its METHOD) into plain state updates.
#pragma once

#include "diag/diagnostic_engine.hpp"
#include "ir/mechanism.hpp"

namespace mech::passes {

/// Replaces each ir::Solve by explicit updates of its states.
///   solve states cnexp { m' = (minf - m)/mtau }
/// becomes (x' = a + c·x, c = -1/mtau, a = minf/mtau; exact for linear ODEs):
///   m = m + (1 - exp(dt*(-1/mtau)))*(-(minf/mtau)/(-1/mtau) - m)        (c = 0: m = m + a*dt)
/// with factors a and c share divided out of -a/c:  x' = k*(1 - x)  ->  x + (1 - exp(dt*-k))*(1 - x).
/// euler:         D_x = f(x) for every state first, then x = x + dt*D_x.
/// derivimplicit, sparse: one backward-Euler step x - x_old - dt*f(x) = 0, solved by Newton
///   iteration with the symbolic Jacobian and an unrolled dense elimination (50 iterations
///   at most, converged when max |Δx/x| < 1e-6, as NEURON's solvers); a linear system takes
///   exactly one iteration. CONSERVE replaces the last listed state's equation.
/// A method that cannot be honoured (non-linear ODE under cnexp) is a located error.
void solve_odes(ir::Mechanism& mechanism, diag::DiagnosticEngine& diags);

} // namespace mech::passes
