"""Compares a regenerated reference CSV with another copy: byte-identical, or
the largest absolute difference per column (and where it occurs)."""
import csv
import sys


def compare(path_a, path_b):
    """Returns (identical, message)."""
    with open(path_a, "rb") as fa, open(path_b, "rb") as fb:
        if fa.read() == fb.read():
            return True, "byte-identical"
    with open(path_a, newline="") as fa, open(path_b, newline="") as fb:
        rows_a = list(csv.reader(fa))
        rows_b = list(csv.reader(fb))
    if rows_a[0] != rows_b[0]:
        return False, f"headers differ: {rows_a[0]} vs {rows_b[0]}"
    if len(rows_a) != len(rows_b):
        return False, f"row counts differ: {len(rows_a)} vs {len(rows_b)}"
    worst = []
    for j, name in enumerate(rows_a[0]):
        best = (0.0, None)
        for ra, rb in zip(rows_a[1:], rows_b[1:]):
            d = abs(float(ra[j]) - float(rb[j]))
            if d > best[0]:
                best = (d, ra[0])
        if best[1] is not None:
            worst.append(f"{name}: max |diff| {best[0]:.3g} at t={best[1]}")
    if not worst:
        return False, "same numbers, different text (formatting)"
    return False, "; ".join(worst)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: compare_csv.py A.csv B.csv")
    same, msg = compare(sys.argv[1], sys.argv[2])
    print(msg)
    sys.exit(0 if same else 1)
