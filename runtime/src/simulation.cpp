// The time loop: NEURON's finitialize and fixed step (nrn_fixed_step_thread +
// nrn_fixed_step_lastpart) over the arrays simulation_setup.cpp prepared. See docs/numerics.md.
#include "simulation_impl.hpp"

#include "hines_solver.hpp"
#include "mech/error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace mech {

namespace {

// A kernel's callbacks act on the events of the partition that runs it (its own thread's);
// a call through a whole store's block (INITIAL, NET_RECEIVE's INITIAL: before any thread
// runs) on those of the instance's partition.
Simulation::Impl::Partition& partition_of(const Simulation::Impl::CallbackContext& ctx,
                                          int32_t target) {
    return ctx.part != nullptr ? *ctx.part : ctx.sim->owner(ctx.store, target);
}
int64_t sent_now(const Simulation::Impl::CallbackContext& ctx) {
    return ctx.part != nullptr ? Simulation::Impl::sent_during(ctx.part->step)
                               : Simulation::Impl::sent_by_caller(ctx.sim->steps);
}
int64_t spike_sent_now(const Simulation::Impl::CallbackContext& ctx) {
    return ctx.part != nullptr ? Simulation::Impl::sent_by_delivery_spike(ctx.part->step)
                               : Simulation::Impl::sent_by_caller(ctx.sim->steps);
}

void net_send_callback(void* runtime, mech_index_t instance, mech_value_t delay,
                       mech_value_t flag) {
    const auto& ctx = *static_cast<Simulation::Impl::CallbackContext*>(runtime);
    const int32_t target = ctx.offset + instance;
    auto& part = partition_of(ctx, target);
    const detail::Event e{ctx.data->t + delay, 0, ctx.store, target, flag, part.delivering_weight};
    const uint64_t sequence = part.events.push(e, sent_now(ctx));
    part.pending_self_events[Simulation::Impl::instance_key(ctx.store, target)] = {sequence, flag,
                                                                                   e.weight};
}

// NEURON's net_move(t): the instance's latest self-event, if still pending, now arrives at
// `time` with its flag and weight unchanged. Without one there is nothing to move.
void net_move_callback(void* runtime, mech_index_t instance, mech_value_t time) {
    const auto& ctx = *static_cast<Simulation::Impl::CallbackContext*>(runtime);
    const int32_t target = ctx.offset + instance;
    auto& part = partition_of(ctx, target);
    const auto it =
        part.pending_self_events.find(Simulation::Impl::instance_key(ctx.store, target));
    if (it == part.pending_self_events.end())
        return;
    part.cancelled_events.insert(it->second.sequence);
    it->second.sequence = part.events.push(
        detail::Event{time, 0, ctx.store, target, it->second.flag, it->second.weight},
        sent_now(ctx));
}

void net_event_callback(void* runtime, mech_index_t instance, mech_value_t time) {
    const auto& ctx = *static_cast<Simulation::Impl::CallbackContext*>(runtime);
    const int32_t target = ctx.offset + instance;
    const int32_t det = ctx.sim->source_detector[ctx.store][target];
    if (det >= 0)
        ctx.sim->emit_spike(partition_of(ctx, target), det, time, spike_sent_now(ctx));
}

} // namespace

Simulation::Simulation(const Model& model, const Catalogue& catalogue, SimOptions options)
    : impl_(std::make_unique<Impl>()) {
    if (!(options.dt > 0) || !std::isfinite(options.dt))
        throw Error(fmt::format("SimOptions: dt must be positive (got {} ms)", options.dt));
    if (!(options.tstop >= 0) || !std::isfinite(options.tstop))
        throw Error(fmt::format("SimOptions: tstop must be >= 0 (got {} ms)", options.tstop));
    if (options.sample_every < 1)
        throw Error(
            fmt::format("SimOptions: sample_every must be >= 1 (got {})", options.sample_every));
    if (!std::isfinite(options.celsius) || !std::isfinite(options.v_init))
        throw Error("SimOptions: celsius and v_init must be finite");
    if (options.threads < 1)
        throw Error(fmt::format("SimOptions: threads must be >= 1 (got {})", options.threads));
    impl_->options = options;
    impl_->setup(model, catalogue);
    for (auto& store : impl_->stores) {
        store.data.net_send = net_send_callback;
        store.data.net_event = net_event_callback;
        store.data.net_move = net_move_callback;
    }
    impl_->build_partitions();
}

