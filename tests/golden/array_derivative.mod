: Derivatives of array elements, written as NEURON writes them (c'[i]), inside a FROM loop: a
: chain of first-order transfers, each element solved by cnexp with its neighbour as a constant.
NEURON {
    SUFFIX arrd
    RANGE k
}
DEFINE N 3
PARAMETER { k = 0.2 (/ms) }
STATE { c[N] (mM) }
INITIAL {
    FROM i = 0 TO N - 1 {
        c[i] = 0 (mM)
    }
    c[0] = 1 (mM)
}
BREAKPOINT { SOLVE states METHOD cnexp }
DERIVATIVE states {
    c'[0] = -k * c[0]
    FROM i = 1 TO N - 1 {
        c'[i] = k * c[i - 1] - k * c[i]
    }
}
