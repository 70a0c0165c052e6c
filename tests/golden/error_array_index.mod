: An array index must be a constant in range: the error names the valid range.
NEURON { SUFFIX arrbad }
DEFINE N 2
STATE { c[N] }
INITIAL {
    FROM i = 0 TO N - 1 {
        c[i] = c[i+1]
    }
}
