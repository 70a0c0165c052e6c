"""The W3 connectivity recipe of shared/bench/WORKLOADS.md: splitmix64 draws
(64-bit unsigned, seed state 12345), reproducible in any language."""

MASK64 = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + GOLDEN_GAMMA) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)


DT = 0.025


def w3_connections(n_cells=1000, fan_in=100, seed=12345):
    """Returns [(src, tgt, delay_ms)] in generation order: for each target,
    fan_in sources drawn until src != tgt (duplicates allowed), each followed
    by a delay draw 1.0 + (out % 161) * 0.025 ms."""
    rng = SplitMix64(seed)
    conns = []
    for tgt in range(n_cells):
        for _ in range(fan_in):
            src = rng.next() % n_cells
            while src == tgt:
                src = rng.next() % n_cells
            delay = 1.0 + (rng.next() % 161) * DT
            conns.append((src, tgt, delay))
    return conns


def out_degree_range(conns, n_cells=1000):
    deg = [0] * n_cells
    for src, _, _ in conns:
        deg[src] += 1
    return min(deg), max(deg)


if __name__ == "__main__":
    c = w3_connections()
    for src, tgt, d in c[:3]:
        print(f"{src} -> {tgt}, {d:g} ms")
    print("out-degree %d-%d, %d connections" % (*out_degree_range(c), len(c)))
