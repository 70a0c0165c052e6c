: hoist_invariants: q10 (celsius only), the factor of dt and the per-call exp of a fixed rate
: move before the instance loop; a local assigned twice, one read before its assignment and a
: global the kernel stores stay per instance.
NEURON { SUFFIX hoist GLOBAL gscale RANGE tau, y }
PARAMETER {
    tau = 2 (ms)
    gscale = 1
}
STATE { x z }
ASSIGNED { v (mV) y celsius (degC) }
BREAKPOINT {
    SOLVE states METHOD cnexp
}
DERIVATIVE states {
    LOCAL q10, twice
    q10 = 3^((celsius - 6.3)/10)
    twice = 1
    twice = twice + celsius
    x' = (1 - x) * q10 * twice / (tau * (1 + celsius / 10))
    z' = -z / 5
}
INITIAL {
    LOCAL early
    y = early
    early = celsius * 2
    x = gscale * 2 + early
    gscale = gscale + 1
}
