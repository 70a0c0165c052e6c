: SOLVE scheme STEADYSTATE sparse in INITIAL (NEURON's mcna.mod): one implicit step of
: NEURON's ss_dt = 1e9 ms from the initial values, which keeps the total of the scheme.
NEURON {
    SUFFIX ssk
    RANGE a, b
}
PARAMETER {
    a = 0.3 (/ms)
    b = 0.1 (/ms)
}
STATE { C O }
INITIAL {
    C = 1
    SOLVE scheme STEADYSTATE sparse
}
BREAKPOINT { SOLVE scheme METHOD sparse }
KINETIC scheme {
    ~ C <-> O (a, b)
}
