// A calcium pool that writes cai, as NEURON's cadecay-style mod files do:
// cai' = -k*ica - (cai - cainf)/taur, integrated with cnexp-like exponential Euler. Exercises
// ions whose concentrations move (e<ion> recomputed from the Nernst equation every step).
#include "test_mechanisms.hpp"

#include <cmath>

namespace mech::testing {

namespace {

enum Field { k_, taur, cainf, ica_in };

const mech_field_info fields[] = {
    {"k", "mM/ms/(mA/cm2)", 1e-2, -HUGE_VAL, HUGE_VAL, MECH_FIELD_PARAMETER},
    {"taur", "ms", 20, 1e-9, HUGE_VAL, MECH_FIELD_PARAMETER},
    {"cainf", "mM", 1e-4, 0, HUGE_VAL, MECH_FIELD_PARAMETER},
    {"ica_seen", "mA/cm2", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
};

const mech_ion_info ions[] = {
    {"ca", 2, MECH_ION_CURRENT | MECH_ION_INTERNAL, MECH_ION_INTERNAL},
};

void init(mech_instance_data* d) {
    mech_ion_view& ca = d->ion[0];
    for (int i = 0; i < d->width; ++i)
        ca.internal[ca.index[i]] = d->field[cainf][i];
}

void advance_state(mech_instance_data* d) {
    mech_ion_view& ca = d->ion[0];
    for (int i = 0; i < d->width; ++i) {
        const int s = ca.index[i];
        const double ica = ca.current[s];
        d->field[ica_in][i] = ica;
        const double inf = d->field[cainf][i] - d->field[k_][i] * ica * d->field[taur][i];
        ca.internal[s] += (1 - std::exp(-d->dt / d->field[taur][i])) * (inf - ca.internal[s]);
    }
}

const mech_mechanism mechanism = {
    MECH_ABI_VERSION,
    "cadecay",
    MECH_KIND_DENSITY,
    0,
    static_cast<int32_t>(std::size(fields)),
    fields,
    0,
    nullptr,
    1,
    ions,
    0,
    init,
    nullptr,
    advance_state,
    nullptr,
    nullptr,
};

} // namespace

const mech_mechanism* cadecay() {
    return &mechanism;
}

} // namespace mech::testing
