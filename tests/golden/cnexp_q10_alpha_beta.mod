: Gates in alpha/beta form whose rates share a temperature factor q10: x∞ = α/(α + β) must come
: out without q10 (which cancels), whether the rates are ASSIGNED fields set by a PROCEDURE, locals,
: or written inline.
NEURON {
    SUFFIX q10ab
}
PARAMETER {
    q10base = 3
}
ASSIGNED {
    v (mV)
    celsius (degC)
    alpha (/ms)
    beta (/ms)
}
STATE { m h n }
INITIAL {
    m = 0
    h = 1
    n = 0
}
BREAKPOINT { SOLVE states METHOD cnexp }
DERIVATIVE states {
    LOCAL q10, ah, bh
    rates(v)
    m' = alpha*(1 - m) - beta*m
    q10 = q10base^((celsius - 6.3 (degC))/10 (degC))
    ah = q10*0.07 (/ms)*exp(-(v + 65 (mV))/20 (mV))
    bh = q10*1 (/ms)/(1 + exp(-(v + 35 (mV))/10 (mV)))
    h' = ah*(1 - h) - bh*h
    n' = q10*0.01 (/ms)*exp(v/30 (mV))*(1 - n) - q10*0.125 (/ms)*exp(-(v + 65 (mV))/80 (mV))*n
}
PROCEDURE rates(v (mV)) {
    LOCAL q
    q = q10base^((celsius - 6.3 (degC))/10 (degC))
    alpha = q*0.1 (/ms)*exp(v/20 (mV))
    beta = q*4 (/ms)*exp(-(v + 65 (mV))/18 (mV))
}
