0KINETIC kin {
 COMPARTMENT vol { A B }
 ~ A + 2 B <-> C (kf, kb)
 ~ A << (flux)
 CONSERVE A + B + C = 1
}
NET_RECEIVE(w (uS)) { INITIAL { t0 = t } WATCH (v > 0) 2 net_send(0, 1) }
