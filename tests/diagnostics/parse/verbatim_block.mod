: Raw C is not supported.
NEURON { SUFFIX t }
VERBATIM
  double x = 1;
ENDVERBATIM
INITIAL { }
: expect-error: 3:1: VERBATIM blocks (raw C) are not supported by mech; write the computation as a FUNCTION or PROCEDURE in the mechanism language
