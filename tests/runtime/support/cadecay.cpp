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

const mech_mechanism mechanism = [] {
    mech_mechanism m{}; // value-initialised: members appended to the ABI later stay null
    m.abi_version = MECH_ABI_VERSION;
    m.name = "cadecay";
    m.kind = MECH_KIND_DENSITY;
    m.n_fields = static_cast<int32_t>(std::size(fields));
    m.fields = fields;
    m.n_ions = 1;
    m.ions = ions;
    m.init = init;
    m.advance_state = advance_state;
    return m;
}();

} // namespace

const mech_mechanism* cadecay() {
    return &mechanism;
}

} // namespace mech::testing
