// Backward-Euler Newton solver used by solve_odes for derivimplicit and sparse (internal).
#pragma once

#include "diag/diagnostic_engine.hpp"
#include "ir/mechanism.hpp"

#include <optional>
#include <set>

namespace mech::passes::detail {

/// The statements replacing one derivimplicit/sparse Solve, or std::nullopt after an error.
std::optional<ir::Block> solve_implicit(const ir::Solve& solve, ir::Kernel& kernel,
                                        const ir::Mechanism& mechanism,
                                        diag::DiagnosticEngine& diags);

/// Local definitions of a straight-line block, expanded so that each Derivative's right-hand
/// side reads states directly (used for linearity tests and Jacobians).
struct ExpandedSystem {
    std::vector<int> states;             ///< field index per equation, in order of appearance
    std::vector<ir::ExprPtr> rhs;        ///< as written (reading locals)
    std::vector<ir::ExprPtr> expanded;   ///< locals substituted
    std::vector<const ir::Conserve*> conserve;
    ir::Block other;                     ///< the block's statements other than Derivative/Conserve
    bool straight_line = true;           ///< false when the block has If/While
    std::set<int> state_dependent_locals; ///< locals whose value reads a STATE
    std::set<int> opaque_locals; ///< locals assigned inside If/While: never substituted
};
ExpandedSystem expand_system(const ir::Block& body, const ir::Mechanism& mechanism);

} // namespace mech::passes::detail
