: cnexp on x' = rate·(target − x) written three ways: the rate k is a factor of both the constant
: term and the coefficient, and must be divided out of x∞ (k/k is NaN when k = 0 at run time).
NEURON {
    SUFFIX sharedrate
    RANGE k, c
}
PARAMETER {
    k = 0.5 (/ms)
    c = 0.25
}
STATE { x y z w }
INITIAL {
    x = 0
    y = 0
    z = 0
    w = 0
}
BREAKPOINT { SOLVE states METHOD cnexp }
DERIVATIVE states {
    x' = k*(1 - x)
    y' = k*(c - y)
    z' = -k*(z - c)
    : a negated product of several factors over one of them: rate 2·k, target 1
    w' = -(2*k*c)*(w - 1)/c
}