Simulation::~Simulation() = default;
Simulation::Simulation(Simulation&&) noexcept = default;
Simulation& Simulation::operator=(Simulation&&) noexcept = default;

void Simulation::Impl::setup_tree_matrix(double time) {
    for (auto& part : partitions)
        partition_currents(part, time);
}

void Simulation::Impl::deliver_events(Partition& part, double t_limit) {
    while (part.events.due(t_limit)) {
        const detail::Event e = part.events.pop();
        if (e.store == generator_store) {
            const auto k = static_cast<std::size_t>(e.instance);
            emit_spike(part, generators.detector(k), e.t, sent_by_delivery_spike(part.step));
            if (const auto next = generators.next(k, e.t))
                part.events.push(detail::Event{*next, 0, generator_store, e.instance, 0.0, 0},
                                 sent_during(part.step));
            continue;
        }
        if (!part.cancelled_events.empty() && part.cancelled_events.erase(e.sequence))
            continue; // moved by net_move: its new copy is in the queue
        if (!part.pending_self_events.empty()) {
            const auto self = part.pending_self_events.find(instance_key(e.store, e.instance));
            if (self != part.pending_self_events.end() && self->second.sequence == e.sequence)
                part.pending_self_events.erase(self); // delivered: no longer movable
        }
        ++part.events_delivered;
        const auto& store = stores[e.store];
        if (!store.mech->net_receive)
            continue;
        mech_instance_data& data = part.data[e.store];
        const double saved = data.t;
        data.t = e.t;
        part.delivering_weight = e.weight;
        store.mech->net_receive(&data, e.instance - part.contexts[e.store].offset,
                                event_weights.data() + e.weight, e.flag);
        part.delivering_weight = 0;
        data.t = saved;
    }
}

void Simulation::Impl::emit_spike(Partition& part, int32_t index, double time, int64_t sent) {
    detectors[index].times.push_back(time);
    ++part.spikes;
    part.found.push_back(FoundSpike{time, index, sent});
}

void Simulation::Impl::record_sample() {
    for (std::size_t c = 0; c < sources.size(); ++c)
        samples[c].push_back(*sources[c]);
}

void Simulation::Impl::report_blow_up(std::size_t node) const {
    const int s = layout.section_of[node];
    const auto& nodes = layout.sections[s];
    double x = 0;
    if (static_cast<int32_t>(node) == nodes.end1)
        x = 1;
    else if (static_cast<int32_t>(node) >= nodes.first)
        x = ((static_cast<int32_t>(node) - nodes.first) / nodes.stride + 0.5) / nodes.nseg;
    std::string mechanisms;
    for (const auto& store : stores)
        for (int32_t n : store.node)
            if (n == static_cast<int32_t>(node)) {
                mechanisms += (mechanisms.empty() ? "" : ", ") + std::string(store.mech->name);
                break;
            }
    throw Error(fmt::format("the membrane potential became {} at t = {} ms in section '{}' "
                            "(node at x = {:.4g}); mechanisms there: {}. Try a smaller dt or "
                            "check the mechanisms' parameters",
                            v[node], t, section_names[s], x,
                            mechanisms.empty() ? "none" : mechanisms));
}

