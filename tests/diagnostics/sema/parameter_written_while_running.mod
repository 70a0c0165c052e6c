: NEURON allows it, but a PARAMETER changed in BREAKPOINT is a warning.
NEURON { SUFFIX t  RANGE g, x }
PARAMETER { g = 1 }
ASSIGNED { x }
BREAKPOINT { g = 2  x = g }
: expect-warning: 5:14: assigning to PARAMETER 'g' outside INITIAL: NEURON allows it, but the parameter then changes while the simulation runs; use an ASSIGNED variable
