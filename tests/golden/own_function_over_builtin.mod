: A file's own FUNCTION wins over the built-in of the same name (NEURON's camchan.mod defines
: ghk(v, ci, co) with three arguments; the built-in ghk takes four).
NEURON {
    SUFFIX ownghk
    USEION ca READ cai, cao WRITE ica
    RANGE pcabar
}
UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (mM) = (milli/liter)
}
PARAMETER { pcabar = 2e-4 (cm/s) }
ASSIGNED { v (mV) cai (mM) cao (mM) ica (mA/cm2) }
BREAKPOINT {
    ica = pcabar*ghk(v, cai, cao)
}
UNITSOFF
FUNCTION ghk(v, ci, co) {
    ghk = 2*(ci - co)*v
}
UNITSON
