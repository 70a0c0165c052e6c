#!/usr/bin/python3
"""Regenerates mech's NEURON reference CSVs (shared/reference/README.md).

Each case runs in its own NEURON process so that no section, NetCon or
global setting of one case can leak into the next. Cases with hh are written
with exact rates (usetable_hh = 0) under the plain name, as in the shared
folder; with tables on (NEURON's default) they get the suffix _usetable.

  make_references.py [--case ID ...] [--out DIR] [--tables on|off|both]
                     [--mechlib libnrnmech.so] [--check DIR]
"""
import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TABLE_SUFFIX = "_usetable"


def case_ids():
    # Read the table without importing NEURON in the parent process.
    import ast
    tree = ast.parse((HERE / "cases.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and node.targets[0].id == "CASES":
            return {k.value: (v.elts[0].value, v.elts[2].value, v.elts[3].value)
                    for k, v in zip(node.value.keys, node.value.values)}
    raise RuntimeError("CASES table not found in cases.py")


def output_name(stem, tables):
    return stem + (TABLE_SUFFIX if tables else "") + ".csv"


def run_worker(case_id, tables, out_dir, mechlib):
    """Runs one case in this process and writes its CSV(s)."""
    import cases
    if mechlib:
        import mod_build
        mod_build.load_mods(mechlib)
    stem, func, _, _ = cases.CASES[case_id]
    spikes = [] if case_id == "A7" else None
    rec, every = func(tables, spikes) if spikes is not None else func(tables)
    path = Path(out_dir) / output_name(stem, tables)
    rec.write_csv(path, every)
    written = [path]
    if spikes is not None:
        from recording import write_csv
        spath = Path(out_dir) / output_name("A7_presyn_spikes", tables)
        write_csv(spath, ["t"], [spikes])
        written.append(spath)
    for p in written:
        print(p)


def main():
    table = case_ids()
    p = argparse.ArgumentParser(description="Regenerate NEURON reference traces for mech.")
    p.add_argument("--case", nargs="+", choices=sorted(table), help="cases to run (default: all)")
    p.add_argument("--out", default=".", help="output folder (default: .)")
    p.add_argument("--tables", choices=["on", "off", "both"], default="off",
                   help="hh rate tables for cases that have hh (default off = exact rates)")
    p.add_argument("--mechlib", help="libnrnmech.so with our .mod files (built if needed and absent)")
    p.add_argument("--check", metavar="DIR", help="compare each written CSV with DIR/<same name>")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    a = p.parse_args()

    if a.worker:
        run_worker(a.worker, a.tables == "on", a.out, a.mechlib)
        return 0

    ids = a.case or sorted(table)
    os.makedirs(a.out, exist_ok=True)
    if a.mechlib is None and any(table[c][2] for c in ids):
        import mod_build
        try:
            a.mechlib = str(mod_build.build_mods())
        except (RuntimeError, OSError) as err:
            sys.exit(f"make_references: error: {err}")
    failures = 0
    for cid in ids:
        stem, tabled, needs_mods = table[cid]
        settings = {"off": [False], "on": [True], "both": [False, True]}[a.tables]
        if not tabled:
            settings = [False]
        for tables in settings:
            cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", cid,
                   "--tables", "on" if tables else "off", "--out", a.out]
            if needs_mods:
                cmd += ["--mechlib", a.mechlib]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0:
                sys.stderr.write(proc.stderr)
                print(f"{cid}: FAILED")
                failures += 1
                continue
            for line in proc.stdout.split():
                if line.endswith(".csv"):
                    report(cid, Path(line), a.check)
    return 1 if failures else 0


def report(cid, path, check_dir):
    if not check_dir:
        print(f"{cid}: wrote {path}")
        return
    import compare_csv
    other = Path(check_dir) / path.name
    if not other.exists():
        print(f"{cid}: wrote {path} (no {other} to compare)")
        return
    same, msg = compare_csv.compare(path, other)
    print(f"{cid}: {path.name}: {msg}")


if __name__ == "__main__":
    sys.exit(main())
