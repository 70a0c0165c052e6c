: A size names a positive integer constant.
NEURON { SUFFIX t }
PARAMETER { n = 2.5 }
ASSIGNED { c[n] (mM) }
: expect-error: 4:14: the array size 'n' must be a positive integer constant (DEFINE n 4)
: expect-warning: 3:13: PARAMETER 'n' is never used
: expect-warning: 4:12: ASSIGNED 'c' is never used
