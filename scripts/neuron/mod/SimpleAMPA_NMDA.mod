COMMENT
SimpleAMPA_NMDA: point-process synapse with an AMPA and an NMDA receptor,
each a double exponential normalised so that one event of weight w peaks at
gmax*w; the NMDA part is scaled by a Jahr & Stevens (1990) Mg block.
Written for mech's reference data from the equations in
shared/reference/README.md section 5.2 (no plasticity).
ENDCOMMENT

NEURON {
    THREADSAFE
    POINT_PROCESS SimpleAMPA_NMDA
    RANGE tau_r_AMPA, tau_d_AMPA, tau_r_NMDA, tau_d_NMDA
    RANGE e, mg, gmax_AMPA, gmax_NMDA
    RANGE g, g_AMPA, g_NMDA, i_AMPA, i_NMDA, mggate
    RANGE factor_AMPA, factor_NMDA
    NONSPECIFIC_CURRENT i
}

UNITS {
    (nA) = (nanoamp)
    (mV) = (millivolt)
    (uS) = (microsiemens)
    (mM) = (milli/liter)
}

PARAMETER {
    tau_r_AMPA = 0.2 (ms)
    tau_d_AMPA = 1.7 (ms)
    tau_r_NMDA = 0.29 (ms)
    tau_d_NMDA = 43 (ms)
    e = 0 (mV)
    mg = 1 (mM)
    gmax_AMPA = 0.001 (uS)
    gmax_NMDA = 0.001 (uS)
}

ASSIGNED {
    v (mV)
    i (nA)
    i_AMPA (nA)
    i_NMDA (nA)
    g (uS)
    g_AMPA (uS)
    g_NMDA (uS)
    mggate (1)
    factor_AMPA (1)
    factor_NMDA (1)
}

STATE {
    A_AMPA (1)
    B_AMPA (1)
    A_NMDA (1)
    B_NMDA (1)
}

INITIAL {
    A_AMPA = 0
    B_AMPA = 0
    A_NMDA = 0
    B_NMDA = 0
    factor_AMPA = peak_factor(tau_r_AMPA, tau_d_AMPA)
    factor_NMDA = peak_factor(tau_r_NMDA, tau_d_NMDA)
}

BREAKPOINT {
    SOLVE decay METHOD cnexp
    mggate = mg_block(v)
    g_AMPA = gmax_AMPA*(B_AMPA - A_AMPA)
    g_NMDA = gmax_NMDA*(B_NMDA - A_NMDA)*mggate
    g = g_AMPA + g_NMDA
    i_AMPA = g_AMPA*(v - e)
    i_NMDA = g_NMDA*(v - e)
    i = i_AMPA + i_NMDA
}

DERIVATIVE decay {
    A_AMPA' = -A_AMPA/tau_r_AMPA
    B_AMPA' = -B_AMPA/tau_d_AMPA
    A_NMDA' = -A_NMDA/tau_r_NMDA
    B_NMDA' = -B_NMDA/tau_d_NMDA
}

: 1/(difference of exponentials at its peak time), so one unit event peaks at 1.
FUNCTION peak_factor(tau_r (ms), tau_d (ms)) (1) {
    LOCAL tp
    tp = (tau_r*tau_d)/(tau_d - tau_r)*log(tau_d/tau_r)
    peak_factor = 1/(-exp(-tp/tau_r) + exp(-tp/tau_d))
}

: Fraction of NMDA channels not blocked by Mg at voltage vm.
FUNCTION mg_block(vm (mV)) (1) {
    mg_block = 1/(1 + exp(0.062 (/mV)*-vm)*(mg/3.57 (mM)))
}

NET_RECEIVE (weight) {
    A_AMPA = A_AMPA + weight*factor_AMPA
    B_AMPA = B_AMPA + weight*factor_AMPA
    A_NMDA = A_NMDA + weight*factor_NMDA
    B_NMDA = B_NMDA + weight*factor_NMDA
}
