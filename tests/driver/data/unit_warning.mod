: A .mod file whose units do not agree: a warning (exit 0), an error under --strict-units.
NEURON { SUFFIX unitwarn NONSPECIFIC_CURRENT i RANGE g, e }
UNITS { (mA) = (milliamp) (mV) = (millivolt) }
PARAMETER { g = 0.001 (S/cm2) e = -70 (mV) }
ASSIGNED { v (mV) i (mA/cm2) }
BREAKPOINT { i = g*(v - e) + 1 }
