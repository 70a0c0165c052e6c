COMMENT
TsodyksMarkram_AMPA_NMDA: the SimpleAMPA_NMDA synapse with Tsodyks-Markram
short-term depression (resources R, recovering with tau_rec) and
facilitation (release probability Use, decaying with tau_facil).
Written for mech's reference data from the equations in
shared/reference/README.md sections 5.2 and 5.3.
ENDCOMMENT

NEURON {
    THREADSAFE
    POINT_PROCESS TsodyksMarkram_AMPA_NMDA
    RANGE tau_r_AMPA, tau_d_AMPA, tau_r_NMDA, tau_d_NMDA
    RANGE e, mg, gmax_AMPA, gmax_NMDA
    RANGE g, g_AMPA, g_NMDA, i_AMPA, i_NMDA, mggate
    RANGE factor_AMPA, factor_NMDA
    RANGE tau_rec, tau_facil, U1
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
    tau_rec = 200 (ms)
    tau_facil = 200 (ms)
    U1 = 0.5 (1)
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
    R (1)
    Use (1)
}

INITIAL {
    A_AMPA = 0
    B_AMPA = 0
    A_NMDA = 0
    B_NMDA = 0
    R = 1
    Use = 0
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
    R' = (1 - R)/tau_rec
    Use' = -Use/tau_facil
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
    LOCAL a
    : Facilitation first, then release a fraction Use of the resources left.
    Use = Use + U1*(1 - Use)
    a = Use*R
    R = R - a
    A_AMPA = A_AMPA + a*weight*factor_AMPA
    B_AMPA = B_AMPA + a*weight*factor_AMPA
    A_NMDA = A_NMDA + a*weight*factor_NMDA
    B_NMDA = B_NMDA + a*weight*factor_NMDA
}
