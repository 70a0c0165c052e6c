// NEURON's ExpSyn: g' = -g/tau, i = g*(v - e) (nA), NET_RECEIVE(weight) { g = g + weight }.
#include "test_mechanisms.hpp"

#include <cmath>

namespace mech::testing {

namespace {

enum Field { tau, e, g, i_ };

const mech_field_info fields[] = {
    {"tau", "ms", 0.1, 1e-9, 1e9, MECH_FIELD_PARAMETER},
    {"e", "mV", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_PARAMETER},
    {"g", "uS", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_STATE},
    {"i", "nA", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
};

void init(mech_instance_data* d) {
    for (int k = 0; k < d->width; ++k)
        d->field[g][k] = 0;
}

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

void advance_state(mech_instance_data* d) {
    mech_value_t** f = d->field;
    for (int k = 0; k < d->width; ++k)
        f[g][k] = f[g][k] + (1. - std::exp(d->dt * ((-1.0) / f[tau][k]))) * (-f[g][k]);
}

void net_receive(mech_instance_data* d, mech_index_t k, mech_value_t* weight, mech_value_t) {
    d->field[g][k] += weight[0];
}

const mech_mechanism mechanism = [] {
    mech_mechanism m{}; // value-initialised: members appended to the ABI later stay null
    m.abi_version = MECH_ABI_VERSION;
    m.name = "ExpSyn";
    m.kind = MECH_KIND_POINT;
    m.n_fields = static_cast<int32_t>(std::size(fields));
    m.fields = fields;
    m.n_net_receive_args = 1;
    m.init = init;
    m.compute_currents = compute_currents;
    m.advance_state = advance_state;
    m.net_receive = net_receive;
    return m;
}();

} // namespace

const mech_mechanism* expsyn() {
    return &mechanism;
}

} // namespace mech::testing
