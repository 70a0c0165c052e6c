#!/usr/bin/python3
"""NEURON's own cabpump.mod (Debian's demo copy, unmodified) on one segment: the C1 reference.

A cylinder L = 10 um, diam = 2 um (nseg 1, Ra 100, cm 1) with only cadifpmp inserted; calcium
starts at cai0 = 1e-3 mM (cao0 = 2 mM) so the pump has work to do and its current moves v.
dt 0.025 ms, secondorder 0, celsius 6.3, v_init -65 mV, 20 ms, every 4th step written.

  cabpump_reference.py [--out tests/data/reference/C1_cabpump.csv]
"""
import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from mod_build import build_mods, load_mods  # noqa: E402

DEMO = Path("/usr/share/nrn/demo/release/cabpump.mod")
COLUMNS = ["t", "v_soma", "cai", "ica", "ca0", "ca9", "pump", "pumpca"]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default=str(HERE.parents[1] / "tests/data/reference/C1_cabpump.csv"))
    a = p.parse_args()
    mod_dir = Path(tempfile.mkdtemp(prefix="mech-cabpump-"))
    shutil.copy(DEMO, mod_dir / DEMO.name)
    load_mods(build_mods(mod_dir, work_dir=mod_dir / "build"))
    from neuron import h
    h.load_file("stdrun.hoc")
    soma = h.Section(name="soma")
    soma.L, soma.diam, soma.nseg, soma.Ra, soma.cm = 10, 2, 1, 100, 1
    soma.insert("cadifpmp")
    h.cai0_ca_ion, h.cao0_ca_ion = 1e-3, 2
    h.dt, h.steps_per_ms, h.secondorder, h.celsius, h.v_init, h.tstop = 0.025, 40, 0, 6.3, -65, 20
    seg = soma(0.5)
    refs = [h._ref_t, seg._ref_v, seg._ref_cai, seg._ref_ica, seg.cadifpmp._ref_ca[0],
            seg.cadifpmp._ref_ca[9], seg.cadifpmp._ref_pump, seg.cadifpmp._ref_pumpca]
    vecs = [h.Vector().record(r) for r in refs]
    h.run()
    with open(a.out, "w") as f:
        f.write(",".join(COLUMNS) + "\n")
        for k in range(0, int(vecs[0].size()), 4):
            f.write(",".join("%.10g" % v[k] for v in vecs) + "\n")
    shutil.rmtree(mod_dir)


if __name__ == "__main__":
    main()
