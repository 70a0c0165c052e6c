// Cells grouped into partitions (several per thread when cells are many), and the per-partition
// work of a step: each node sees exactly the operations, in exactly the order, of a one-thread
// run, so results do not depend on the number of threads.
#include "simulation_impl.hpp"

#include "cable_step.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace mech {

void Simulation::Impl::split_cells(int threads) {
    const auto& cells = layout.cells;
    // With many cells, several partitions per thread, each whole 32-cell blocks: a thread steps
    // one partition through a whole epoch before the next, so each works in the cache (W2 on
    // one thread: 0.48 s for 200 ms in one partition, 0.40 s in six), and the threads' ranges
    // can follow unequal CPUs (ThreadBalance). Otherwise one partition per thread.
    const std::size_t block = detail::CableStepPlan::lanes;
    const std::size_t blocks = cells.size() / block;
    const auto wanted = static_cast<std::size_t>(threads);
    const int n_parts = blocks >= wanted
                            ? static_cast<int>(std::min(blocks, partitions_per_thread * wanted))
                            : std::max(1, std::min<int>(threads, static_cast<int>(cells.size())));
    // Contiguous groups of cells with about equal node counts.
    cell_ranges.clear();
    const double per_part = static_cast<double>(layout.size()) / n_parts;
    int32_t end = 0;
    std::size_t c = 0;
    for (int p = 0; p < n_parts; ++p) {
        const std::size_t first_cell = c;
        if (p == n_parts - 1) {
            c = cells.size();
        } else {
            const auto parts_after = static_cast<std::size_t>(n_parts - p - 1);
            do {
                end = cells[c++].second;
            } while (cells.size() - c > parts_after && end < per_part * (p + 1));
            // With many cells, a whole number of 32-cell blocks: the cable step's lanes and the
            // kernels' 8-instance vectors then stay full (with 500 hh cells per partition, the
            // kernels' scalar remainder of 4 instances calls the scalar exp 36 times a step;
            // W1 in 125-cell partitions took 40 % longer than in 128-cell ones).
            if (cells.size() / static_cast<std::size_t>(n_parts) >= block) {
                const std::size_t rounded =
                    first_cell + (c - first_cell + block / 2) / block * block;
                if (rounded > first_cell && cells.size() - rounded >= parts_after * block)
                    c = rounded;
            }
        }
        cell_ranges.emplace_back(first_cell, c);
    }
}

