// Epochs: the partitions run several steps without meeting, as NEURON's and Arbor's parallel
// runs do. An event sent by one partition to another cannot be due before the shortest
// connection delay has passed, so each partition steps its own cells for up to that long,
// finding spikes and delivering its own queue's events; when the epoch ends the spikes found,
// in (sent, t, detector) order, are queued by the partitions that hold their targets, in
// parallel, at the start of the next. Each thread steps its range of partitions one after the
// other (ThreadBalance moves the ranges between epochs). Every partition sees the same times,
// operations and event order whatever the number of threads, so the results are those of a
// one-thread run.
#include "simulation_impl.hpp"

#include "mech/error.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace mech {

int64_t Simulation::Impl::epoch_steps() const {
    // Gap junctions read their partners' last voltages, and a column only the caller can sample
    // is read after every step: the partitions meet every step.
    if (!gaps.empty() || caller_records)
        return 1;
    double min_delay = std::numeric_limits<double>::infinity();
    for (const auto& con : connections)
        min_delay = std::min(min_delay, con.delay);
    // Nothing crosses partitions: the threads still meet now and then, so that their ranges of
    // partitions follow the CPUs' speeds (a meeting costs microseconds).
    if (!std::isfinite(min_delay))
        return max_epoch_steps;
    // A spike sent during step j has t > t_j - dt/2 (threshold crossings at t_j, net_event in
    // deliveries of events due after the previous step's t + dt/2), so its events are due
    // after t_j - dt/2 + min_delay; they are delivered from step j + n on when n*dt < min_delay.
    // (The 1e-6 keeps a delay of exactly 40 steps, 40 steps up to rounding, at 39.)
    const auto n = static_cast<int64_t>(std::ceil(min_delay / options.dt - 1e-6)) - 1;
    return std::clamp<int64_t>(n, 1, max_epoch_steps);
}

void Simulation::Impl::run_epoch(double t_end, int64_t max_steps) {
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = options.profile ? Clock::now() : Clock::time_point{};
    const double dt = options.dt;
    epoch_times.clear();
    double time = t;
    while (time < t_end - 0.5 * dt && static_cast<int64_t>(epoch_times.size()) < max_steps) {
        epoch_times.push_back(time);
        const double t_mid = time + 0.5 * dt; // NEURON builds t from two half steps
        time = t_mid + 0.5 * dt;
    }
    epoch_times.push_back(time);
    const auto n = static_cast<int32_t>(epoch_times.size()) - 1;
    gaps.snapshot(v.data()); // partner voltages v(t_n), read by every partition (one-step epochs)
    workers->run(epoch_job);

    const Clock::time_point stepped = options.profile ? Clock::now() : Clock::time_point{};
    double event_seconds = 0; // with profile: the longest any thread spent on events
    if (options.profile)
        for (int thread = 0; thread < balance.threads(); ++thread) {
            const auto [first, end] = balance.range(thread);
            double sum = 0;
            for (int32_t p = first; p < end; ++p)
                sum += partitions[p].event_seconds;
            event_seconds = std::max(event_seconds, sum);
        }
    // Ranges change at most every max_epoch_steps steps, from the times summed since: short
    // epochs (one step with gap junctions) would otherwise pay the rebalancing every step and
    // decide on times too short to measure.
    if (balance.threads() > 1) {
        for (std::size_t p = 0; p < partitions.size(); ++p)
            partition_seconds[p] += partitions[p].seconds;
        balance_steps += n;
        if (balance_steps >= max_epoch_steps) {
            balance.rebalance(partition_seconds);
            std::fill(partition_seconds.begin(), partition_seconds.end(), 0.0);
            balance_steps = 0;
        }
    }
    int32_t blown = -1;
    exchange.clear();
    for (auto& part : partitions) {
        if (part.blown_step >= 0 && (blown < 0 || part.blown_step < blown))
            blown = part.blown_step;
        stats.spikes += part.spikes;
        stats.events_delivered += part.events_delivered;
        exchange.insert(exchange.end(), part.found.begin(), part.found.end());
        part.found.clear();
    }
    // By the moment sent, time and detector (one detector's spikes all come from one
    // partition, in the order found): each moment's events are then pushed together.
    std::stable_sort(exchange.begin(), exchange.end(),
                     [](const FoundSpike& a, const FoundSpike& b) {
                         if (a.sent != b.sent)
                             return a.sent < b.sent;
                         return a.t != b.t ? a.t < b.t : a.detector < b.detector;
                     });
    for (const auto& part : partitions)
        if (part.events.overflowed())
            throw Error("more than 67 million events were sent at one moment to the cells of "
                        "one thread, beyond what the event queue can keep in order; split the "
                        "model over more threads");
    // A blow-up stops the run at the first step that had one.
    if (blown >= 0) {
        t = epoch_times[blown + 1];
        for (const auto& part : partitions)
            if (part.blown_step == blown)
                for (int32_t i = part.node_begin; i < part.node_end; ++i)
                    if (!std::isfinite(v[i]))
                        report_blow_up(static_cast<std::size_t>(i));
    }
    t = epoch_times[n];
    if (caller_records) { // one-step epochs: every column here
        if ((steps + 1) % options.sample_every == 0)
            record_sample();
    } else { // the partitions sampled theirs; t is the epoch's
        for (int32_t k = 1; k <= n; ++k)
            if ((steps + k) % options.sample_every == 0)
                samples[0].push_back(epoch_times[k]);
    }
    steps += n;
    stats.steps += n;
    if (options.profile) {
        const Clock::time_point end = Clock::now();
        stats.event_seconds += event_seconds + std::chrono::duration<double>(end - stepped).count();
        stats.step_seconds += std::chrono::duration<double>(end - start).count();
    }
}

void Simulation::Impl::partition_epoch(Partition& part) {
    using Clock = std::chrono::steady_clock;
    Clock::time_point mark = options.profile ? Clock::now() : Clock::time_point{};
    part.spikes = 0;
    part.events_delivered = 0;
    part.blown_step = -1;
    part.event_seconds = 0;
    // The last epoch's spikes, to the targets here.
    for (const FoundSpike& spike : exchange) {
        const auto d = static_cast<std::size_t>(spike.detector);
        for (int32_t k = part.target_begin[d]; k < part.target_begin[d + 1]; ++k) {
            const Connection& con = connections[static_cast<std::size_t>(part.targets[k])];
            part.events.push(
                detail::Event{spike.t + con.delay, 0, con.store, con.instance, 0.0, con.weight},
                spike.sent);
        }
    }
    const double dt = options.dt;
    const auto n = static_cast<int32_t>(epoch_times.size()) - 1;
    for (int32_t k = 0; k < n; ++k) {
        const double time = epoch_times[k];
        part.step = steps + k;
        threshold_checks.test(part.checks, [&](int32_t detector) {
            emit_spike(part, detector, time, sent_by_detection(part.step));
        });
        deliver_events(part, time + 0.5 * dt);
        if (options.profile) {
            const Clock::time_point now = Clock::now();
            part.event_seconds += std::chrono::duration<double>(now - mark).count();
        }
        const double t_mid = time + 0.5 * dt;
        partition_step(part, t_mid, t_mid + 0.5 * dt);
        if (!part.finite) {
            part.blown_step = k;
            return;
        }
        if ((steps + k + 1) % options.sample_every == 0)
            for (int32_t c : part.columns)
                samples[static_cast<std::size_t>(c)].push_back(
                    *sources[static_cast<std::size_t>(c)]);
        if (options.profile)
            mark = Clock::now();
    }
}

} // namespace mech
