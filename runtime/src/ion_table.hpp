// Ion species: per-node concentrations, reversal potentials and summed currents, with NEURON's
// defaults and its rules for when the reversal potential follows the Nernst equation.
#pragma once

#include "mech/model.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace mech::detail {

struct IonSpecies {
    std::string name;
    int valence = 0;
    IonDefaults defaults;
    bool concentration_read = false;    // some mechanism reads <ion>i or <ion>o
    bool concentration_written = false; // some mechanism writes <ion>i or <ion>o
    bool reversal_written = false;

    std::vector<int32_t> node;       // slot -> node (sorted)
    std::vector<double> current;     // i<ion>, mA/cm2
    std::vector<double> conductance; // di<ion>/dv, S/cm2
    std::vector<double> reversal;    // e<ion>, mV
    std::vector<double> internal;    // <ion>i, mM
    std::vector<double> external;    // <ion>o, mM
    // Values finitialize starts from (defaults, then user assignments).
    std::vector<double> init_internal, init_external, init_reversal;

    // NEURON (nrn_promote): reading or writing concentrations makes e<ion> computed at
    // initialisation; writing them makes it recomputed every step.
    bool nernst_at_init() const {
        return (concentration_read || concentration_written) && !reversal_written;
    }
    bool nernst_each_step() const { return concentration_written && !reversal_written; }
    int32_t slot_of(int32_t node) const; // -1 if the ion is absent there
    void allocate();                     // sizes the arrays from `node`, fills init values
    void initialize(double celsius);
    // Zero currents, update e<ion> if concentrations move; slots [begin, end).
    void begin_step(double celsius, int32_t begin, int32_t end);
};

// NEURON's defaults: na 10/140 mM, ena 50; k 54.4/2.5, ek -77; ca 5e-5/2, eca 132.4579...;
// any other ion 1/1 mM, 0 mV.
IonDefaults builtin_ion_defaults(const std::string& ion);
// Nernst potential (mV) with NEURON 8.2's constants.
double nernst(double ci, double co, int valence, double celsius);

} // namespace mech::detail
