// NEURON's hh.mod (Hodgkin-Huxley squid axon) as an ABI mechanism, with the exact rate
// functions (usetable_hh = 0) and mod2c's order of operations.
#include "test_mechanisms.hpp"

#include <cmath>

namespace mech::testing {

namespace {

enum Field { gnabar, gkbar, gl, el, m, h, n, gna, gk, il, minf, hinf, ninf, mtau, htau, ntau };

const mech_field_info fields[] = {
    {"gnabar", "S/cm2", 0.12, 0, HUGE_VAL, MECH_FIELD_PARAMETER},
    {"gkbar", "S/cm2", 0.036, 0, HUGE_VAL, MECH_FIELD_PARAMETER},
    {"gl", "S/cm2", 0.0003, 0, HUGE_VAL, MECH_FIELD_PARAMETER},
    {"el", "mV", -54.3, -HUGE_VAL, HUGE_VAL, MECH_FIELD_PARAMETER},
    {"m", "", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_STATE},
    {"h", "", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_STATE},
    {"n", "", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_STATE},
    {"gna", "S/cm2", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
    {"gk", "S/cm2", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
    {"il", "mA/cm2", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
    {"minf", "", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
    {"hinf", "", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
    {"ninf", "", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
    {"mtau", "ms", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
    {"htau", "ms", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
    {"ntau", "ms", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
};

const mech_ion_info ions[] = {
    {"na", 0, MECH_ION_REVERSAL, MECH_ION_CURRENT},
    {"k", 0, MECH_ION_REVERSAL, MECH_ION_CURRENT},
};

double vtrap(double x, double y) {
    if (std::fabs(x / y) < 1e-6)
        return y * (1 - x / y / 2);
    return x / (std::exp(x / y) - 1);
}

void rates(mech_value_t** f, int i, double v, double celsius) {
    const double q10 = std::pow(3.0, (celsius - 6.3) / 10);
    double alpha = .1 * vtrap(-(v + 40), 10);
    double beta = 4 * std::exp(-(v + 65) / 18);
    double sum = alpha + beta;
    f[mtau][i] = 1 / (q10 * sum);
    f[minf][i] = alpha / sum;
    alpha = .07 * std::exp(-(v + 65) / 20);
    beta = 1 / (std::exp(-(v + 35) / 10) + 1);
    sum = alpha + beta;
    f[htau][i] = 1 / (q10 * sum);
    f[hinf][i] = alpha / sum;
    alpha = .01 * vtrap(-(v + 55), 10);
    beta = .125 * std::exp(-(v + 65) / 80);
    sum = alpha + beta;
    f[ntau][i] = 1 / (q10 * sum);
    f[ninf][i] = alpha / sum;
}

void init(mech_instance_data* d) {
    for (int i = 0; i < d->width; ++i) {
        rates(d->field, i, d->vec_v[d->node_index[i]], d->celsius);
        d->field[m][i] = d->field[minf][i];
        d->field[h][i] = d->field[hinf][i];
        d->field[n][i] = d->field[ninf][i];
    }
}

struct Currents {
    double ina, ik, total;
};

Currents current(mech_value_t** f, int i, double v, double ena, double ek) {
    f[gna][i] = f[gnabar][i] * f[m][i] * f[m][i] * f[m][i] * f[h][i];
    const double ina = f[gna][i] * (v - ena);
    f[gk][i] = f[gkbar][i] * f[n][i] * f[n][i] * f[n][i] * f[n][i];
    const double ik = f[gk][i] * (v - ek);
    f[il][i] = f[gl][i] * (v - f[el][i]);
    double total = 0;
    total += ina;
    total += ik;
    total += f[il][i];
    return {ina, ik, total};
}

void compute_currents(mech_instance_data* d) {
    mech_ion_view& na = d->ion[0];
    mech_ion_view& k = d->ion[1];
    for (int i = 0; i < d->width; ++i) {
        const int node = d->node_index[i];
        const double v = d->vec_v[node];
        const int sna = na.index[i], sk = k.index[i];
        const Currents up = current(d->field, i, v + .001, na.reversal[sna], k.reversal[sk]);
        const Currents at = current(d->field, i, v, na.reversal[sna], k.reversal[sk]);
        const double g = (up.total - at.total) / .001;
        k.conductance[sk] += (up.ik - at.ik) / .001;
        na.conductance[sna] += (up.ina - at.ina) / .001;
        na.current[sna] += at.ina;
        k.current[sk] += at.ik;
        d->vec_rhs[node] -= at.total * d->scale[i];
        d->vec_d[node] += g * d->scale[i];
    }
}

void advance_state(mech_instance_data* d) {
    mech_value_t** f = d->field;
    const double dt = d->dt;
    for (int i = 0; i < d->width; ++i) {
        rates(f, i, d->vec_v[d->node_index[i]], d->celsius);
        f[m][i] = f[m][i] + (1. - std::exp(dt * ((-1.0) / f[mtau][i]))) *
                                (-(f[minf][i] / f[mtau][i]) / ((-1.0) / f[mtau][i]) - f[m][i]);
        f[h][i] = f[h][i] + (1. - std::exp(dt * ((-1.0) / f[htau][i]))) *
                                (-(f[hinf][i] / f[htau][i]) / ((-1.0) / f[htau][i]) - f[h][i]);
        f[n][i] = f[n][i] + (1. - std::exp(dt * ((-1.0) / f[ntau][i]))) *
                                (-(f[ninf][i] / f[ntau][i]) / ((-1.0) / f[ntau][i]) - f[n][i]);
    }
}

const mech_mechanism mechanism = [] {
    mech_mechanism m{}; // value-initialised: members appended to the ABI later stay null
    m.abi_version = MECH_ABI_VERSION;
    m.name = "hh";
    m.kind = MECH_KIND_DENSITY;
    m.n_fields = static_cast<int32_t>(std::size(fields));
    m.fields = fields;
    m.n_ions = 2;
    m.ions = ions;
    m.init = init;
    m.compute_currents = compute_currents;
    m.advance_state = advance_state;
    return m;
}();

} // namespace

const mech_mechanism* hh() {
    return &mechanism;
}

} // namespace mech::testing
