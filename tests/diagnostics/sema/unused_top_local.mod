: A top-level LOCAL is reported like any LOCAL when nothing reads it.
NEURON { SUFFIX t }
LOCAL a, b
INITIAL { b = 1 }
: expect-warning: 3:7: LOCAL 'a' is never used
: expect-warning: 3:10: LOCAL 'b' is assigned but never used
