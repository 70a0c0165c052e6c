: An absolute tolerance is a positive number.
NEURON { SUFFIX t }
STATE { c (mM) <0> }
BREAKPOINT { SOLVE s METHOD cnexp }
DERIVATIVE s { c' = -c/(1 (ms)) }
: expect-error: 3:17: an absolute tolerance must be a positive number, e.g. <1e-6>
