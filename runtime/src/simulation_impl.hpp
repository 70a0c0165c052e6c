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
#include "thread_balance.hpp"
#include "threshold_checks.hpp"
#include "tree_layout.hpp"
#include "workers.hpp"

#include "mech/simulation.hpp"

#include <array>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace mech {

struct Simulation::Impl {
    // What the kernels' callbacks get back as `runtime`: which simulation and which store.
    struct Partition;
    struct CallbackContext {
        Impl* sim = nullptr;
        int32_t store = 0;
        int32_t offset = 0;                       // first instance of the calling block
        const mech_instance_data* data = nullptr; // the calling block (for its t)
        Partition* part = nullptr; // whose events these are; nullptr: the whole store's block
    };

    // net_move support: each instance's latest self-event still in the queue, by
    // (store << 32 | instance); a moved event is re-sent and its old copy skipped on delivery.
    struct SelfEvent {
        uint64_t sequence = 0;
        double flag = 0;
        int64_t weight = 0;
    };
    // A spike found during an epoch, sent along its connections when the epoch ends; `sent`
    // (below) is when its events count as sent.
    struct FoundSpike {
        double t = 0;
        int32_t detector = 0;
        int64_t sent = 0;
    };
    // When an event was sent (EventQueue::push: the order of ties at equal times), numbered as
    // NEURON's serial run sends them: before step j the caller queues (queue_event, initialize);
    // then come the events of the spikes found at t_j by threshold detection, the self-events
    // of step j's deliveries and WATCH tests, and the events of spikes found in those
    // deliveries (net_event, built-in sources). Threads queue a spike's events only when the
    // epoch ends, but ties are delivered in this order on any number of threads, however the
    // run is cut into epochs.
    static int64_t sent_by_caller(int64_t step) { return 4 * step; }
    static int64_t sent_by_detection(int64_t step) { return 4 * step + 1; }
    static int64_t sent_during(int64_t step) { return 4 * step + 2; }
    static int64_t sent_by_delivery_spike(int64_t step) { return 4 * step + 3; }

    // A set of whole cells stepped by one thread at a time (a thread steps a range of them,
    // ThreadBalance): node range, and per mechanism store a kernel argument block whose
    // pointers are offset to the store's instances on those nodes. Cache-line aligned: each
    // thread writes its own partitions (finite, kernel t) every step.
    struct alignas(64) Partition {
        int32_t node_begin = 0, node_end = 0;
        std::vector<mech_instance_data> data;               // per store
        std::vector<std::vector<double*>> fields;           // per store
        std::vector<std::vector<mech_ion_view>> ion;        // per store
        std::vector<CallbackContext> contexts;              // per store
        std::vector<std::pair<int32_t, int32_t>> ion_slots; // per ion species: [begin, end)
        std::vector<detail::Stimuli::IClampRun> iclamps;    // IClamps on these nodes (alone there)
        std::vector<int32_t> stimuli;                       // the other stimuli on these nodes
        detail::CableStepPlan cable;   // matrix set-up, tree solve, v update of these cells
        std::vector<int32_t> gap_ends; // gap-junction ends on these nodes
        bool finite = true;            // v stayed finite in the last step
        std::vector<detail::ThresholdChecks::Run> checks; // spike detectors on these nodes
        std::vector<int32_t> columns; // recorded columns whose values these cells write

        // Events (epochs.cpp). The pending events of the instances here (in partition 0 also
        // those of artificial cells and built-in spike sources), with net_move's bookkeeping:
        // only this partition's thread touches them.
        detail::EventQueue events;
        std::unordered_map<uint64_t, SelfEvent> pending_self_events;
        std::unordered_set<uint64_t> cancelled_events;
        int64_t delivering_weight = 0; // weight of the event being delivered (0: none)
        int64_t step = 0;              // the step being run (events sent now: sent_during)
        // Connections from detector d to instances here: targets[target_begin[d] ..
        // target_begin[d + 1]).
        std::vector<int32_t> target_begin, targets;
        // What the last epoch found and did: spikes (sent on when it ends), counts, the first
        // step whose v was not finite (-1: none), seconds spent on events (with profile).
        std::vector<FoundSpike> found;
        int64_t spikes = 0, events_delivered = 0;
        int32_t blown_step = -1;
        double event_seconds = 0;
        double seconds = 0; // wall time of the last epoch (measured with more than one thread)
    };

    SimOptions options;
    detail::TreeLayout layout;
    std::vector<std::string> section_names;

