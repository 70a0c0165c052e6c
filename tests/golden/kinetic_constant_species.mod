: A species that is not a STATE is a constant of its reaction, as in NEURON's release.mod
: (~ GenVes <-> Ves (kt, kt) with GenVes a PARAMETER).
NEURON {
    SUFFIX constspecies
    RANGE GenVes, kt
}
PARAMETER {
    GenVes = 5 (mM)
    kt = 0.2 (/ms)
    kb = 0.1 (/ms)
}
STATE { Ves (mM) B (mM) }
INITIAL { Ves = GenVes }
BREAKPOINT { SOLVE release METHOD sparse }
KINETIC release {
    ~ GenVes <-> Ves (kt, kt)
    ~ Ves <-> B (kt, kb)
}
