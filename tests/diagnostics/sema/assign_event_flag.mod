: flag is the event's, set by net_send; it cannot be assigned.
NEURON { POINT_PROCESS t }
NET_RECEIVE (w) {
    flag = 2
}
: expect-error: 4:5: cannot assign to 'flag': it is the flag of the event being received (set by net_send)
