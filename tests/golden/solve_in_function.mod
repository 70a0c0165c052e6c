: SOLVE ... STEADYSTATE inside a FUNCTION that INITIAL calls (cabpump.mod's ss(), called): the
: call is inlined into INITIAL, so the steady state is solved there as a SOLVE in INITIAL would be.
NEURON {
    SUFFIX ssfun
    RANGE kf, kb, result
}
PARAMETER {
    kf = 2 (/ms)
    kb = 1 (/ms)
}
ASSIGNED { result }
STATE { A B }
INITIAL {
    A = 1
    B = 0
    result = ss()
}
KINETIC scheme {
    ~ A <-> B (kf, kb)
    CONSERVE A + B = 1
}
BREAKPOINT { SOLVE scheme METHOD sparse }
FUNCTION ss() {
    SOLVE scheme STEADYSTATE sparse
    ss = B
}
