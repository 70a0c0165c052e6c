// Lowering: the checked AST of one mechanism file into IR kernels.
#pragma once

#include "ast/module.hpp"
#include "diag/diagnostic_engine.hpp"
#include "ir/mechanism.hpp"
#include "sema/analysis.hpp"

namespace mech::ir {

/// Builds the IR of `module` (which sema analysed without errors into `analysis`).
///  - Layout: RANGE parameters, then states (declared, CHANNEL gates, POOL species), then
///    assigned (RANGE assigned, currents, and every GLOBAL a kernel assigns: such globals, like
///    hh.mod's minf/mtau, become per-instance assigned fields, which is what NEURON's
///    THREADSAFE promises and keeps values consistent between kernels). Other PARAMETER/GLOBALs
///    are globals. CONSTANTs become literals.
///  - FUNCTION/PROCEDURE calls are inlined (recursion is a located error); their LOCALs and
///    arguments become fresh kernel locals per call.
///  - INITIAL (+ steady state of gates, pool concentrations from the ion) -> init;
///    BREAKPOINT without its SOLVEs (+ CHANNEL currents) -> compute_currents; the SOLVEd blocks
///    (+ gate and pool ODEs under cnexp) -> advance_state as ir::Solve; NET_RECEIVE (and its
///    INITIAL) -> net_receive (net_receive_init).
///  - Currents: every nonspecific/electrode current and every written ion current is
///    accumulated at the end of compute_currents (ion currents into the ion and the membrane).
Mechanism lower(const ast::Module& module, const sema::Analysis& analysis,
                diag::DiagnosticEngine& diags);

} // namespace mech::ir
