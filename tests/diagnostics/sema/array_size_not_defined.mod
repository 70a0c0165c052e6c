: An array size must be a number or a DEFINE'd name.
NEURON { SUFFIX t }
STATE { c[NSHELLS] (mM) }
: expect-error: 3:11: unknown array size 'NSHELLS': an array size is a number or a DEFINE'd name
: expect-warning: 3:9: STATE 'c' is never given a derivative or reaction