void Simulation::initialize() {
    Impl& s = *impl_;
    s.t = 0;
    s.steps = 0;
    std::fill(s.v.begin(), s.v.end(), s.options.v_init);
    for (auto& ion : s.ions)
        ion.initialize(s.options.celsius);
    s.stimuli.initialize(s.v.data());
    for (auto& part : s.partitions) {
        part.events.clear();
        part.pending_self_events.clear();
        part.cancelled_events.clear();
        part.found.clear();
        part.step = 0;
    }
    s.exchange.clear();
    for (auto& det : s.detectors)
        det.times.clear();
    s.threshold_checks.reset(s.options.v_init);
    for (const auto& e : s.pending_events) // queued before the first initialize: every run
        s.queue(e);
    for (std::size_t k = 0; k < s.generators.size(); ++k)
        if (const auto first = s.generators.first(k))
            s.queue(
                detail::Event{*first, 0, Impl::generator_store, static_cast<int32_t>(k), 0.0, 0});
    s.stats = RunStats{};
    s.initialized = true;
    for (std::size_t k = 0; k < s.stores.size(); ++k) {
        auto& store = s.stores[k];
        store.values = s.initial_values[k];
        store.data.t = 0;
        if (store.mech->init && store.data.width > 0)
            store.mech->init(&store.data);
    }
    // NET_RECEIVE's INITIAL block, once per connection.
    for (const auto& con : s.connections) {
        auto& store = s.stores[con.store];
        if (store.mech->net_receive_init)
            store.mech->net_receive_init(&store.data, con.instance,
                                         s.event_weights.data() + con.weight);
    }
    // The first current evaluation fills the assigned currents of the t = 0 sample.
    s.gaps.snapshot(s.v.data());
    // Between steps rhs and d are zero (the step's voltage update clears them); a run stopped
    // by an error may have left anything there.
    std::fill(s.rhs.begin(), s.rhs.end(), 0.0);
    std::fill(s.d.begin(), s.d.end(), 0.0);
    s.setup_tree_matrix(0.0);
    std::fill(s.rhs.begin(), s.rhs.end(), 0.0);
    std::fill(s.d.begin(), s.d.end(), 0.0);
    for (auto& c : s.samples)
        c.clear();
    const auto expected =
        static_cast<std::size_t>(s.options.tstop / s.options.dt / s.options.sample_every + 2);
    for (auto& c : s.samples)
        c.reserve(expected);
    s.record_sample();
}

void Simulation::step() {
    if (!impl_->initialized)
        initialize();
    impl_->run_epoch(impl_->t + impl_->options.dt, 1);
}

void Simulation::advance_to(double t_end) {
    if (!impl_->initialized)
        initialize();
    Impl& s = *impl_;
    const int64_t epoch = s.epoch_steps();
    while (s.t < t_end - 0.5 * s.options.dt)
        s.run_epoch(t_end, epoch);
}

void Simulation::run() {
    initialize();
    advance_to(impl_->options.tstop);
}

double Simulation::time() const {
    return impl_->t;
}
const SimOptions& Simulation::options() const {
    return impl_->options;
}
const RunStats& Simulation::stats() const {
    return impl_->stats;
}
std::size_t Simulation::node_count() const {
    return impl_->v.size() - static_cast<std::size_t>(impl_->layout.gap_nodes);
}

std::span<const double> Simulation::trace(std::string_view column) const {
    const auto& cols = impl_->columns;
    auto it = std::find(cols.begin(), cols.end(), column);
    if (it == cols.end()) {
        std::string known;
        for (const auto& c : cols)
            known += (known.empty() ? "" : ", ") + c;
        throw Error(fmt::format("no recorded column '{}' (recorded: {})", column, known));
    }
    return impl_->samples[static_cast<std::size_t>(it - cols.begin())];
}

std::vector<std::string> Simulation::column_names() const {
    return impl_->columns;
}

std::span<const double> Simulation::spikes(std::string_view detector) const {
    for (const auto& det : impl_->detectors)
        if (det.name == detector)
            return det.times;
    throw Error(fmt::format("no spike detector named '{}'", detector));
}

void Simulation::queue_event(PointProcessId target, double t, std::span<const double> weight) {
    Impl& s = *impl_;
    if (target.index < 0 || target.index >= static_cast<int32_t>(s.point_instance.size()))
        throw Error(fmt::format("queue_event: invalid point process handle {}", target.index));
    if (!(t >= 0) || (s.initialized && t < s.t))
        throw Error(fmt::format("queue_event: time {} ms is in the past (t = {} ms)", t, s.t));
    const auto [store, instance] = s.point_instance[target.index];
    const int64_t offset = s.store_weight(store, weight, "queue_event");
    detail::Event e{t, 0, store, instance, 0.0, offset};
    if (s.initialized)
        s.queue(e);
    else
        s.pending_events.push_back(e);
}

} // namespace mech
