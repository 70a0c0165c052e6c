: net_move(t') in NET_RECEIVE moves this instance's pending self-event (NEURON's invlfire.mod).
NEURON {
    ARTIFICIAL_CELL mover
    RANGE tau
}
PARAMETER { tau = 10 (ms) }
INITIAL { net_send(tau, 1) }
NET_RECEIVE (w) {
    if (flag == 0) {
        net_move(t + tau/2)
    } else {
        net_event(t)
        net_send(tau, 1)
    }
}
