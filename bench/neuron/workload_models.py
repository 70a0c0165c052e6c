"""Builds the benchmark workloads W1-W3 of shared/bench/WORKLOADS.md in NEURON.

Each builder returns a Model that keeps every NEURON object alive and records
spikes (upward 10 mV crossings of soma(0.5).v) as (gid, t)."""
from neuron import h

from splitmix64 import w3_connections

SPIKE_THRESHOLD = 10.0


class Model:
    def __init__(self, name, n_compartments):
        self.name = name
        self.n_compartments = n_compartments
        self.keep = []          # sections, point processes, NetCons, NetStims
        self.spike_t = h.Vector()
        self.spike_gid = h.Vector()
        self.notes = []         # lines worth printing after the build

    def record_spikes(self, gid, soma):
        nc = h.NetCon(soma(0.5)._ref_v, None, sec=soma)
        nc.threshold = SPIKE_THRESHOLD
        nc.record(self.spike_t, self.spike_gid, gid)
        self.keep.append(nc)

    def spikes(self):
        """[(gid, t)] sorted by time, then gid."""
        pairs = [(int(g), t) for g, t in zip(self.spike_gid, self.spike_t)]
        return sorted(pairs, key=lambda p: (p[1], p[0]))


def _hh_soma(name, L=20.0, diam=20.0, Ra=35.4):
    soma = h.Section(name=name)
    soma.L = L
    soma.diam = diam
    soma.nseg = 1
    soma.cm = 1.0
    soma.Ra = Ra
    soma.insert("hh")
    return soma


def _iclamp(seg, amp, delay=0.0, dur=1000.0):
    stim = h.IClamp(seg)
    stim.amp = amp
    stim.delay = delay
    stim.dur = dur
    return stim


def build_w1(n_cells=1000):
    """Independent one-compartment hh cells, amp 0.2-0.3 nA."""
    m = Model("W1", n_cells)
    for i in range(n_cells):
        soma = _hh_soma(f"w1_soma[{i}]")
        amp = 0.2 + 0.1 * i / (n_cells - 1)
        m.keep += [soma, _iclamp(soma(0.5), amp)]
        m.record_spikes(i, soma)
    return m


def build_w2(n_cells=200, dend_nseg=101):
    """Independent ball-and-stick cells: hh soma, passive 101-segment dendrite."""
    m = Model("W2", n_cells * (1 + dend_nseg))
    for i in range(n_cells):
        soma = _hh_soma(f"w2_soma[{i}]", Ra=100.0)
        dend = h.Section(name=f"w2_dend[{i}]")
        dend.L = 400.0
        dend.diam = 2.0
        dend.nseg = dend_nseg
        dend.cm = 1.0
        dend.Ra = 100.0
        dend.insert("pas")
        for seg in dend:
            seg.pas.g = 1e-4
            seg.pas.e = -65.0
        dend.connect(soma(1), 0)
        amp = 0.3 + 0.1 * i / (n_cells - 1)
        m.keep += [soma, dend, _iclamp(soma(0.5), amp)]
        m.record_spikes(i, soma)
    return m


def build_w3(n_cells=1000, fan_in=100, n_driven=10):
    """Random hh network: each cell gets fan_in NetCons onto its ExpSyn;
    cells 0..n_driven-1 are also driven by their own NetStim."""
    m = Model("W3", n_cells)
    somas, syns = [], []
    for i in range(n_cells):
        soma = _hh_soma(f"w3_soma[{i}]")
        syn = h.ExpSyn(soma(0.5))
        syn.tau = 2.0
        syn.e = 0.0
        somas.append(soma)
        syns.append(syn)
        m.record_spikes(i, soma)
    m.keep += somas + syns
    conns = w3_connections(n_cells, fan_in)
    for src, tgt, delay in conns:
        nc = h.NetCon(somas[src](0.5)._ref_v, syns[tgt], sec=somas[src])
        nc.threshold = SPIKE_THRESHOLD
        nc.weight[0] = 0.0004
        nc.delay = delay
        m.keep.append(nc)
    for i in range(n_driven):
        ns = h.NetStim()
        ns.start = 5.0
        ns.interval = 10.0
        ns.number = 1e9
        ns.noise = 0.0
        nc = h.NetCon(ns, syns[i])
        nc.delay = 1.0
        nc.weight[0] = 0.05
        m.keep += [ns, nc]
    first = ", ".join(f"({s} -> {t}, {d:g} ms)" for s, t, d in conns[:3])
    deg = [0] * n_cells
    for src, _, _ in conns:
        deg[src] += 1
    m.notes.append(f"W3 connectivity: {len(conns)} NetCons; first {first}; "
                   f"out-degree {min(deg)}-{max(deg)}")
    return m


BUILDERS = {"W1": build_w1, "W2": build_w2, "W3": build_w3}
