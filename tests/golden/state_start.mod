: NEURON starts every STATE s at s0 before INITIAL runs: a PARAMETER named s0 (cabpump.mod's
: pump0) sets where s starts, and INITIAL may still change it (y). No "never used" warning.
NEURON {
    SUFFIX start
    RANGE x0, k
    GLOBAL y0
}
PARAMETER {
    x0 = 0.25
    y0 = 2
    k = 1 (/ms)
}
STATE { x y }
INITIAL {
    y = y*3
}
BREAKPOINT { SOLVE states METHOD cnexp }
DERIVATIVE states {
    x' = -k*x
    y' = -k*y
}
