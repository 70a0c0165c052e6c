: VERBATIM inside a function body.
NEURON { SUFFIX t }
FUNCTION f() {
VERBATIM
  return 1.;
ENDVERBATIM
}
: expect-error: 4:1: VERBATIM blocks (raw C) are not supported by mech; write the computation as a FUNCTION or PROCEDURE in the mechanism language
