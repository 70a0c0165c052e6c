// The state of one Simulation: node arrays in solver order, mechanism stores, ions, stimuli,
// events and recorded columns. Set up by simulation_setup.cpp, stepped by simulation.cpp.
#pragma once

#include "aligned_vector.hpp"
#include "cable_step.hpp"
#include "event_queue.hpp"
#include "gap_junctions.hpp"
#include "ion_table.hpp"
#include "mechanism_store.hpp"
#include "spike_generators.hpp"
#include "stimuli.hpp"
#include "threshold_checks.hpp"
#include "tree_layout.hpp"
#include "workers.hpp"

#include "mech/simulation.hpp"

#include <array>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace mech {

struct Simulation::Impl {
    // What the kernels' callbacks get back as `runtime`: which simulation and which store.
    struct CallbackContext {
        Impl* sim = nullptr;
        int32_t store = 0;
        int32_t offset = 0;                       // first instance of the calling block
        const mech_instance_data* data = nullptr; // the calling block (for its t)
    };

    // A set of whole cells stepped by one thread: node range, and per mechanism store a kernel
    // argument block whose pointers are offset to the store's instances on those nodes.
    // Cache-line aligned: each thread writes its own partition (finite, kernel t) every step.
    struct alignas(64) Partition {
        int32_t node_begin = 0, node_end = 0;
        std::vector<mech_instance_data> data;               // per store
        std::vector<std::vector<double*>> fields;           // per store
        std::vector<std::vector<mech_ion_view>> ion;        // per store
        std::vector<CallbackContext> contexts;              // per store
        std::vector<std::pair<int32_t, int32_t>> ion_slots; // per ion species: [begin, end)
        std::vector<detail::Stimuli::IClampRun> iclamps; // IClamps on these nodes (alone there)
        std::vector<int32_t> stimuli;  // the other stimuli on these nodes
        detail::CableStepPlan cable;   // matrix set-up, tree solve, v update of these cells
        std::vector<int32_t> gap_ends; // gap-junction ends on these nodes
        bool finite = true;            // v stayed finite in the last step
        // Chunked stepping (chunked_steps.cpp): the threshold checks on these nodes, the spikes
        // they found, and the first step of the chunk whose v was not finite (-1: none).
        std::vector<detail::ThresholdChecks::Run> checks;
        int64_t spikes = 0;
        int32_t blown_step = -1;
    };

    SimOptions options;
    detail::TreeLayout layout;
    std::vector<std::string> section_names;

    detail::AlignedVector<double> v, rhs, d;
    detail::AlignedVector<double> cm;   // uF/cm2 per node (0 where there is no membrane)
    detail::AlignedVector<double> diam; // um per node (mech_instance_data.node_diam)
    detail::AlignedVector<double> cap;  // cm*1e-3/dt per node (S/cm2 per mV of step)

    std::vector<detail::MechanismStore> stores;
    std::vector<detail::AlignedVector<double>> initial_values; // per store, what initialize() restores
    std::vector<CallbackContext> contexts;           // per store
    std::vector<detail::IonSpecies> ions;
    detail::Stimuli stimuli;
    std::vector<std::pair<int32_t, int32_t>> point_instance; // point process -> (store, instance)

    detail::SpikeGenerators generators; // NetStim / VecStim sources
    detail::GapJunctions gaps;
    // Events with this store are a built-in source's next spike (instance = generator index).
    static constexpr int32_t generator_store = -1;

    detail::EventQueue events;
    std::vector<detail::Event> pending_events; // queued before the first initialize(): every run
    int64_t delivering_weight = -1;            // weight of the event being delivered

    // net_move support: each instance's latest self-event still in the queue, by
    // (store << 32 | instance); a moved event is re-sent and its old copy skipped on delivery.
    struct SelfEvent {
        uint64_t sequence = 0;
        double flag = 0;
        int64_t weight = 0;
    };
    std::unordered_map<uint64_t, SelfEvent> pending_self_events;
    std::unordered_set<uint64_t> cancelled_events;
    static uint64_t instance_key(int32_t store, int32_t instance) {
        return (static_cast<uint64_t>(static_cast<uint32_t>(store)) << 32) |
               static_cast<uint32_t>(instance);
    }

    struct SpikeDetector {
        std::string name;
        const double* v = nullptr; // nullptr: fed by net_event
        double threshold = 0;
        std::vector<double> times;
        std::vector<int32_t> targets; // indices into connections
    };
    struct Connection {
        int32_t store = 0;
        int32_t instance = 0;
        int64_t weight = 0; // offset into events.weights
        double delay = 0;
    };
    std::vector<Connection> connections;
    std::vector<SpikeDetector> detectors;
    // The detectors that watch a voltage, in detector order, for the per-step test
    // (SpikeDetector is large and cold); built by build_partitions, with the runs of all.
    detail::ThresholdChecks threshold_checks;
    std::vector<detail::ThresholdChecks::Run> check_runs;
    std::vector<std::vector<int32_t>> source_detector; // per store, per instance: detector or -1
    std::array<double, 1> dummy_v{}, dummy_rhs{}, dummy_d{}; // the node artificial cells see

    std::vector<std::string> columns;   // "t" first
    std::vector<const double*> sources; // what each column samples
    std::vector<std::vector<double>> samples;

    std::vector<std::pair<std::size_t, std::size_t>> cell_ranges; // per partition: cells
    std::vector<Partition> partitions;
    std::unique_ptr<detail::Workers> workers;
    std::mutex callback_mutex;             // kernels may send events from several threads
    double step_t_mid = 0, step_t_new = 0; // the step the workers are running
    std::function<void(int)> step_job;     // made once: the step loop allocates nothing
    // Chunked stepping: the start times of the chunk's steps and one past the last, the job.
    std::vector<double> chunk_times;
    std::function<void(int)> chunk_job;

    RunStats stats; // since the last initialize()

    double t = 0;
    int64_t steps = 0;
    bool initialized = false;

    void setup(const Model& model, const Catalogue& catalogue); // simulation_setup.cpp
    void wire(const Model& model); // simulation_wiring.cpp: stimuli, probes, detectors, connections
    // partitions.cpp: which cells each thread steps (before interleave_cells), then the
    // partitions' kernel argument blocks and cable step plans.
    void split_cells(int threads);
    void build_partitions();
    void setup_tree_matrix(double time);
    void partition_currents(Partition& part, double time);
    void partition_step(Partition& part, double t_mid, double t_new);
    // chunked_steps.cpp: whether the partitions need no step-by-step exchange (no events,
    // connections, gap junctions or other recorded columns), and several steps at once if so.
    bool partitions_independent() const;
    void advance_chunk(double t_end);
    void partition_chunk(Partition& part);
    void deliver_events(double t_limit);
    // Appends a zero-padded copy of `weight` to the event weights; returns its offset.
    int64_t store_weight(int32_t store, std::span<const double> weight, const std::string& where);
    void detect_spikes();
    // A spike of detector `det` at time t: recorded and sent along its connections.
    void emit_spike(int32_t det, double t);
    void record_sample();
    [[noreturn]] void report_blow_up(std::size_t node) const;
    // Address of a quantity at (section, x), for probes and value(); throws if unknown there.
    const double* location_variable(int section, double x, std::string_view name) const;
    // Where a density field lives: (store, field, instance), or store = -1 if `name` is none.
    struct FieldRef {
        int32_t store = -1;
        int field = -1;
        int32_t instance = -1;
    };
    FieldRef density_field(int section, double x, std::string_view name) const;
};

} // namespace mech
