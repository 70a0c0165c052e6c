// NEURON's passive leak (pas): i = g*(v - e), a nonspecific current.
#include "test_mechanisms.hpp"

#include <cmath>

namespace mech::testing {

namespace {

enum Field { g, e, i_ };

const mech_field_info fields[] = {
    {"g", "S/cm2", 0.001, 0, 1e9, MECH_FIELD_PARAMETER},
    {"e", "mV", -70, -1e3, 1e3, MECH_FIELD_PARAMETER},
    {"i", "mA/cm2", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
};

void compute_currents(mech_instance_data* d) {
    mech_value_t** f = d->field;
    for (int k = 0; k < d->width; ++k) {
        const int node = d->node_index[k];
        const double v = d->vec_v[node];
        const double up = f[g][k] * (v + .001 - f[e][k]);
        f[i_][k] = f[g][k] * (v - f[e][k]);
        const double rhs = f[i_][k];
        d->vec_rhs[node] -= rhs * d->scale[k];
        d->vec_d[node] += (up - rhs) / .001 * d->scale[k];
    }
}

const mech_mechanism mechanism = [] {
    mech_mechanism m{}; // value-initialised: members appended to the ABI later stay null
    m.abi_version = MECH_ABI_VERSION;
    m.name = "pas";
    m.kind = MECH_KIND_DENSITY;
    m.n_fields = static_cast<int32_t>(std::size(fields));
    m.fields = fields;
    m.compute_currents = compute_currents;
    return m;
}();

} // namespace

const mech_mechanism* pas() {
    return &mechanism;
}

} // namespace mech::testing