    detail::AlignedVector<double> v, rhs, d;
    detail::AlignedVector<double> cm;   // uF/cm2 per node (0 where there is no membrane)
    detail::AlignedVector<double> diam; // um per node (mech_instance_data.node_diam)
    detail::AlignedVector<double> cap;  // cm*1e-3/dt per node (S/cm2 per mV of step)

    std::vector<detail::MechanismStore> stores;
    // Per store, what initialize() restores.
    std::vector<detail::AlignedVector<double>> initial_values;
    std::vector<CallbackContext> contexts; // per store
    std::vector<detail::IonSpecies> ions;
    detail::Stimuli stimuli;
    std::vector<std::pair<int32_t, int32_t>> point_instance; // point process -> (store, instance)

    detail::SpikeGenerators generators; // NetStim / VecStim sources
    detail::GapJunctions gaps;
    // Events with this store are a built-in source's next spike (instance = generator index).
    static constexpr int32_t generator_store = -1;

    // Weight vectors of connections and queued events, for the life of the simulation
    // (NET_RECEIVE may modify them). Offset 0 is a zero vector, for self-events sent outside
    // NET_RECEIVE.
    std::vector<double> event_weights;
    std::vector<detail::Event> pending_events; // queued before the first initialize(): every run
    // The spikes of the last epoch, in (sent, t, detector) order, not yet sent along their
    // connections: each partition queues the events of its own targets when the next begins.
    std::vector<FoundSpike> exchange;
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
    // (SpikeDetector is large and cold); built by build_partitions, each partition
    // testing its own runs of them.
    detail::ThresholdChecks threshold_checks;
    std::vector<std::vector<int32_t>> source_detector; // per store, per instance: detector or -1
    std::array<double, 1> dummy_v{}, dummy_rhs{}, dummy_d{}; // the node artificial cells see

    std::vector<std::string> columns;   // "t" first
    std::vector<const double*> sources; // what each column samples
    std::vector<std::vector<double>> samples;

    std::vector<std::pair<std::size_t, std::size_t>> cell_ranges; // per partition: cells
    std::vector<Partition> partitions;
    std::unique_ptr<detail::Workers> workers;
    detail::ThreadBalance balance;         // which partitions each thread steps
    std::vector<double> partition_seconds; // summed over the epochs since the last rebalance
    int64_t balance_steps = 0;             // steps in those epochs
    // The epoch the workers are running: the start times of its steps and one past the last,
    // and the job (made once: the step loop allocates nothing).
    std::vector<double> epoch_times;
    std::function<void(int)> epoch_job;
    bool caller_records = false; // some column is sampled by the caller after every step

    RunStats stats; // since the last initialize()

    double t = 0;
    int64_t steps = 0;
    bool initialized = false;

    void setup(const Model& model, const Catalogue& catalogue); // simulation_setup.cpp
    void wire(const Model& model); // simulation_wiring.cpp: stimuli, probes, detectors, connections
    // partitions.cpp: how the cells are grouped into partitions (before interleave_cells),
    // then the partitions' kernel argument blocks and cable step plans.
    void split_cells(int threads);
    static constexpr std::size_t partitions_per_thread = 8; // at most, when cells are many
    void build_partitions();
    void build_event_routes(); // each partition's connections, by detector
    void assign_columns();     // which partition samples which recorded column
    void setup_tree_matrix(double time);
    void partition_currents(Partition& part, double time);
    void partition_step(Partition& part, double t_mid, double t_new);
    // epochs.cpp: how many steps the partitions can run without meeting, an epoch of up to
    // that many steps, and one partition's share of it.
    int64_t epoch_steps() const;
    static constexpr int64_t max_epoch_steps = 400;
    void run_epoch(double t_end, int64_t max_steps);
    void partition_epoch(Partition& part);
    void deliver_events(Partition& part, double t_limit);
    // The partition that steps instance `instance` of store `store` (events go to its queue).
    Partition& owner(int32_t store, int32_t instance);
    // An event from the caller (between steps).
    void queue(const detail::Event& e) {
        owner(e.store, e.instance).events.push(e, sent_by_caller(steps));
    }
    // Appends a zero-padded copy of `weight` to the event weights; returns its offset.
    int64_t store_weight(int32_t store, std::span<const double> weight, const std::string& where);
    // A spike of detector `det` at time t, found by `part`: recorded, and sent along its
    // connections when the epoch ends (counting as sent at `sent`).
    void emit_spike(Partition& part, int32_t det, double t, int64_t sent);
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
