: A two-state kinetic scheme with a conservation law.
NEURON {
    SUFFIX twostate
    RANGE kf, kb
}
PARAMETER {
    kf = 0.3 (/ms)
    kb = 0.1 (/ms)
}
STATE { C O }
INITIAL {
    C = 1
    O = 0
}
BREAKPOINT { SOLVE kin METHOD sparse }
KINETIC kin {
    ~ C <-> O (kf, kb)
    CONSERVE C + O = 1
}
