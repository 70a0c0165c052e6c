: diam and area in a density mechanism (NEURON's segment diameter and area): read per node, so
: never hoisted out of the instance loop, while the celsius factor beside them is.
NEURON {
    SUFFIX geom
    NONSPECIFIC_CURRENT i
    RANGE g, e, k, surface
}
UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (um) = (micron)
}
PARAMETER {
    g = 0.001 (S/cm2)
    e = -70 (mV)
    k = 0.5 (/ms)
}
ASSIGNED {
    v (mV)
    i (mA/cm2)
    celsius (degC)
    diam (um)
    area (um2)
    surface (um2)
}
STATE { x }
INITIAL {
    surface = area
    x = 0
}
BREAKPOINT {
    SOLVE states METHOD cnexp
    i = g*(v - e)*x*diam*diam/area
}
DERIVATIVE states {
    : a pump whose rate scales with surface/volume (4/diam)
    x' = k*3^((celsius - 6.3 (degC))/10 (degC))*(4 (um)/diam)*(1 - x)
}
