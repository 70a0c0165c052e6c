// Mechanisms written directly in IR (solved form, as the passes would leave them), so that the
// backend can be tested before and independently of the parser and lowering.
#pragma once

#include "ir/mechanism.hpp"

namespace mech::testing {

// pas: i = g*(v - e) as a NONSPECIFIC current (fields g, e, i).
ir::Mechanism make_pas();
// Hodgkin–Huxley with linoid/exp/sigmoid rates, q10, cnexp updates, na/k ions and a leak.
ir::Mechanism make_hh();
// ExpSyn: point process, g decays with tau, NET_RECEIVE adds the weight; i = g*(v - e).
ir::Mechanism make_expsyn();
// A calcium pool (density) writing cai, with a conditional and a while loop; exercises
// ion stores, If/While and several built-ins.
ir::Mechanism make_cadecay();

} // namespace mech::testing
