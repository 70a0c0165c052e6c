// Resolves a Model against a Catalogue, first half: nodes, mechanism instances (sorted by node),
// ions, user values (checked against declared limits) and the kernels' argument blocks.
#include "simulation_impl.hpp"

#include "mech/error.hpp"
#include "interleave_cells.hpp"
#include "name_lookup.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace mech {

using detail::check_limits;
using detail::IonSpecies;
using detail::MechanismStore;
using detail::parse_ion_quantity;
using detail::split_density_name;

void Simulation::Impl::setup(const Model& model, const Catalogue& catalogue) {
    const auto& secs = model.sections();
    layout = detail::build_tree_layout(secs);
    split_cells(options.threads);
    detail::interleave_cells(layout, cell_ranges);
    for (const auto& s : secs)
        section_names.push_back(s.name);
    const std::size_t n = layout.size();
    v.assign(n, options.v_init);
    rhs.assign(n, 0);
    d.assign(n, 0);
    // Each node's diameter for the kernels (node_diam): its segment's, with the section's "diam"
    // assignments applied as build_tree_layout applied them to the areas; the zero-area end nodes
    // (which carry no mechanism) take their neighbouring segment's.
    diam.assign(n, 0);
    for (std::size_t s = 0; s < secs.size(); ++s) {
        const auto& nodes = layout.sections[s];
        const int sec = static_cast<int>(s);
        auto fill = [&](double value) {
            for (int32_t j = 0; j < nodes.nseg; ++j)
                diam[nodes.segment(j)] = value;
        };
        fill(secs[s].geometry.diam);
        for (const auto& a : secs[s].assignments)
            if (a.name == "diam" && a.x)
                diam[layout.segment_node(sec, *a.x)] = a.value;
            else if (a.name == "diam")
                fill(a.value);
        if (nodes.end1 != nodes.first)
            diam[nodes.end1] = diam[nodes.segment(nodes.nseg - 1)];
        if (secs[s].parent < 0 && nodes.end0 >= 0 && nodes.end0 != nodes.first)
            diam[nodes.end0] = diam[nodes.first];
    }

    // Mechanism instances: density mechanisms in order of first use, then point processes.
    std::map<std::string, int, std::less<>> store_of;
    auto store_for = [&](const mech_mechanism& m) -> MechanismStore& {
        auto [it, fresh] = store_of.emplace(m.name, static_cast<int>(stores.size()));
        if (fresh) {
            stores.emplace_back();
            stores.back().mech = &m;
        }
        return stores[it->second];
    };
    for (std::size_t s = 0; s < secs.size(); ++s) {
        for (const auto& name : secs[s].mechanisms) {
            const mech_mechanism* m = catalogue.find(name);
            if (m == nullptr) {
                try {
                    catalogue.get(name);
                } catch (const Error& e) {
                    throw Error(fmt::format("section '{}': {}", secs[s].name, e.what()));
                }
            }
            if (m->kind != MECH_KIND_DENSITY)
                throw Error(fmt::format("section '{}': '{}' is a point process, not a density "
                                        "mechanism; add it with add_point_process",
                                        secs[s].name, name));
            auto& store = store_for(*m);
            const auto& nodes = layout.sections[s];
            for (int32_t j = 0; j < nodes.nseg; ++j)
                store.node.push_back(nodes.segment(j));
        }
    }
    std::vector<std::pair<int32_t, int32_t>> point_node; // point process -> (store, node)
    for (const auto& p : model.point_processes()) {
        const auto where = p.section < 0 ? fmt::format("artificial cell {}", p.mechanism)
                                         : fmt::format("point process {} on section '{}'",
                                                       p.mechanism, secs[p.section].name);
        const mech_mechanism* m = catalogue.find(p.mechanism);
        if (m == nullptr) {
            try {
                catalogue.get(p.mechanism);
            } catch (const Error& e) {
                throw Error(fmt::format("{}: {}", where, e.what()));
            }
        }
        if (m->kind == MECH_KIND_DENSITY)
            throw Error(fmt::format("{}: '{}' is a density mechanism; insert it into a section",
                                    where, p.mechanism));
        if (p.section < 0 && m->kind != MECH_KIND_ARTIFICIAL)
            throw Error(fmt::format("{}: '{}' is a point process, not an artificial cell; give "
                                    "it a location with add_point_process",
                                    where, p.mechanism));
        if (m->kind == MECH_KIND_ARTIFICIAL && m->n_ions > 0)
            throw Error(fmt::format("{}: an artificial cell cannot use ions", where));
        auto& store = store_for(*m);
        // Artificial cells sit on no node: they all see one private dummy node (index 0).
        const int32_t node = m->kind == MECH_KIND_ARTIFICIAL ? 0 : layout.node_at(p.section, p.x);
        store.node.push_back(node);
        point_node.emplace_back(store_of[p.mechanism], node);
    }
    // Sort each store by node so a cell's instances are contiguous (threads take ranges later);
    // point processes on one node keep their creation order.
    point_instance.resize(point_node.size());
    for (auto& store : stores) {
        std::stable_sort(store.node.begin(), store.node.end());
        store.allocate();
        store.scale.assign(store.node.size(), 1.0);
        if (store.mech->kind == MECH_KIND_POINT)
            for (std::size_t i = 0; i < store.node.size(); ++i)
                store.scale[i] = 100.0 / layout.area[store.node[i]];
    }
    {
        std::map<std::pair<int32_t, int32_t>, int32_t> taken; // (store, node) -> used so far
        for (std::size_t p = 0; p < point_node.size(); ++p) {
            const auto [s, node] = point_node[p];
            const auto& nodes = stores[s].node;
            const auto first = static_cast<int32_t>(
                std::lower_bound(nodes.begin(), nodes.end(), node) - nodes.begin());
            point_instance[p] = {s, first + taken[{s, node}]++};
        }
    }

    // Ions: one species per name; slots where any mechanism using it has an instance.
    std::map<std::string, int, std::less<>> ion_of;
    for (auto& store : stores) {
        const mech_mechanism& m = *store.mech;
        for (int32_t k = 0; k < m.n_ions; ++k) {
            const mech_ion_info& info = m.ions[k];
            auto [it, fresh] = ion_of.emplace(info.name, static_cast<int>(ions.size()));
            if (fresh) {
                IonSpecies sp;
                sp.name = info.name;
                sp.defaults = detail::builtin_ion_defaults(info.name);
                for (const auto& [name, def] : model.ion_defaults())
                    if (name == info.name)
                        sp.defaults = def;
                sp.valence = sp.defaults.valence;
                ions.push_back(std::move(sp));
            }
            IonSpecies& sp = ions[it->second];
            if (info.valence != 0 && sp.valence != 0 && info.valence != sp.valence)
                throw Error(fmt::format("mechanism '{}' uses ion {} with valence {}, but it has "
                                        "valence {} elsewhere",
                                        m.name, info.name, info.valence, sp.valence));
            if (sp.valence == 0)
                sp.valence = info.valence;
            const int32_t conc = MECH_ION_INTERNAL | MECH_ION_EXTERNAL;
            sp.concentration_read |= (info.reads & conc) != 0;
            sp.concentration_written |= (info.writes & conc) != 0;
            sp.reversal_written |= (info.writes & MECH_ION_REVERSAL) != 0;
            store.ion_species.push_back(it->second);
            sp.node.insert(sp.node.end(), store.node.begin(), store.node.end());
        }
    }
    for (auto& sp : ions) {
        if (sp.valence == 0)
            throw Error(fmt::format("ion '{}' has no valence: declare it with USEION {} ... "
                                    "VALENCE z, or set_ion_defaults",
                                    sp.name, sp.name));
        std::sort(sp.node.begin(), sp.node.end());
        sp.node.erase(std::unique(sp.node.begin(), sp.node.end()), sp.node.end());
        sp.allocate();
    }
    for (auto& store : stores) {
        for (std::size_t k = 0; k < store.ion_species.size(); ++k) {
            IonSpecies& sp = ions[store.ion_species[k]];
            std::vector<int32_t> index(store.node.size());
            for (std::size_t i = 0; i < index.size(); ++i)
                index[i] = sp.slot_of(store.node[i]);
            store.ion_index.push_back(std::move(index));
        }
    }

    // User values on sections, in the order given.
    cm.assign(layout.cm.begin(), layout.cm.end());
    for (std::size_t s = 0; s < secs.size(); ++s) {
        const auto& sec = secs[s];
        const auto& nodes = layout.sections[s];
        for (const auto& a : sec.assignments) {
            const auto where = fmt::format("section '{}'", sec.name);
            std::vector<int32_t> targets;
            if (a.x)
                targets.push_back(layout.segment_node(static_cast<int>(s), *a.x));
            else
                for (int32_t j = 0; j < nodes.nseg; ++j)
                    targets.push_back(nodes.segment(j));
            if (a.name == "diam")
                continue; // geometry: applied by build_tree_layout
            if (a.name == "cm") {
                if (!(a.value >= 0))
                    throw Error(fmt::format("{}: cm must be >= 0 (got {})", where, a.value));
                for (int32_t node : targets)
                    cm[node] = a.value;
                continue;
            }
            if (auto q = parse_ion_quantity(ions, a.name); q.species >= 0) {
                IonSpecies& sp = ions[q.species];
                if (q.which == 'i')
                    throw Error(fmt::format("{}: {} is computed by the mechanisms and cannot be "
                                            "set",
                                            where, a.name));
                for (int32_t node : targets) {
                    const int32_t slot = sp.slot_of(node);
                    if (slot < 0)
                        throw Error(fmt::format("{}: no mechanism here uses ion {}, so {} does "
                                                "not exist here",
                                                where, sp.name, a.name));
                    auto& dst = q.which == 'e'
                                    ? sp.init_reversal
                                    : (q.which == 'c' ? sp.init_internal : sp.init_external);
                    dst[slot] = a.value;
                }
                continue;
            }
            std::vector<const mech_mechanism*> candidates;
            for (const auto& mname : sec.mechanisms)
                candidates.push_back(stores[store_of[mname]].mech);
            const auto [c, k] = split_density_name(candidates, a.name, where);
            const bool found = c >= 0;
            if (found) {
                auto& store = stores[store_of[sec.mechanisms[c]]];
                check_limits(store.mech->fields[k], a.value, where);
                for (int32_t node : targets)
                    store.field[k][store.instance_at(node)] = a.value;
            }
            if (!found) {
                std::string inserted;
                for (const auto& m : sec.mechanisms)
                    inserted += (inserted.empty() ? "" : ", ") + m;
                throw Error(fmt::format("{}: unknown name '{}' (mechanisms inserted here: {}; "
                                        "density fields are named <field>_<mechanism>)",
                                        where, a.name, inserted.empty() ? "none" : inserted));
            }
        }
    }
    cap.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        cap[i] = cm[i] * 1e-3 / options.dt;

    const auto& pps = model.point_processes();
    for (std::size_t p = 0; p < pps.size(); ++p) {
        auto [s, inst] = point_instance[p];
        auto& store = stores[s];
        for (const auto& a : pps[p].assignments) {
            const auto where = pps[p].section < 0
                                   ? fmt::format("artificial cell {}", pps[p].mechanism)
                                   : fmt::format("point process {} on section '{}'",
                                                 pps[p].mechanism, secs[pps[p].section].name);
            const int k = find_field(*store.mech, a.name);
            if (k < 0) {
                std::string fields;
                for (int j = 0; j < store.mech->n_fields; ++j)
                    fields += (j ? ", " : "") + std::string(store.mech->fields[j].name);
                throw Error(fmt::format("{}: no field '{}' (it has: {})", where, a.name,
                                        fields.empty() ? "none" : fields));
            }
            check_limits(store.mech->fields[k], a.value, where);
            store.field[k][inst] = a.value;
        }
    }
    for (const auto& g : model.globals()) {
        bool found = false;
        for (auto& store : stores) {
            const std::string suffix = std::string("_") + store.mech->name;
            if (g.name.size() <= suffix.size() ||
                g.name.compare(g.name.size() - suffix.size(), suffix.size(), suffix) != 0)
                continue;
            const int k = find_global(*store.mech, g.name.substr(0, g.name.size() - suffix.size()));
            if (k >= 0) {
                store.globals[k] = g.value;
                found = true;
            }
        }
        if (!found)
            throw Error(fmt::format("set_global: no mechanism in use has a GLOBAL named '{}' "
                                    "(globals are named <name>_<mechanism>)",
                                    g.name));
    }

    // Kernel argument blocks; every pointer is final from here on.
    contexts.resize(stores.size());
    for (std::size_t s = 0; s < stores.size(); ++s) {
        auto& store = stores[s];
        contexts[s] = CallbackContext{this, static_cast<int32_t>(s), 0, &store.data};
        for (std::size_t k = 0; k < store.ion_species.size(); ++k) {
            IonSpecies& sp = ions[store.ion_species[k]];
            store.ion_view.push_back(mech_ion_view{store.ion_index[k].data(), sp.current.data(),
                                                   sp.conductance.data(), sp.reversal.data(),
                                                   sp.internal.data(), sp.external.data()});
        }
        auto& data = store.data;
        data.width = store.width();
        data.dt = options.dt;
        data.celsius = options.celsius;
        data.node_index = store.node.data();
        const bool artificial = store.mech->kind == MECH_KIND_ARTIFICIAL;
        data.vec_v = artificial ? dummy_v.data() : v.data();
        data.vec_rhs = artificial ? dummy_rhs.data() : rhs.data();
        data.vec_d = artificial ? dummy_d.data() : d.data();
        data.scale = store.scale.data();
        data.field = store.field.data();
        data.global = store.globals.data();
        data.ion = store.ion_view.data();
        data.node_area = artificial ? nullptr : layout.area.data();
        data.node_diam = artificial ? nullptr : diam.data();
        data.runtime = &contexts[s];
        initial_values.push_back(store.values);
    }

    wire(model);
}

} // namespace mech
