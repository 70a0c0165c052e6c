// Owns every array a mech_instance_data points to, for tests and benchmarks that call
// compiled kernels directly (the runtime does this for real simulations).
#pragma once

#include <mech/mechanism_abi.h>

#include <random>
#include <vector>

namespace mech::testing {

struct SentEvent {
    int instance;
    double a; // delay (net_send) or time (net_event)
    double b; // flag (net_send)
    bool is_send;
};

class InstanceStore {
public:
    // `node_index[i]` places instance i; nodes are 0..n_nodes-1; every ion has one slot per node.
    InstanceStore(const mech_mechanism& mechanism, std::vector<mech_index_t> node_index,
                  int n_nodes);
    InstanceStore(const InstanceStore&) = delete;
    InstanceStore& operator=(const InstanceStore&) = delete;

    // Fields from their defaults, node arrays zero, v = -65, ion quantities plausible.
    void reset();
    // Every field, v, ion reversal and concentration, node area and diameter drawn from
    // plausible ranges.
    void randomise(std::mt19937_64& rng);

    mech_instance_data* data() { return &data_; }
    const mech_mechanism& mechanism() const { return *mechanism_; }

    std::vector<std::vector<mech_value_t>> fields;
    std::vector<mech_value_t> globals;
    std::vector<mech_index_t> node_index;
    std::vector<mech_value_t> v, rhs, d, scale;
    std::vector<mech_value_t> node_area, node_diam; // per node (um2, um)
    struct Ion {
        std::vector<mech_index_t> index;
        std::vector<mech_value_t> current, conductance, reversal, internal, external;
    };
    std::vector<Ion> ions;
    std::vector<SentEvent> events;

private:
    void wire();
    const mech_mechanism* mechanism_;
    std::vector<mech_value_t*> field_pointers_;
    std::vector<mech_ion_view> views_;
    mech_instance_data data_{};
};

} // namespace mech::testing
