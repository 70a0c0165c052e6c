"""Sections, channels and stimuli of the reference cases (README section 4)."""
from neuron import h

SOMA_L = 40.0
SOMA_DIAM = 40.0


def make_soma(name="soma", L=SOMA_L, diam=SOMA_DIAM, Ra=35.4, cm=1.0, nseg=1):
    sec = h.Section(name=name)
    sec.L = L
    sec.diam = diam
    sec.nseg = nseg
    sec.cm = cm
    sec.Ra = Ra
    return sec


def add_hh(sec, gnabar=None, gkbar=None, gl=None, el=None):
    """Inserts hh; parameters left as None keep NEURON's defaults."""
    sec.insert("hh")
    for seg in sec:
        if gnabar is not None:
            seg.hh.gnabar = gnabar
        if gkbar is not None:
            seg.hh.gkbar = gkbar
        if gl is not None:
            seg.hh.gl = gl
        if el is not None:
            seg.hh.el = el
    return sec


def add_pas(sec, g=None, e=None):
    sec.insert("pas")
    for seg in sec:
        if g is not None:
            seg.pas.g = g
        if e is not None:
            seg.pas.e = e
    return sec


def add_iclamp(seg, amp=0.1, delay=10.0, dur=50.0):
    stim = h.IClamp(seg)
    stim.amp = amp
    stim.delay = delay
    stim.dur = dur
    return stim


def make_a3_soma(name="soma"):
    """The A3 spiking soma: hh with gnabar 0.1, gkbar 0.01, gl 5e-4, el -65."""
    return add_hh(make_soma(name), gnabar=0.1, gkbar=0.01, gl=5e-4, el=-65.0)


def make_ball_and_stick(prefix=""):
    """A5 cell: the A3 soma plus a 400 um, 9-segment passive-hh dendrite whose
    x = 0 sits on soma(1). Returns (soma, dend)."""
    soma = make_a3_soma(prefix + "soma")
    dend = make_soma(prefix + "dend", L=400.0, diam=2.0, Ra=200.0, nseg=9)
    add_hh(dend, gnabar=0.0, gkbar=0.0, gl=5e-4, el=-65.0)
    dend.connect(soma(1), 0)
    return soma, dend


def make_passive_soma(name="soma"):
    """A8/B soma: Ra 100 and pas at its defaults (g 0.001, e -70)."""
    return add_pas(make_soma(name, Ra=100.0))
