// Structure-of-arrays storage and event recording behind one mech_instance_data.
#include "instance_store.hpp"

namespace mech::testing {

namespace {

void record_send(void* runtime, mech_index_t instance, mech_value_t delay, mech_value_t flag) {
    static_cast<std::vector<SentEvent>*>(runtime)->push_back({instance, delay, flag, true});
}
void record_event(void* runtime, mech_index_t instance, mech_value_t time) {
    static_cast<std::vector<SentEvent>*>(runtime)->push_back({instance, time, 0.0, false});
}

} // namespace

InstanceStore::InstanceStore(const mech_mechanism& mechanism, std::vector<mech_index_t> nodes,
                             int n_nodes)
    : node_index(std::move(nodes)), mechanism_(&mechanism) {
    const auto width = node_index.size();
    fields.assign(mechanism.n_fields, std::vector<mech_value_t>(width));
    globals.assign(mechanism.n_globals, 0.0);
    v.assign(n_nodes, 0.0);
    rhs.assign(n_nodes, 0.0);
    d.assign(n_nodes, 0.0);
    scale.assign(width, mechanism.kind == MECH_KIND_POINT ? 100.0 / 500.0 : 1.0);
    node_area.assign(n_nodes, 500.0); // a 10 um long segment of diam 5/pi um
    node_diam.assign(n_nodes, 5.0 / 3.141592653589793);
    ions.resize(mechanism.n_ions);
    for (auto& ion : ions) {
        ion.index = node_index; // one slot per node
        for (auto* a :
             {&ion.current, &ion.conductance, &ion.reversal, &ion.internal, &ion.external}) {
            a->assign(n_nodes, 0.0);
        }
    }
    wire();
    reset();
}

void InstanceStore::wire() {
    field_pointers_.clear();
    for (auto& f : fields) {
        field_pointers_.push_back(f.data());
    }
    views_.clear();
    for (auto& ion : ions) {
        views_.push_back({ion.index.data(), ion.current.data(), ion.conductance.data(),
                          ion.reversal.data(), ion.internal.data(), ion.external.data()});
    }
    data_.width = static_cast<mech_index_t>(node_index.size());
    data_.t = 0.0;
    data_.dt = 0.025;
    data_.celsius = 6.3;
    data_.node_index = node_index.data();
    data_.vec_v = v.data();
    data_.vec_rhs = rhs.data();
    data_.vec_d = d.data();
    data_.scale = scale.data();
    data_.field = field_pointers_.data();
    data_.global = globals.data();
    data_.ion = views_.data();
    data_.node_area = node_area.data();
    data_.node_diam = node_diam.data();
    data_.runtime = &events;
    data_.net_send = record_send;
    data_.net_event = record_event;
}

void InstanceStore::reset() {
    for (int k = 0; k < mechanism_->n_fields; ++k) {
        std::fill(fields[k].begin(), fields[k].end(), mechanism_->fields[k].default_value);
    }
    for (int k = 0; k < mechanism_->n_globals; ++k) {
        globals[k] = mechanism_->globals[k].default_value;
    }
    std::fill(v.begin(), v.end(), -65.0);
    std::fill(rhs.begin(), rhs.end(), 0.0);
    std::fill(d.begin(), d.end(), 0.0);
    for (auto& ion : ions) {
        std::fill(ion.current.begin(), ion.current.end(), 0.0);
        std::fill(ion.conductance.begin(), ion.conductance.end(), 0.0);
        std::fill(ion.reversal.begin(), ion.reversal.end(), 50.0);
        std::fill(ion.internal.begin(), ion.internal.end(), 1e-4);
        std::fill(ion.external.begin(), ion.external.end(), 2.0);
    }
    events.clear();
}

void InstanceStore::randomise(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int k = 0; k < mechanism_->n_fields; ++k) {
        const double base = mechanism_->fields[k].default_value;
        for (auto& x : fields[k]) {
            // States are fractions; everything else varies around its default (or 0..1).
            x = mechanism_->fields[k].role == MECH_FIELD_STATE ? unit(rng)
                : base != 0.0                                  ? base * (0.5 + unit(rng))
                                                               : unit(rng);
        }
    }
    for (auto& x : v) {
        x = -100.0 + 150.0 * unit(rng);
    }
    for (auto& x : scale) {
        x = mechanism_->kind == MECH_KIND_POINT ? 100.0 / (100.0 + 1000.0 * unit(rng)) : 1.0;
    }
    for (auto& ion : ions) {
        for (auto& x : ion.reversal) {
            x = -100.0 + 160.0 * unit(rng);
        }
        for (auto& x : ion.internal) {
            x = 1e-5 + 1e-3 * unit(rng);
        }
        for (auto& x : ion.external) {
            x = 1.0 + 2.0 * unit(rng);
        }
        for (auto& x : ion.current) {
            x = -1e-2 + 2e-2 * unit(rng);
        }
    }
    data_.dt = 0.01 + 0.1 * unit(rng);
    data_.celsius = 6.3 + 30.0 * unit(rng);
    data_.t = 100.0 * unit(rng);
    // Segments 0.2-20 um across and 1-100 um long (drawn last: earlier draws stay as they were).
    for (std::size_t n = 0; n < node_diam.size(); ++n) {
        node_diam[n] = 0.2 + 19.8 * unit(rng);
        node_area[n] = 3.141592653589793 * node_diam[n] * (1.0 + 99.0 * unit(rng));
    }
}

} // namespace mech::testing
