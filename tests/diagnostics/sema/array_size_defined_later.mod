: NMODL reads DEFINEs in order.
NEURON { SUFFIX t }
STATE { c[N] (mM) }
DEFINE N 4
: expect-error: 3:11: the array size 'N' is DEFINEd after its use; move the DEFINE up
: expect-warning: 3:9: STATE 'c' is never given a derivative or reaction
