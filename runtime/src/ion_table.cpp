// Ion species storage and the Nernst equation.
#include "ion_table.hpp"

#include <algorithm>
#include <cmath>

namespace mech::detail {

namespace {
// CODATA 2018 values, as NEURON 8.2 uses by default (nrnunits_use_legacy = 0).
constexpr double gas_constant = 6.02214076e23 * 1.380649e-23; // J/(K mol), N_A k
constexpr double faraday = 6.02214076e23 * 1.602176634e-19;   // C/mol, N_A e
} // namespace

IonDefaults builtin_ion_defaults(const std::string& ion) {
    if (ion == "na")
        return {10.0, 140.0, 50.0, 1};
    if (ion == "k")
        return {54.4, 2.5, -77.0, 1};
    if (ion == "ca")
        return {5e-5, 2.0, 132.4579341637009, 2}; // NEURON's DEF_eca
    return {1.0, 1.0, 0.0, 0};
}

double nernst(double ci, double co, int valence, double celsius) {
    if (ci <= 0)
        return 1e6;
    if (co <= 0)
        return -1e6;
    const double ktf = 1000.0 * gas_constant * (celsius + 273.15) / faraday;
    return ktf / valence * std::log(co / ci);
}

int32_t IonSpecies::slot_of(int32_t n) const {
    auto it = std::lower_bound(node.begin(), node.end(), n);
    if (it == node.end() || *it != n)
        return -1;
    return static_cast<int32_t>(it - node.begin());
}

void IonSpecies::allocate() {
    const std::size_t n = node.size();
    for (auto* v : {&current, &conductance})
        v->assign(n, 0.0);
    reversal.assign(n, defaults.reversal);
    internal.assign(n, defaults.internal);
    external.assign(n, defaults.external);
    init_internal.assign(n, defaults.internal);
    init_external.assign(n, defaults.external);
    init_reversal.assign(n, defaults.reversal);
}

void IonSpecies::initialize(double celsius) {
    internal = init_internal;
    external = init_external;
    std::fill(current.begin(), current.end(), 0.0);
    std::fill(conductance.begin(), conductance.end(), 0.0);
    if (nernst_at_init()) {
        for (std::size_t s = 0; s < node.size(); ++s)
            reversal[s] = nernst(internal[s], external[s], valence, celsius);
    } else {
        reversal = init_reversal;
    }
}

namespace {

// One pass over both accumulators, cloned per instruction set for the widest stores.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx512f", "avx2", "default")))
#endif
void clear_both(double* __restrict current, double* __restrict conductance, int32_t n) {
    for (int32_t s = 0; s < n; ++s) {
        current[s] = 0;
        conductance[s] = 0;
    }
}

} // namespace

void IonSpecies::begin_step(double celsius, int32_t begin, int32_t end) {
    if (end > begin)
        clear_both(current.data() + begin, conductance.data() + begin, end - begin);
    if (nernst_each_step())
        for (int32_t s = begin; s < end; ++s)
            reversal[s] = nernst(internal[s], external[s], valence, celsius);
}

} // namespace mech::detail
