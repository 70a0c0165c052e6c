// NEURON's Exp2Syn: A' = -A/tau1, B' = -B/tau2, g = B - A, i = g*(v - e) (nA); an event of
// weight w adds w*factor to A and B, factor normalising the peak of g to w.
#include "test_mechanisms.hpp"

#include <cmath>

namespace mech::testing {

namespace {

enum Field { tau1, tau2, e, A, B, g, i_, factor };

const mech_field_info fields[] = {
    {"tau1", "ms", 0.1, 1e-9, 1e9, MECH_FIELD_PARAMETER},
    {"tau2", "ms", 10, 1e-9, 1e9, MECH_FIELD_PARAMETER},
    {"e", "mV", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_PARAMETER},
    {"A", "uS", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_STATE},
    {"B", "uS", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_STATE},
    {"g", "uS", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
    {"i", "nA", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
    {"factor", "", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
};

void init(mech_instance_data* d) {
    mech_value_t** f = d->field;
    for (int k = 0; k < d->width; ++k) {
        if (f[tau1][k] / f[tau2][k] > .9999)
            f[tau1][k] = .9999 * f[tau2][k];
        if (f[tau1][k] / f[tau2][k] < 1e-9)
            f[tau1][k] = f[tau2][k] * 1e-9;
        f[A][k] = 0;
        f[B][k] = 0;
        const double tp = (f[tau1][k] * f[tau2][k]) / (f[tau2][k] - f[tau1][k]) *
                          std::log(f[tau2][k] / f[tau1][k]);
        f[factor][k] = 1 / (-std::exp(-tp / f[tau1][k]) + std::exp(-tp / f[tau2][k]));
    }
}

void compute_currents(mech_instance_data* d) {
    mech_value_t** f = d->field;
    for (int k = 0; k < d->width; ++k) {
        const int node = d->node_index[k];
        const double v = d->vec_v[node];
        f[g][k] = f[B][k] - f[A][k];
        const double up = f[g][k] * (v + .001 - f[e][k]);
        f[i_][k] = f[g][k] * (v - f[e][k]);
        const double rhs = f[i_][k];
        d->vec_rhs[node] -= rhs * d->scale[k];
        d->vec_d[node] += (up - rhs) / .001 * d->scale[k];
    }
}

void advance_state(mech_instance_data* d) {
    mech_value_t** f = d->field;
    for (int k = 0; k < d->width; ++k) {
        f[A][k] = f[A][k] + (1. - std::exp(d->dt * ((-1.0) / f[tau1][k]))) * (-f[A][k]);
        f[B][k] = f[B][k] + (1. - std::exp(d->dt * ((-1.0) / f[tau2][k]))) * (-f[B][k]);
    }
}

void net_receive(mech_instance_data* d, mech_index_t k, mech_value_t* weight, mech_value_t) {
    d->field[A][k] += weight[0] * d->field[factor][k];
    d->field[B][k] += weight[0] * d->field[factor][k];
}

const mech_mechanism mechanism = [] {
    mech_mechanism m{}; // value-initialised: members appended to the ABI later stay null
    m.abi_version = MECH_ABI_VERSION;
    m.name = "Exp2Syn";
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

const mech_mechanism* exp2syn() {
    return &mechanism;
}

} // namespace mech::testing
