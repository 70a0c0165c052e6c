"""Presynaptic spike trains for the synapse cases.

VecStim is not built into Debian's NEURON 8.2.2, so a train is injected with
NetCon(None, target).event(T + delay) from an FInitializeHandler; this gives
the same traces bit for bit as a compiled VecStim (README section 4, A8)."""
from neuron import h

# The A8/B presynaptic train (ms) and the NetCon delay.
A8_TRAIN = [100, 150, 200, 250, 300, 350, 400, 450, 950]
DELAY = 1.0


class SpikeTrain:
    """Delivers events of `weight` to `target` at T + delay for T in times."""

    def __init__(self, target, times, weight, delay=DELAY):
        self.times = [float(t) for t in times]
        self.delay = delay
        self.netcon = h.NetCon(None, target)
        self.netcon.weight[0] = weight
        self.netcon.delay = delay
        self.handler = h.FInitializeHandler(self._queue)

    def _queue(self):
        for t in self.times:
            self.netcon.event(t + self.delay)


def make_netstim(start, interval, number, noise=0.0):
    ns = h.NetStim()
    ns.start = start
    ns.interval = interval
    ns.number = number
    ns.noise = noise
    return ns
