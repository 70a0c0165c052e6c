: In .mod files unit problems are warnings.
NEURON { SUFFIX t  RANGE x }
PARAMETER { tau = 2 (ms) }
ASSIGNED { x (mV) }
INITIAL { x = tau }
: expect-warning: 5:15: assigning 'ms' (time) to 'mV' (voltage)
