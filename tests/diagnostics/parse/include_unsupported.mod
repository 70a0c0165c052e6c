: INCLUDE is not supported.
NEURON { SUFFIX t }
INCLUDE "other.inc"
: expect-error: 3:1: INCLUDE is not supported by mech; put the included declarations in this file
