: SOLVE inside a FUNCTION that BREAKPOINT calls: mech runs such a SOLVE only from INITIAL.
NEURON {
    SUFFIX ssbad
    RANGE kf, kb, result
}
PARAMETER {
    kf = 2 (/ms)
    kb = 1 (/ms)
}
ASSIGNED { result }
STATE { A B }
KINETIC scheme {
    ~ A <-> B (kf, kb)
}
BREAKPOINT {
    SOLVE scheme METHOD sparse
    result = ss()
}
FUNCTION ss() {
    SOLVE scheme STEADYSTATE sparse
    ss = B
}
