: Reads and writes of ion quantities: the reversal is computed from concentrations.
NEURON {
    SUFFIX cadyn
    USEION ca READ cai, cao WRITE eca VALENCE 2
    RANGE shift
}
PARAMETER { shift = 0 (mV) }
ASSIGNED {
    cai (mM)
    cao (mM)
    eca (mV)
    celsius (degC)
}
INITIAL { eca = nernst(cai, cao, 2) + shift }
BREAKPOINT { eca = nernst(cai, cao, 2) + shift }
