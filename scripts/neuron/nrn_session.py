"""The run settings every reference case shares (shared/reference/README.md
section 1): fixed step dt 0.025 ms, first order, celsius 6.3, v_init -65."""
from neuron import h

DT = 0.025
CELSIUS = 6.3
V_INIT = -65.0

h.load_file("stdrun.hoc")


def configure(tstop, tables=False):
    """Applies the common settings and the rate-table choice for hh."""
    h.cvode_active(0)
    h.dt = DT
    h.steps_per_ms = 1.0 / DT
    h.secondorder = 0
    h.celsius = CELSIUS
    h.v_init = V_INIT
    h.tstop = tstop
    set_tables(tables)


def set_tables(on):
    """usetable_hh = 1 is NEURON's default (interpolated rates); 0 = exact."""
    h.usetable_hh = 1 if on else 0


def run():
    """stdinit() + continuerun(tstop), exactly as h.run() does."""
    h.run()
