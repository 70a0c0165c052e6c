: NMODL forms that must check clean: a top-level LOCAL, a DEFINE'd array size, a STATE
: tolerance, PROTECT, and NET_RECEIVE's implicit flag.
NEURON {
    POINT_PROCESS gaps
    NONSPECIFIC_CURRENT i
    RANGE g
    THREADSAFE
}
DEFINE NANN 4
UNITS { (nA) = (nanoamp) (mV) = (millivolt) (uS) = (microsiemens) }
PARAMETER { g = 0.001 (uS) }
STATE { s (1) <1e-4> }
ASSIGNED { v (mV) i (nA) }
LOCAL scale
INITIAL { scale = 2  s = 0 }
BREAKPOINT {
    SOLVE states METHOD cnexp
    PROTECT i = g*s*scale*(v - 0 (mV))
}
DERIVATIVE states {
    s' = (1 - s)/10 (ms)
}
NET_RECEIVE (weight) {
    if (flag == 1) { s = s + weight }
    net_send(1 (ms), 1)
}