void Simulation::Impl::build_partitions() {
    // Each range of cells owns one range of nodes (interleave_cells keeps it so).
    std::vector<std::pair<int32_t, int32_t>> ranges;
    for (const auto& [first_cell, end_cell] : cell_ranges)
        ranges.emplace_back(first_cell < end_cell ? layout.cells[first_cell].first : 0,
                            first_cell < end_cell ? layout.cells[end_cell - 1].second : 0);
    partitions.resize(ranges.size());
    for (std::size_t p = 0; p < ranges.size(); ++p) {
        Partition& part = partitions[p];
        part.node_begin = ranges[p].first;
        part.node_end = ranges[p].second;
        part.data.resize(stores.size());
        part.fields.resize(stores.size());
        part.ion.resize(stores.size());
        part.contexts.resize(stores.size());
        for (std::size_t s = 0; s < stores.size(); ++s) {
            auto& store = stores[s];
            int32_t ib = 0, ie = 0;
            if (store.mech->kind == MECH_KIND_ARTIFICIAL) {
                ie = p == 0 ? store.width() : 0; // on no node: stepped with partition 0
            } else {
                const auto& nodes = store.node;
                ib = static_cast<int32_t>(
                    std::lower_bound(nodes.begin(), nodes.end(), part.node_begin) - nodes.begin());
                ie = static_cast<int32_t>(
                    std::lower_bound(nodes.begin(), nodes.end(), part.node_end) - nodes.begin());
            }
            for (double* f : store.field)
                part.fields[s].push_back(f + ib);
            for (const mech_ion_view& view : store.ion_view) {
                mech_ion_view shifted = view;
                shifted.index = view.index + ib;
                part.ion[s].push_back(shifted);
            }
            mech_instance_data data = store.data;
            data.width = ie - ib;
            data.node_index = store.node.data() + ib;
            data.scale = store.scale.data() + ib;
            data.field = part.fields[s].data();
            data.ion = part.ion[s].data();
            part.data[s] = data;
            part.contexts[s] =
                CallbackContext{this, static_cast<int32_t>(s), ib, &part.data[s], &part};
            part.data[s].runtime = &part.contexts[s];
        }
        for (const auto& ion : ions) {
            const auto lo = std::lower_bound(ion.node.begin(), ion.node.end(), part.node_begin);
            const auto hi = std::lower_bound(ion.node.begin(), ion.node.end(), part.node_end);
            part.ion_slots.emplace_back(static_cast<int32_t>(lo - ion.node.begin()),
                                        static_cast<int32_t>(hi - ion.node.begin()));
        }
        part.gap_ends = gaps.ends_on(part.node_begin, part.node_end);
        std::vector<int32_t> here;
        for (std::size_t k = 0; k < stimuli.size(); ++k) {
            const int32_t node = stimuli.node(k);
            if (node >= part.node_begin && node < part.node_end)
                here.push_back(static_cast<int32_t>(k));
        }
        stimuli.split_iclamps(here, part.iclamps, part.stimuli);
        std::vector<detail::CellBlock> blocks;
        for (const auto& block : layout.blocks)
            if (block.begin >= part.node_begin && block.end <= part.node_end)
                blocks.push_back(block);
        part.cable = detail::CableStepPlan(layout.parent, layout.a, layout.b, blocks);
    }
    threshold_checks.clear();
    for (std::size_t k = 0; k < detectors.size(); ++k)
        if (detectors[k].v != nullptr)
            threshold_checks.add(detectors[k].v, detectors[k].threshold, static_cast<int32_t>(k));
    for (auto& part : partitions) {
        std::vector<int32_t> here;
        for (std::size_t k = 0; k < threshold_checks.size(); ++k) {
            const double* watched = threshold_checks.watched(k);
            if (watched >= v.data() + part.node_begin && watched < v.data() + part.node_end)
                here.push_back(static_cast<int32_t>(k));
        }
        part.checks = threshold_checks.runs_of(here);
    }
    build_event_routes();
    assign_columns();
    const int threads = std::min(options.threads, static_cast<int>(partitions.size()));
    std::vector<double> weights;
    for (const auto& part : partitions)
        weights.push_back(part.node_end - part.node_begin);
    balance = detail::ThreadBalance(threads, weights);
    partition_seconds.assign(partitions.size(), 0.0);
    workers = std::make_unique<detail::Workers>(threads);
    epoch_job = [this](int thread) {
        const auto [first, end] = balance.range(thread);
        if (workers->size() == 1) {
            for (int32_t p = first; p < end; ++p)
                partition_epoch(partitions[p]);
            return;
        }
        using Clock = std::chrono::steady_clock;
        Clock::time_point start = Clock::now();
        for (int32_t p = first; p < end; ++p) {
            partition_epoch(partitions[p]);
            const Clock::time_point done = Clock::now();
            partitions[p].seconds = std::chrono::duration<double>(done - start).count();
            start = done;
        }
    };
}

void Simulation::Impl::build_event_routes() {
    for (auto& part : partitions) {
        part.events.set_bucket_width(options.dt); // one bucket per step
        part.target_begin.assign(detectors.size() + 1, 0);
        part.targets.clear();
    }
    // Connections in detector order, then in the order they were made (the order of a spike's
    // events in every queue).
    for (std::size_t det = 0; det < detectors.size(); ++det) {
        for (int32_t c : detectors[det].targets) {
            const Connection& con = connections[static_cast<std::size_t>(c)];
            owner(con.store, con.instance).targets.push_back(c);
        }
        for (auto& part : partitions)
            part.target_begin[det + 1] = static_cast<int32_t>(part.targets.size());
    }
}

