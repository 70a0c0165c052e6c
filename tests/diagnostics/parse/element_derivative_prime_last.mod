: The derivative of an array element with the prime after the index (NEURON rejects it too).
NEURON { SUFFIX arrd }
DEFINE N 3
PARAMETER { k = 0.2 (/ms) }
STATE { c[N] (mM) }
BREAKPOINT { SOLVE states METHOD cnexp }
DERIVATIVE states {
    FROM i = 0 TO N - 1 {
        c[i + 1 - 1]' = -k * c[i]
    }
}
: expect-error: 9:21: the derivative of an array element is written with the prime after the name, c'[...], as in NEURON
