: A LOCAL hiding a RANGE variable.
NEURON { SUFFIX t  RANGE g }
ASSIGNED { g }
INITIAL { LOCAL g  g = 1  g = g + 1 }
: expect-warning: 4:17: LOCAL 'g' shadows the RANGE variable 'g'
: expect-warning: 3:12: ASSIGNED 'g' is never used
