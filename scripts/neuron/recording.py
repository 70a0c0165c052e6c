"""Records named variables at every step and writes them as a reference CSV
(header row, then one row per kept sample, each value printed with %.10g)."""
from neuron import h


class Recorder:
    def __init__(self):
        self.names = ["t"]
        self.vectors = [h.Vector().record(h._ref_t)]

    def add(self, name, ref):
        vec = h.Vector()
        vec.record(ref)
        self.names.append(name)
        self.vectors.append(vec)

    def columns(self):
        return [list(v) for v in self.vectors]

    def write_csv(self, path, every=1):
        """Writes every `every`-th sample starting at t = 0."""
        write_csv(path, self.names, self.columns(), every)


def write_csv(path, names, columns, every=1):
    n = len(columns[0])
    if any(len(c) != n for c in columns):
        raise ValueError(f"{path}: columns of unequal length")
    with open(path, "w", newline="\n") as f:
        f.write(",".join(names) + "\n")
        for k in range(0, n, every):
            f.write(",".join("%.10g" % c[k] for c in columns) + "\n")