Simulation::Impl::Partition& Simulation::Impl::owner(int32_t store, int32_t instance) {
    // Built-in sources and artificial cells are on no node: partition 0 runs them.
    if (store == generator_store)
        return partitions.front();
    for (auto& part : partitions) {
        const CallbackContext& c = part.contexts[static_cast<std::size_t>(store)];
        if (instance >= c.offset && instance < c.offset + part.data[store].width)
            return part;
    }
    return partitions.front();
}

void Simulation::Impl::assign_columns() {
    // A column whose value only one partition writes is sampled by that partition's thread,
    // after each of its steps; any other (a gap junction's or a stimulus's quantity) by the
    // caller, which then needs the partitions to meet after every step.
    caller_records = false;
    for (auto& part : partitions)
        part.columns.clear();
    const auto in = [](const double* p, const double* base, int32_t begin, int32_t end) {
        return p >= base + begin && p < base + end;
    };
    for (std::size_t c = 1; c < sources.size(); ++c) { // column 0 is t
        const double* src = sources[c];
        Partition* found = nullptr;
        for (auto& part : partitions) {
            bool here = in(src, v.data(), part.node_begin, part.node_end);
            for (std::size_t s = 0; s < stores.size() && !here; ++s) {
                const int32_t ib = part.contexts[s].offset, ie = ib + part.data[s].width;
                for (const double* f : stores[s].field)
                    here = here || in(src, f, ib, ie);
            }
            for (std::size_t k = 0; k < ions.size() && !here; ++k) {
                const auto [lo, hi] = part.ion_slots[k];
                const detail::IonSpecies& sp = ions[k];
                for (const double* a : {sp.reversal.data(), sp.current.data(), sp.internal.data(),
                                        sp.external.data()})
                    here = here || in(src, a, lo, hi);
            }
            if (here) {
                found = &part;
                break;
            }
        }
        if (found != nullptr)
            found->columns.push_back(static_cast<int32_t>(c));
        else
            caller_records = true;
    }
    if (caller_records) // then the caller samples every column (Impl::run_epoch)
        for (auto& part : partitions)
            part.columns.clear();
}

void Simulation::Impl::partition_currents(Partition& part, double time) {
    // rhs and d arrive zeroed: partition_step clears them in its voltage update, initialize()
    // before its current evaluation, so there is no separate clearing pass here. The
    // capacitance and axial terms follow in partition_step (CableStepPlan).
    for (std::size_t k = 0; k < ions.size(); ++k)
        ions[k].begin_step(options.celsius, part.ion_slots[k].first, part.ion_slots[k].second);
    for (std::size_t s = 0; s < stores.size(); ++s) {
        mech_instance_data& data = part.data[s];
        data.t = time;
        if (stores[s].mech->compute_currents && data.width > 0)
            stores[s].mech->compute_currents(&data);
    }
    stimuli.compute_iclamp_currents(time, rhs.data(), part.iclamps);
    stimuli.compute_currents(time, options.dt, v.data(), rhs.data(), d.data(), part.stimuli);
    gaps.compute_currents(rhs.data(), d.data(), part.gap_ends);
}

void Simulation::Impl::partition_step(Partition& part, double t_mid, double t_new) {
    partition_currents(part, t_mid);
    // Capacitance and axial terms, the tree solve and v += dv; rhs and d are left zero for the
    // next step's current evaluation.
    const double sum = part.cable.step(cap.data(), v.data(), rhs.data(), d.data());
    part.finite = std::isfinite(sum);
    for (std::size_t s = 0; s < stores.size(); ++s) {
        mech_instance_data& data = part.data[s];
        data.t = t_new;
        if (stores[s].mech->advance_state && data.width > 0)
            stores[s].mech->advance_state(&data);
    }
    // WATCH conditions are tested with the new states and v(t_{n+1}); a condition that became
    // true sends a self-event with delay 0, delivered before the next step's currents.
    for (std::size_t s = 0; s < stores.size(); ++s) {
        mech_instance_data& data = part.data[s];
        if (stores[s].mech->check_watch && data.width > 0)
            stores[s].mech->check_watch(&data);
    }
    stimuli.after_solve(t_new, options.dt, v.data(), part.stimuli);
}

} // namespace mech
