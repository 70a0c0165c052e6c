// Electrical synapses: a gap-junction conductance between two locations (on one cell or two),
// ohmic or rectifying. See docs/networks.md for how they enter the cable solve.
#pragma once

namespace mech {

// Junctional potential Vj = v_a - v_b (mV, a the first location given). The current leaving
// location a and entering location b is I = g(Vj)*Vj (nA, conductances in uS), where
//  - ohmic (rectifying = false): g(Vj) = g;
//  - rectifying: g(Vj) = g_min + (g - g_min) / (1 + exp(-(Vj - v_half)/slope)), a sigmoid that
//    passes current easily when Vj is well above v_half (slope > 0) or well below it
//    (slope < 0): slope is the steepness in mV, g the fully open and g_min the closed value.
struct GapJunction {
    double g = 0.001; // uS (fully open value when rectifying)
    bool rectifying = false;
    double g_min = 0;  // uS
    double v_half = 0; // mV
    double slope = 1;  // mV, non-zero
};

} // namespace mech
