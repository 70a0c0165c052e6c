// Several steps per synchronisation of the thread team. When nothing crosses partitions during a
// step (no events, connections or gap junctions, nothing recorded but t), each thread steps its
// own cells to the end of the run, detecting its own spikes, and the team meets once per chunk
// instead of once per step. Every partition sees the same times and the same operations as in
// step(), so the results are those of step-by-step runs, on any number of threads.
#include "simulation_impl.hpp"

#include <algorithm>
#include <cmath>

namespace mech {

bool Simulation::Impl::partitions_independent() const {
    if (partitions.size() < 2 || options.profile || sources.size() > 1 || !connections.empty() ||
        !gaps.empty() || generators.size() != 0 || events.size() != 0)
        return false;
    for (const auto& store : stores)
        if (store.mech->net_receive || store.mech->check_watch ||
            store.mech->kind == MECH_KIND_ARTIFICIAL)
            return false;
    // Every voltage detector must watch a node (a partition's own).
    std::size_t checks = 0;
    for (const auto& part : partitions)
        for (const auto& run : part.checks)
            checks += static_cast<std::size_t>(run.count);
    return checks == threshold_checks.size();
}

void Simulation::Impl::partition_chunk(Partition& part) {
    const auto n = static_cast<int32_t>(chunk_times.size()) - 1;
    const double dt = options.dt;
    part.spikes = 0;
    part.blown_step = -1;
    for (int32_t k = 0; k < n; ++k) {
        const double time = chunk_times[k];
        threshold_checks.test(part.checks, [&](int32_t detector) { // detect_spikes, here
            detectors[detector].times.push_back(time);
            ++part.spikes;
        });
        const double t_mid = time + 0.5 * dt; // as step(): two half steps
        partition_step(part, t_mid, t_mid + 0.5 * dt);
        if (!part.finite) {
            part.blown_step = k;
            return;
        }
    }
}

void Simulation::Impl::advance_chunk(double t_end) {
    // The steps up to t_end. Only t is recorded (partitions_independent), and its samples are
    // the chunk's times, written afterwards.
    const double dt = options.dt;
    chunk_times.clear();
    double time = t;
    while (time < t_end - 0.5 * dt) {
        chunk_times.push_back(time);
        const double t_mid = time + 0.5 * dt;
        time = t_mid + 0.5 * dt;
    }
    chunk_times.push_back(time);
    workers->run(chunk_job);
    const auto n = static_cast<int32_t>(chunk_times.size()) - 1;
    // A blow-up stops the run at the first step that had one, as step() would.
    int32_t blown = -1;
    for (const auto& part : partitions)
        if (part.blown_step >= 0 && (blown < 0 || part.blown_step < blown))
            blown = part.blown_step;
    for (const auto& part : partitions)
        stats.spikes += part.spikes;
    if (blown >= 0) {
        t = chunk_times[blown + 1];
        for (const auto& part : partitions)
            if (part.blown_step == blown)
                for (int32_t i = part.node_begin; i < part.node_end; ++i)
                    if (!std::isfinite(v[i]))
                        report_blow_up(static_cast<std::size_t>(i));
    }
    for (int32_t k = 1; k <= n; ++k) // what record_sample() would have taken after each step
        if ((steps + k) % options.sample_every == 0)
            samples[0].push_back(chunk_times[k]);
    t = chunk_times[n];
    steps += n;
    stats.steps += n;
}

} // namespace mech
