// Set-up, second half: stimuli, probes, spike detectors and connections resolved to pointers and
// indices; and the name lookups that probes and value access share.
#include "simulation_impl.hpp"

#include "mech/error.hpp"
#include "name_lookup.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mech {

using detail::IonSpecies;
using detail::parse_ion_quantity;
using detail::split_density_name;

void Simulation::Impl::wire(const Model& model) {
    const auto& secs = model.sections();
    const auto& stims = model.stimuli();
    for (std::size_t k = 0; k < stims.size(); ++k) {
        const int32_t node = layout.node_at(stims[k].section, stims[k].x);
        stimuli.add(stims[k], node, layout.area[node],
                    fmt::format("stimulus {} on section '{}'", k, secs[stims[k].section].name));
    }

    for (const auto& gj : model.gap_junctions()) {
        const int32_t a = layout.node_at(gj.section_a, gj.x_a);
        const int32_t b = layout.node_at(gj.section_b, gj.x_b);
        if (a == b)
            throw Error(fmt::format("gap junction {} joins node {} of section '{}' to itself "
                                    "(its two locations are the same node)",
                                    gaps.size(), a, secs[gj.section_a].name));
        gaps.add(gj.junction, a, layout.area[a], b, layout.area[b]);
    }

    int32_t max_args = 1;
    for (const auto& store : stores)
        max_args = std::max(max_args, store.mech->n_net_receive_args);
    event_weights.assign(static_cast<std::size_t>(max_args), 0.0);

    source_detector.resize(stores.size());
    for (std::size_t s = 0; s < stores.size(); ++s)
        source_detector[s].assign(stores[s].node.size(), -1);
    for (const auto& det : model.spike_detectors()) {
        const auto index = static_cast<int32_t>(detectors.size());
        if (det.generator.index() != 0) {
            detectors.push_back(SpikeDetector{det.name, nullptr, 0, {}, {}});
            if (const auto* n = std::get_if<NetStim>(&det.generator))
                generators.add(index, *n);
            else
                generators.add(index, std::get<VecStim>(det.generator));
        } else if (det.point_process >= 0) {
            const auto [s, inst] = point_instance[det.point_process];
            source_detector[s][inst] = index;
            detectors.push_back(SpikeDetector{det.name, nullptr, 0, {}, {}});
        } else {
            detectors.push_back(SpikeDetector{
                det.name, &v[layout.node_at(det.section, det.x)], det.threshold, {}, {}});
        }
    }

    for (const auto& c : model.connections()) {
        const auto [store, instance] = point_instance[c.target];
        const auto where =
            fmt::format("connection from '{}' to {}", c.detector, stores[store].mech->name);
        if (!stores[store].mech->net_receive)
            throw Error(fmt::format("{}: {} has no NET_RECEIVE block, so it cannot receive "
                                    "events",
                                    where, stores[store].mech->name));
        // Events are exchanged between threads at most every min-delay (epochs.cpp): one
        // must not be due within the step that sent it.
        if (!(c.delay >= options.dt))
            throw Error(fmt::format("{}: delay {} ms is shorter than the time step dt = {} ms (an "
                                    "event must not arrive within the step that sent it)",
                                    where, c.delay, options.dt));
        const int64_t weight = store_weight(store, c.weight, where);
        // detectors are model.spike_detectors() in order (above); names are unique.
        const int32_t source = model.spike_detector_index(c.detector);
        if (source >= 0)
            detectors[static_cast<std::size_t>(source)].targets.push_back(
                static_cast<int32_t>(connections.size()));
        connections.push_back(Connection{store, instance, weight, c.delay});
    }

    columns.push_back("t");
    sources.push_back(&t);
    for (const auto& p : model.probes()) {
        const double* src = nullptr;
        switch (p.target) {
        case ProbeSpec::Target::Location:
            src = location_variable(p.index, p.x, p.variable);
            break;
        case ProbeSpec::Target::PointProcess: {
            auto [s, inst] = point_instance[p.index];
            const int k = find_field(*stores[s].mech, p.variable);
            if (k < 0)
                throw Error(fmt::format("record '{}': point process {} has no field '{}'", p.column,
                                        stores[s].mech->name, p.variable));
            src = &stores[s].field[k][inst];
            break;
        }
        case ProbeSpec::Target::GapJunction:
            src = gaps.variable(static_cast<std::size_t>(p.index), p.variable);
            break;
        case ProbeSpec::Target::Stimulus:
            src = stimuli.variable(p.index, p.variable);
            if (src == nullptr)
                throw Error(fmt::format("record '{}': stimulus {} has no quantity '{}' (use "
                                        "\"i\", or \"vc\" for SEClamp)",
                                        p.column, p.index, p.variable));
            break;
        }
        columns.push_back(p.column);
        sources.push_back(src);
    }
    samples.resize(columns.size());
}

Simulation::Impl::FieldRef Simulation::Impl::density_field(int section, double x,
                                                           std::string_view name) const {
    const int32_t node = layout.segment_node(section, x);
    std::vector<const mech_mechanism*> candidates;
    std::vector<std::pair<int32_t, int32_t>> where_found; // (store, instance)
    for (std::size_t s = 0; s < stores.size(); ++s) {
        if (stores[s].is_point())
            continue;
        const int32_t inst = stores[s].instance_at(node);
        if (inst < 0)
            continue;
        candidates.push_back(stores[s].mech);
        where_found.emplace_back(static_cast<int32_t>(s), inst);
    }
    const auto where = fmt::format("section '{}' at x = {}", section_names[section], x);
    const auto [c, k] = split_density_name(candidates, name, where);
    if (c < 0)
        return {};
    return FieldRef{where_found[c].first, k, where_found[c].second};
}

int64_t Simulation::Impl::store_weight(int32_t store, std::span<const double> weight,
                                       const std::string& where) {
    const auto n_args = static_cast<std::size_t>(stores[store].mech->n_net_receive_args);
    if (weight.size() > n_args)
        throw Error(fmt::format("{}: {} takes {} weight value(s), got {}", where,
                                stores[store].mech->name, n_args, weight.size()));
    const auto offset = static_cast<int64_t>(event_weights.size());
    event_weights.insert(event_weights.end(), weight.begin(), weight.end());
    event_weights.resize(offset + std::max<std::size_t>(n_args, 1), 0.0);
    return offset;
}

const double* Simulation::Impl::location_variable(int section, double x,
                                                  std::string_view name) const {
    const auto where = fmt::format("section '{}' at x = {}", section_names[section], x);
    if (name == "v")
        return &v[layout.node_at(section, x)];
    const int32_t node = layout.segment_node(section, x);
    if (auto q = parse_ion_quantity(ions, name); q.species >= 0) {
        const IonSpecies& sp = ions[q.species];
        const int32_t slot = sp.slot_of(node);
        if (slot < 0)
            throw Error(fmt::format("{}: no mechanism here uses ion {}", where, sp.name));
        switch (q.which) {
        case 'e':
            return &sp.reversal[slot];
        case 'i':
            return &sp.current[slot];
        case 'c':
            return &sp.internal[slot];
        default:
            return &sp.external[slot];
        }
    }
    if (const FieldRef f = density_field(section, x, name); f.store >= 0)
        return &stores[f.store].field[f.field][f.instance];
    throw Error(fmt::format("{}: nothing called '{}' to record (use v, <field>_<mechanism> of an "
                            "inserted mechanism, or an ion quantity such as ina, ena, cai)",
                            where, name));
}

} // namespace mech
