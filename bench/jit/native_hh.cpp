// Hand-written hh kernels over the same structure-of-arrays data the JIT'd kernels use
// (field order of testing::make_hh: gnabar gkbar gl el m h n gna gk il).
#include "native_hh.hpp"

#include <cmath>

namespace mech::bench {

namespace {

inline double exprelr(double x) {
    return std::fabs(x) < 1e-6 ? 1.0 - 0.5 * x : x / (std::exp(x) - 1.0);
}

} // namespace

void native_hh_currents(mech_instance_data* data) {
    const int n = data->width;
    double* __restrict gnabar = data->field[0];
    double* __restrict gkbar = data->field[1];
    double* __restrict gl = data->field[2];
    double* __restrict el = data->field[3];
    double* __restrict m = data->field[4];
    double* __restrict h = data->field[5];
    double* __restrict nn = data->field[6];
    double* __restrict gna = data->field[7];
    double* __restrict gk = data->field[8];
    double* __restrict il = data->field[9];
    const int* __restrict node = data->node_index;
    const double* __restrict vv = data->vec_v;
    double* __restrict rhs = data->vec_rhs;
    double* __restrict d = data->vec_d;
    const int* __restrict na_index = data->ion[0].index;
    const double* __restrict ena = data->ion[0].reversal;
    double* __restrict ina = data->ion[0].current;
    double* __restrict gina = data->ion[0].conductance;
    const int* __restrict k_index = data->ion[1].index;
    const double* __restrict ek = data->ion[1].reversal;
    double* __restrict ik = data->ion[1].current;
    double* __restrict gik = data->ion[1].conductance;
#pragma GCC ivdep
    for (int i = 0; i < n; ++i) {
        const double v = vv[node[i]];
        gna[i] = gnabar[i] * m[i] * m[i] * m[i] * h[i];
        const double n2 = nn[i] * nn[i];
        gk[i] = gkbar[i] * n2 * n2;
        const double cna = gna[i] * (v - ena[na_index[i]]);
        const double ck = gk[i] * (v - ek[k_index[i]]);
        ina[na_index[i]] += cna;
        gina[na_index[i]] += gna[i];
        ik[k_index[i]] += ck;
        gik[k_index[i]] += gk[i];
        il[i] = gl[i] * (v - el[i]);
        rhs[node[i]] -= cna + ck + il[i];
        d[node[i]] += gna[i] + gk[i] + gl[i];
    }
}

void native_hh_state(mech_instance_data* data) {
    const int n = data->width;
    double* __restrict m = data->field[4];
    double* __restrict h = data->field[5];
    double* __restrict nn = data->field[6];
    const int* __restrict node = data->node_index;
    const double* __restrict vv = data->vec_v;
    const double q10 = std::pow(3.0, (data->celsius - 6.3) / 10.0);
    const double dt = data->dt;
#pragma GCC ivdep
    for (int i = 0; i < n; ++i) {
        const double v = vv[node[i]];
        const double am = q10 * exprelr(-(v + 40.0) / 10.0);
        const double bm = q10 * 4.0 * std::exp(-(v + 65.0) / 18.0);
        const double ah = q10 * 0.07 * std::exp(-(v + 65.0) / 20.0);
        const double bh = q10 / (1.0 + std::exp(-(v + 35.0) / 10.0));
        const double an = q10 * 0.1 * exprelr(-(v + 55.0) / 10.0);
        const double bn = q10 * 0.125 * std::exp(-(v + 65.0) / 80.0);
        const double sm = am + bm, sh = ah + bh, sn = an + bn;
        m[i] += (1.0 - std::exp(-dt * sm)) * (am / sm - m[i]);
        h[i] += (1.0 - std::exp(-dt * sh)) * (ah / sh - h[i]);
        nn[i] += (1.0 - std::exp(-dt * sn)) * (an / sn - nn[i]);
    }
}

} // namespace mech::bench
