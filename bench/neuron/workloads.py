#!/usr/bin/python3
"""Runs the benchmark workloads W1-W3 (shared/bench/WORKLOADS.md) in NEURON.

Only the run (finitialize + continuerun) is timed; the build is reported
apart. Prints wall times, compartment-steps/s and spike counts, and can
write the spikes as a CSV (gid,t) for agreement checks with mech.

  workloads.py [--workload W1 W2 W3] [--repeat N] [--usetable 0|1]
               [--tstop MS] [--spikes FILE]
"""
import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

DT = 0.025


def settings(tstop, usetable):
    from neuron import h
    h.load_file("stdrun.hoc")
    h.cvode_active(0)
    h.dt = DT
    h.steps_per_ms = 1.0 / DT
    h.secondorder = 0
    h.celsius = 6.3
    h.v_init = -65.0
    h.tstop = tstop
    h.usetable_hh = usetable


def timed_run(tstop):
    from neuron import h
    t0 = time.perf_counter()
    h.finitialize(-65.0)
    h.continuerun(tstop)
    return time.perf_counter() - t0


def spikes_path(base, name, several):
    """FILE as given for one workload; FILE with _W<n> before the suffix for several."""
    p = Path(base)
    return p if not several else p.with_name(f"{p.stem}_{name}{p.suffix or '.csv'}")


def write_spikes(path, spikes):
    with open(path, "w", newline="\n") as f:
        f.write("gid,t\n")
        for gid, t in spikes:
            f.write("%d,%.10g\n" % (gid, t))


def report_spikes(model):
    spikes = model.spikes()
    per_cell = {}
    for gid, _ in spikes:
        per_cell[gid] = per_cell.get(gid, 0) + 1
    counts = sorted(per_cell.values())
    line = f"{model.name}: spikes total {len(spikes)}"
    if counts:
        line += (f", cells firing {len(counts)}, per cell {counts[0]}-{counts[-1]}"
                 f" (median {statistics.median(counts):g}), cell 0: {per_cell.get(0, 0)}")
    if spikes:
        line += f", first spike gid {spikes[0][0]} at {spikes[0][1]:.10g} ms"
    print(line)
    return spikes


def main():
    p = argparse.ArgumentParser(description="NEURON side of mech's benchmark workloads.")
    p.add_argument("--workload", nargs="+", default=["W1", "W2", "W3"], choices=["W1", "W2", "W3"])
    p.add_argument("--repeat", type=int, default=1, help="timed runs per workload (default 1)")
    p.add_argument("--usetable", type=int, choices=[0, 1], default=1,
                   help="usetable_hh: 1 = NEURON's default interpolated rates, 0 = exact")
    p.add_argument("--tstop", type=float, default=1000.0, help="ms (default 1000)")
    p.add_argument("--spikes", metavar="FILE", help="write spikes (gid,t) of the last run")
    a = p.parse_args()
    if a.repeat < 1:
        p.error("--repeat must be at least 1")

    settings(a.tstop, a.usetable)
    from neuron import h
    import workload_models
    steps = round(a.tstop / DT)
    print(f"NEURON {h.nrnversion()}; dt {DT} ms, tstop {a.tstop:g} ms ({steps} steps), "
          f"usetable_hh {a.usetable}")
    for name in a.workload:
        t0 = time.perf_counter()
        model = workload_models.BUILDERS[name]()
        build = time.perf_counter() - t0
        for note in model.notes:
            print(note)
        print(f"{name}: {model.n_compartments} compartments, build {build:.3f} s")
        times = []
        for r in range(a.repeat):
            times.append(timed_run(a.tstop))
            rate = model.n_compartments * steps / times[-1]
            print(f"{name}: run {r + 1}: {times[-1]:.3f} s, {rate:.3g} compartment-steps/s")
        if a.repeat > 1:
            med = statistics.median(times)
            print(f"{name}: median {med:.3f} s, {model.n_compartments * steps / med:.3g} compartment-steps/s")
        spikes = report_spikes(model)
        if a.spikes:
            path = spikes_path(a.spikes, name, len(a.workload) > 1)
            write_spikes(path, spikes)
            print(f"{name}: spikes written to {path}")
        # Free this workload's sections so the next one runs alone.
        del model
        gc.collect()
        left = sum(1 for _ in h.allsec())
        if left:
            print(f"warning: {left} sections of {name} still exist and will be simulated again")
    return 0


if __name__ == "__main__":
    sys.exit(main())
