: Arrays of constant size (cabpump.mod's pattern): STATE, ASSIGNED and module-level LOCAL arrays
: sized by a DEFINE, FROM loops unrolled to constant indices, reactions and an indexed
: COMPARTMENT over elements, and f_flux/b_flux of the reaction before them.
NEURON {
    SUFFIX arrdif
    RANGE D, flux_seen
}
DEFINE N 3
PARAMETER {
    D = 0.5 (/ms)
    k = 0.2 (/ms)
}
ASSIGNED {
    vol[N] (1)
    flux_seen (/ms)
}
STATE { c[N] (mM) }
LOCAL w[N]
INITIAL {
    LOCAL s
    s = 0
    FROM i = 0 TO N - 1 {
        vol[i] = i + 1
        w[i] = 2 * (i + 1)
        c[i] = 0
        s = s + vol[i]
    }
    c[0] = s
}
BREAKPOINT { SOLVE scheme METHOD sparse }
KINETIC scheme {
    COMPARTMENT i, vol[i] {c}
    FROM i = 0 TO N - 2 {
        ~ c[i] <-> c[i+1] (D * w[i], D * w[i])
    }
    ~ c[N-1] << (-k * c[N-1])
    flux_seen = f_flux - b_flux
}
