"""Compiles our .mod files into a NEURON mechanism library and loads it.

Debian's nrnivmodl looks for its makefile in /usr/bin; the makefile lives in
/usr/lib/nrn (and libnrniv.so beside it), so we let nrnivmodl write the make
inputs and then run the make step ourselves with the right paths.
"""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

MOD_DIR = Path(__file__).resolve().parent / "mod"
NRN_MAKEFILE = "/usr/lib/nrn/nrnmech_makefile"
NRN_LIBDIR = "/usr/lib/nrn"


def build_mods(mod_dir=MOD_DIR, work_dir=None, quiet=True):
    """Compiles every .mod in mod_dir inside work_dir (a new temporary folder
    by default) and returns the path of the resulting libnrnmech.so."""
    mod_dir = Path(mod_dir).resolve()
    mods = sorted(mod_dir.glob("*.mod"))
    if not mods:
        raise RuntimeError(f"no .mod files in {mod_dir}")
    work = Path(work_dir or tempfile.mkdtemp(prefix="mech-nrnmod-"))
    work.mkdir(parents=True, exist_ok=True)
    out = subprocess.DEVNULL if quiet else None
    # nrnivmodl writes makemod2c_inc and mod_func.cpp, then fails at its own
    # make call (wrong makefile path); that failure is expected.
    subprocess.run(["nrnivmodl", str(mod_dir)], cwd=work, stdout=out, stderr=out, check=False)
    arch = work / "x86_64"
    if not (arch / "mod_func.cpp").exists():
        raise RuntimeError(f"nrnivmodl did not prepare {arch} (is neuron-dev installed?)")
    objs = " ".join(f"./{m.stem}.o" for m in mods)
    cmd = ["make", "-f", NRN_MAKEFILE, "ROOT=/usr", f"libdir={NRN_LIBDIR}",
           f"MODOBJFILES={objs}", "UserLDFLAGS=", "UserINCFLAGS=",
           "LinkCoreNEURON=false", "mech_lib_shared"]
    proc = subprocess.run(cmd, cwd=arch, capture_output=True, text=True)
    lib = arch / ".libs" / "libnrnmech.so"
    if proc.returncode != 0 or not lib.exists():
        sys.stderr.write(proc.stdout + proc.stderr)
        raise RuntimeError(f"compiling the .mod files in {mod_dir} failed")
    return lib


def load_mods(lib):
    """Loads a libnrnmech.so built by build_mods into this NEURON."""
    from neuron import h
    if not os.path.exists(lib):
        raise FileNotFoundError(lib)
    h.nrn_load_dll(str(lib))


if __name__ == "__main__":
    import argparse
    p = argparse.ArgumentParser(description="Compile scripts/neuron/mod/*.mod for NEURON; print the library path.")
    p.add_argument("--mod-dir", default=str(MOD_DIR))
    p.add_argument("--work-dir", default=None)
    p.add_argument("-v", "--verbose", action="store_true")
    a = p.parse_args()
    try:
        print(build_mods(a.mod_dir, a.work_dir, quiet=not a.verbose))
    except (RuntimeError, OSError) as err:
        sys.exit(f"mod_build: error: {err}")
