"""One function per reference case (shared/reference/README.md sections 4, 5).

Each builds its model in a fresh NEURON, runs it and returns
(Recorder, every): the recorded columns and which samples to keep."""
from neuron import h

import cells
import events
import nrn_session
from recording import Recorder

DEND_XS = [k / 10 for k in range(11)]


def a1_passive_soma(tables):
    nrn_session.configure(100, tables)
    soma = cells.make_soma()
    stim = cells.add_iclamp(soma(0.5))
    rec = Recorder()
    rec.add("v_soma", soma(0.5)._ref_v)
    rec.add("i_stim", stim._ref_i)
    nrn_session.run()
    return rec, 1


def a2_hh_leak_only(tables):
    nrn_session.configure(100, tables)
    soma = cells.add_hh(cells.make_soma(), gnabar=0.0, gkbar=0.0, gl=5e-4, el=-65.0)
    stim = cells.add_iclamp(soma(0.5))
    rec = Recorder()
    rec.add("v_soma", soma(0.5)._ref_v)
    rec.add("i_stim", stim._ref_i)
    nrn_session.run()
    return rec, 1


def a3_hh_spiking(tables):
    nrn_session.configure(100, tables)
    soma = cells.make_a3_soma()
    stim = cells.add_iclamp(soma(0.5))
    seg = soma(0.5)
    rec = Recorder()
    rec.add("v_soma", seg._ref_v)
    rec.add("m_hh", seg.hh._ref_m)
    rec.add("h_hh", seg.hh._ref_h)
    rec.add("n_hh", seg.hh._ref_n)
    rec.add("ina", seg._ref_ina)
    rec.add("ik", seg._ref_ik)
    rec.add("i_stim", stim._ref_i)
    nrn_session.run()
    return rec, 1


def a5_ball_and_stick(tables):
    nrn_session.configure(40, tables)
    soma, dend = cells.make_ball_and_stick()
    stim = cells.add_iclamp(soma(0.5))
    rec = Recorder()
    rec.add("v_soma", soma(0.5)._ref_v)
    for x in DEND_XS:
        rec.add("v_dend_%.1f" % x, dend(x)._ref_v)
    rec.add("i_stim", stim._ref_i)
    nrn_session.run()
    return rec, 1


def a6_expsyn_netstim(tables):
    nrn_session.configure(80, tables)
    soma, dend = cells.make_ball_and_stick()
    stim = cells.add_iclamp(soma(0.5), amp=0.0)
    syn = h.ExpSyn(dend(0.5))
    syn.tau = 2.0
    syn.e = 0.0
    ns = events.make_netstim(start=20, interval=5, number=5)
    nc = h.NetCon(ns, syn)
    nc.weight[0] = 1.0
    nc.delay = 1.0
    rec = Recorder()
    rec.add("v_soma", soma(0.5)._ref_v)
    rec.add("v_dend_0.5", dend(0.5)._ref_v)
    rec.add("i_syn", syn._ref_i)
    rec.add("g_syn", syn._ref_g)
    nrn_session.run()
    del stim
    return rec, 1


def a7_two_cells(tables, spikes_out=None):
    """Also returns the presynaptic NetCon threshold times in spikes_out."""
    nrn_session.configure(80, tables)
    pre = cells.add_hh(cells.make_soma("pre_soma"))
    pre_stim = cells.add_iclamp(pre(0.5), amp=1.0)
    soma, dend = cells.make_ball_and_stick("post_")
    post_stim = cells.add_iclamp(soma(0.5), amp=0.0)
    syn = h.ExpSyn(dend(0.5))
    syn.tau = 0.9
    syn.e = 0.0
    nc = h.NetCon(pre(0.5)._ref_v, syn, sec=pre)
    nc.threshold = 10.0
    nc.delay = 1.0
    nc.weight[0] = 1.0
    spikes = h.Vector()
    nc.record(spikes)
    rec = Recorder()
    rec.add("v_pre_soma", pre(0.5)._ref_v)
    rec.add("v_post_soma", soma(0.5)._ref_v)
    rec.add("v_post_dend_0.5", dend(0.5)._ref_v)
    rec.add("i_syn", syn._ref_i)
    nrn_session.run()
    if spikes_out is not None:
        spikes_out.extend(spikes)
    del pre_stim, post_stim
    return rec, 1


