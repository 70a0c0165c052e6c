: An artificial integrate-and-fire cell: events integrate, threshold emits a spike after a
: delay through a self-event (weight 0 marks it: the `flag` variable is not resolved yet).
NEURON {
    ARTIFICIAL_CELL IntFireTest
    RANGE tau, m
}
PARAMETER { tau = 10 (ms) }
ASSIGNED {
    m
    t0 (ms)
}
INITIAL {
    m = 0
    t0 = t
}
NET_RECEIVE(w) {
    m = m*exp(-(t - t0)/tau)
    t0 = t
    if (w == 0) {
        net_event(t)
        m = 0
    } else {
        m = m + w
        if (m > 1) {
            net_send(0, 1)
        }
    }
}
