: Binding A + B <-> AB (non-linear mass action), a COMPARTMENT and a source flux.
NEURON {
    SUFFIX binding
    RANGE kon, koff, influx
}
PARAMETER {
    kon = 2 (/mM-ms)
    koff = 0.5 (/ms)
    influx = 0.01 (mM/ms)
    vol = 2
}
STATE { A (mM) B (mM) AB (mM) }
INITIAL {
    A = 1
    B = 0.5
    AB = 0
}
BREAKPOINT { SOLVE kin METHOD sparse }
KINETIC kin {
    COMPARTMENT vol { A B AB }
    ~ A + B <-> AB (kon, koff)
    ~ A << (influx)
}
