: PROTECT guards assignments only.
NEURON { SUFFIX t }
STATE { c (mM) }
BREAKPOINT { SOLVE s METHOD cnexp }
DERIVATIVE s { PROTECT c' = -c/(1 (ms)) }
: expect-error: 5:24: PROTECT guards an assignment, not a derivative equation