def a8_exp2syn_vecstim(tables):
    nrn_session.configure(1000, tables)
    soma = cells.make_passive_soma()
    syn = h.Exp2Syn(soma(0.5))
    syn.tau1 = 0.5
    syn.tau2 = 10.0
    syn.e = -80.0
    train = events.SpikeTrain(syn, events.A8_TRAIN, weight=0.001)
    rec = Recorder()
    rec.add("v_soma", soma(0.5)._ref_v)
    rec.add("g_syn", syn._ref_g)
    rec.add("i_syn", syn._ref_i)
    nrn_session.run()
    del train
    return rec, 4


def _b_case(tables, mech, params, columns):
    """README 5.4: the A8 soma with `mech` at soma(0.5), the A8 train at weight 1."""
    nrn_session.configure(1000, tables)
    soma = cells.make_passive_soma()
    syn = getattr(h, mech)(soma(0.5))
    for name, value in params.items():
        setattr(syn, name, value)
    train = events.SpikeTrain(syn, events.A8_TRAIN, weight=1.0)
    rec = Recorder()
    rec.add("v_soma", soma(0.5)._ref_v)
    for col in columns:
        rec.add(col, getattr(syn, "_ref_" + col))
    nrn_session.run()
    del train
    return rec, 4


def b1_ampa_only(tables):
    return _b_case(tables, "SimpleAMPA_NMDA", {"gmax_AMPA": 0.001, "gmax_NMDA": 0.0, "mg": 1.0},
                   ["g", "i", "A_AMPA", "B_AMPA"])


def b2_nmda_only_mg0(tables):
    return _b_case(tables, "SimpleAMPA_NMDA", {"gmax_AMPA": 0.0, "gmax_NMDA": 0.001, "mg": 0.0},
                   ["g", "i", "A_NMDA", "B_NMDA"])


def b3_ampa_nmda_mg1(tables):
    return _b_case(tables, "SimpleAMPA_NMDA", {"gmax_AMPA": 0.001, "gmax_NMDA": 0.0007, "mg": 1.0},
                   ["g", "i", "g_AMPA", "g_NMDA", "i_AMPA", "i_NMDA"])


def b4_tsodyks_markram(tables):
    params = {"gmax_AMPA": 0.001, "gmax_NMDA": 0.0007, "mg": 1.0,
              "tau_rec": 200.0, "tau_facil": 200.0, "U1": 0.5}
    return _b_case(tables, "TsodyksMarkram_AMPA_NMDA", params, ["g", "i", "R", "Use"])


# id -> (file stem, function, output depends on hh rate tables, needs our .mod library).
# A2 has hh but gnabar = gkbar = 0 and records only v, so tables cannot change it.
CASES = {
    "A1": ("A1_passive_soma", a1_passive_soma, False, False),
    "A2": ("A2_hh_leak_only", a2_hh_leak_only, False, False),
    "A3": ("A3_hh_spiking", a3_hh_spiking, True, False),
    "A5": ("A5_ball_and_stick", a5_ball_and_stick, True, False),
    "A6": ("A6_expsyn_netstim", a6_expsyn_netstim, True, False),
    "A7": ("A7_two_cells", a7_two_cells, True, False),
    "A8": ("A8_exp2syn_vecstim", a8_exp2syn_vecstim, False, False),
    "B1": ("B1_ampa_only", b1_ampa_only, False, True),
    "B2": ("B2_nmda_only_mg0", b2_nmda_only_mg0, False, True),
    "B3": ("B3_ampa_nmda_mg1", b3_ampa_nmda_mg1, False, True),
    "B4": ("B4_tsodyks_markram", b4_tsodyks_markram, False, True),
}
