// Owns every array a mech_instance_data points to, sized for one ir::Mechanism: lets tests
// (evaluator, JIT) run kernels without the runtime.
#pragma once

#include "ir/mechanism.hpp"
#include "mech/mechanism_abi.h"

#include <vector>

namespace mech::eval {

/// `width` instances on `width` nodes (instance i on node i, ion slot i). Fields start at their
/// defaults, globals at theirs, v at -65 mV, scale at 1, every node a segment of diam 1 um and
/// area 100*pi um2 (L 100 um), ions at NEURON's defaults for na/k/ca (other ions 0). `data` is ready to pass to kernels; do not copy the storage after use.
class InstanceStorage {
public:
    InstanceStorage(const ir::Mechanism& mechanism, int width);
    InstanceStorage(const InstanceStorage&) = delete;
    InstanceStorage& operator=(const InstanceStorage&) = delete;

    mech_instance_data data{};

    double& field(int k, int i) { return fields_[k][i]; }
    double& v(int i) { return v_[i]; }
    double& rhs(int i) { return rhs_[i]; }
    double& d(int i) { return d_[i]; }
    double& node_area(int i) { return area_[i]; }
    double& node_diam(int i) { return diam_[i]; }
    double& global(int k) { return globals_[k]; }
    /// Ion j's quantity at instance i.
    double& ion(int j, ir::IonQuantity q, int i);
    /// Zeroes vec_rhs, vec_d and the ion current/conductance accumulators.
    void clear_accumulators();

private:
    std::vector<std::vector<double>> fields_;
    std::vector<double*> field_ptrs_;
    std::vector<double> globals_, v_, rhs_, d_, scale_, area_, diam_;
    std::vector<mech_index_t> index_;
    struct IonArrays {
        std::vector<double> current, conductance, reversal, internal, external;
    };
    std::vector<IonArrays> ion_arrays_;
    std::vector<mech_ion_view> views_;
};

} // namespace mech::eval
