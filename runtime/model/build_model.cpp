// Model description -> mech::Model. Every name is resolved here, against the loaded mechanisms,
// so that a mistake is reported at its place in the model file rather than by the runtime.
#include "build_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <mech/error.hpp>

#include "location_text.hpp"
#include "mechanism_names.hpp"
#include "network_values.hpp"
#include "model_error.hpp"

namespace mech::model {

namespace {

struct Builder {
    const ModelDescription& d;
    MechanismLoader& loader;
    BuiltModel out;
    // (cell, section) -> runtime section, and the mechanisms inserted there.
    std::map<std::pair<std::string, std::string>, SectionId> sections;
    std::map<std::pair<std::string, std::string>, std::vector<const mech_mechanism*>> inserted;
    std::map<std::string, PointProcessId> points;
    std::map<std::string, const mech_mechanism*> point_mechanisms;
    std::map<std::string, StimulusId> stimuli;
    std::map<std::string, StimulusKind> stimulus_kinds;
    std::map<std::string, GapJunctionId> junctions;

    Model& model() { return out.network.model(); }

    [[noreturn]] void fail(Loc loc, const std::string& message) const { throw ModelError(d.file, loc, message); }

    const mech_mechanism& load(const std::string& name, Loc loc) {
        try {
            return loader.load(name);
        } catch (const std::runtime_error& e) {
            fail(loc, e.what());
        }
    }

    static std::string section_path(const CellDesc& cell, const SectionDesc& s) {
        return "cells." + cell.name + ".sections." + s.name;
    }

    std::string runtime_name(const CellDesc& cell, const SectionDesc& s) const {
        return d.cells.size() == 1 ? s.name : cell.name + "." + s.name;
    }

    const std::string& cell_of(const Location& at) const { return at.cell.empty() ? d.cells.front().name : at.cell; }

    // Checks one parameter assignment against the mechanism's declared fields and limits.
    void check_param(const mech_mechanism& m, const ParamValue& p, const std::string& shown) const {
        const int k = find_field(m, p.name);
        std::vector<std::string> params;
        for (int i = 0; i < m.n_fields; ++i)
            if (m.fields[i].role == MECH_FIELD_PARAMETER) params.push_back(m.fields[i].name);
        if (k < 0 || m.fields[k].role != MECH_FIELD_PARAMETER) {
            std::string list;
            for (const auto& n : params) list += (list.empty() ? "" : ", ") + n;
            fail(p.loc, "'" + shown + "': " + std::string(m.name) + " has no parameter '" + p.name + "'" +
                            did_you_mean(p.name, params) + (list.empty() ? "" : " (parameters: " + list + ")"));
        }
        const mech_field_info& f = m.fields[k];
        if (p.value < f.lower_limit || p.value > f.upper_limit)
            fail(p.loc, "'" + shown + "' = " + fmt_number(p.value) + " is outside the limits " + std::string(m.name) +
                            " declares for " + p.name + ": <" + fmt_number(f.lower_limit) + ", " +
                            fmt_number(f.upper_limit) + ">" + (f.units[0] ? std::string(" (") + f.units + ")" : ""));
    }

    void build_sections() {
        for (const auto& cell : d.cells)
            if (cell.gid < 0) build_cell(cell);
    }

    void build_cell(const CellDesc& cell) {
        {
            for (const auto& s : cell.sections) {
                SectionId id;
                if (s.sphere) {
                    id = model().add_sphere(runtime_name(cell, s), s.diam, s.cm);
                } else {
                    id = model().add_section(runtime_name(cell, s), SectionGeometry{s.length, s.diam, s.nseg, s.cm, s.Ra});
                }
                sections[{cell.name, s.name}] = id;
                auto& mechs = inserted[{cell.name, s.name}];
                for (const auto& use : s.mechanisms) {
                    const mech_mechanism& m = load(use.name, use.loc);
                    if (m.kind != MECH_KIND_DENSITY)
                        fail(use.loc, "'" + use.name + "' is a point process, not a density mechanism; add it under [point_processes]");
                    model().insert(id, use.name);
                    mechs.push_back(&m);
                    for (const auto& p : use.params) {
                        check_param(m, p, section_path(cell, s) + ".mechanisms." + use.name + "." + p.name);
                        model().set(id, p.name + "_" + use.name, p.value);
                    }
                }
                for (const auto& p : s.neuron_style) apply_neuron_style(cell, s, mechs, id, p);
            }
            for (const auto& s : cell.sections)
                if (!s.parent.empty())
                    model().connect(sections.at({cell.name, s.name}), sections.at({cell.name, s.parent}), s.parent_x);
        }
    }

    void apply_neuron_style(const CellDesc& cell, const SectionDesc& s, const std::vector<const mech_mechanism*>& mechs,
                            SectionId id, const ParamValue& p) {
        for (const mech_mechanism* m : mechs) {
            const std::string suffix = std::string("_") + m->name;
            if (p.name.size() > suffix.size() && p.name.compare(p.name.size() - suffix.size(), suffix.size(), suffix) == 0) {
                ParamValue own{p.name.substr(0, p.name.size() - suffix.size()), p.value, p.loc};
                check_param(*m, own, section_path(cell, s) + "." + p.name);
                model().set(id, p.name, p.value);
                return;
            }
        }
        if (!ion_quantity_units(mechs, p.name).empty()) {
            model().set(id, p.name, p.value);
            return;
        }
        auto candidates = section_candidates(mechs);
        for (const char* k : {"L", "diam", "nseg", "cm", "Ra", "parent", "parent_x", "sphere", "mechanisms"})
            candidates.push_back(k);
        // A suffix naming a known but not inserted mechanism is the likeliest slip.
        const auto underscore = p.name.rfind('_');
        if (underscore != std::string::npos) {
            const std::string suffix = p.name.substr(underscore + 1);
            if (loader.catalogue().contains(suffix) || [&] {
                    try { loader.load(suffix); return true; } catch (const std::runtime_error&) { return false; }
                }())
                fail(p.loc, "'" + p.name + "': mechanism '" + suffix + "' is not inserted in section '" + s.name +
                                "' (add it to the section's 'mechanisms')");
        }
        fail(p.loc, "unknown field '" + p.name + "' in section '" + s.name + "'" + did_you_mean(p.name, candidates));
    }

    SectionId section_at(const Location& at) const { return sections.at({cell_of(at), at.section}); }

    void build_devices() {
        for (const auto& s : d.stimuli) {
            auto param = [&](const char* name, double fallback) {
                for (const auto& p : s.params)
                    if (p.name == name) return p.value;
                return fallback;
            };
            StimulusId id;
            if (s.kind == StimulusKind::IClamp) {
                id = model().add_stimulus(section_at(s.at), s.at.x, IClamp{param("amp", 0), param("del", 0), param("dur", 0)});
            } else if (s.kind == StimulusKind::SEClamp) {
                id = model().add_stimulus(section_at(s.at), s.at.x,
                                            SEClamp{param("rs", 1), param("dur1", 0), param("amp1", 0), param("dur2", 0),
                                                    param("amp2", 0), param("dur3", 0), param("amp3", 0)});
            } else {
                id = model().add_stimulus(section_at(s.at), s.at.x,
                                            s.expression.empty() ? CurrentWaveform::table(s.times, s.values)
                                                                 : CurrentWaveform::of_expression(s.expression));
            }
            stimuli[s.name] = id;
            stimulus_kinds[s.name] = s.kind;
        }
        for (const auto& p : d.point_processes) {
            const mech_mechanism& m = load(p.mechanism, p.mechanism_loc);
            if (m.kind != MECH_KIND_POINT)
                fail(p.mechanism_loc, "'" + p.mechanism + "' is not a point process" +
                                          std::string(m.kind == MECH_KIND_DENSITY ? "; insert density mechanisms in a section's 'mechanisms'"
                                                                                  : "; artificial cells are not placed on sections"));
            const PointProcessId id = model().add_point_process(section_at(p.at), p.at.x, p.mechanism);
            for (const auto& v : p.params) {
                check_param(m, v, "point_processes." + p.name + "." + v.name);
                model().set(id, v.name, v.value);
            }
            points[p.name] = id;
            point_mechanisms[p.name] = &m;
        }
    }

    void build_globals() {
        for (const auto& g : d.globals) {
            const auto underscore = g.name.rfind('_');
            const mech_mechanism* m = nullptr;
            if (underscore != std::string::npos) m = loader.catalogue().find(g.name.substr(underscore + 1));
            if (!m)
                fail(g.loc, "'globals." + g.name + "': write a GLOBAL as <name>_<mechanism> for a mechanism the model uses");
            const std::string own = g.name.substr(0, underscore);
            if (find_global(*m, own) < 0) {
                std::vector<std::string> names;
                for (int i = 0; i < m->n_globals; ++i) names.push_back(std::string(m->globals[i].name) + "_" + m->name);
                fail(g.loc, "'globals." + g.name + "': " + std::string(m->name) + " has no GLOBAL '" + own + "'" +
                                did_you_mean(g.name, names));
            }
            model().set_global(g.name, g.value);
        }
        for (const auto& ion : d.ions) {
            IonDefaults defaults;
            if (ion.internal) defaults.internal = *ion.internal;
            if (ion.external) defaults.external = *ion.external;
            if (ion.reversal) defaults.reversal = *ion.reversal;
            defaults.valence = ion.valence;
            model().set_ion_defaults(ion.name, defaults);
        }
    }

    ColumnInfo add_probe(const ProbeDesc& p) {
        ColumnInfo c{p.name, "", false, p.every > 0 ? p.every : d.output.every};
        if (p.at) {
            const SectionId id = section_at(*p.at);
            const auto& mechs = inserted.at({cell_of(*p.at), p.at->section});
            if (p.variable == "v" && p.mechanism.empty()) {
                model().record_v(p.name, id, p.at->x);
                c.units = "mV";
                c.voltage = true;
                return c;
            }
            std::string variable = p.mechanism.empty() ? p.variable : p.variable + "_" + p.mechanism;
            for (const mech_mechanism* m : mechs) {
                const std::string suffix = std::string("_") + m->name;
                if (variable.size() > suffix.size() && variable.compare(variable.size() - suffix.size(), suffix.size(), suffix) == 0) {
                    const int k = find_field(*m, variable.substr(0, variable.size() - suffix.size()));
                    if (k >= 0) {
                        model().record(p.name, id, p.at->x, variable);
                        c.units = m->fields[k].units;
                        return c;
                    }
                }
            }
            c.units = ion_quantity_units(mechs, variable);
            if (!c.units.empty()) {
                model().record(p.name, id, p.at->x, variable);
                return c;
            }
            auto candidates = section_candidates(mechs);
            candidates.push_back("v");
            fail(p.variable_loc, "probe '" + p.name + "': section '" + p.at->section + "' has no '" + variable + "'" +
                                     did_you_mean(variable, candidates) +
                                     (mechs.empty() ? " (no mechanisms are inserted there)" : ""));
        }
        if (auto s = stimuli.find(p.point); s != stimuli.end()) {
            const bool seclamp = stimulus_kinds.at(p.point) == StimulusKind::SEClamp;
            std::vector<std::string> known = {"i"};
            if (seclamp) known.push_back("vc");
            if (std::find(known.begin(), known.end(), p.variable) == known.end())
                fail(p.variable_loc, "probe '" + p.name + "': stimulus '" + p.point + "' has no '" + p.variable + "'" +
                                         (seclamp ? " (it has i and vc)" : " (it has i)"));
            model().record(p.name, s->second, p.variable);
            c.units = p.variable == "vc" ? "mV" : "nA";
            return c;
        }
        if (auto j = junctions.find(p.point); j != junctions.end()) {
            if (p.variable != "i" && p.variable != "g")
                fail(p.variable_loc, "probe '" + p.name + "': gap junction '" + p.point + "' has no '" + p.variable +
                                         "' (it has i and g)");
            out.network.model().record(p.name, j->second, p.variable);
            c.units = p.variable == "i" ? "nA" : "uS";
            return c;
        }
        const mech_mechanism& m = *point_mechanisms.at(p.point);
        const int k = find_field(m, p.variable);
        if (k < 0) {
            std::vector<std::string> names;
            for (int i = 0; i < m.n_fields; ++i) names.push_back(m.fields[i].name);
            fail(p.variable_loc, "probe '" + p.name + "': " + std::string(m.name) + " '" + p.point + "' has no field '" +
                                     p.variable + "'" + did_you_mean(p.variable, names));
        }
        model().record(p.name, points.at(p.point), p.variable);
        c.units = m.fields[k].units;
        return c;
    }

    const SectionDesc& root_of(const CellDesc& cell) const {
        return *std::find_if(cell.sections.begin(), cell.sections.end(), [](const SectionDesc& s) { return s.parent.empty(); });
    }

    bool is_population_cell(const CellDesc& cell) const {
        return cell.gid >= 0;
    }

    void build_network();
    void build_gap_junctions();
    void build_populations();
    const mech_mechanism& check_receptor(const ReceptorDesc& r, const std::string& path, std::size_t weights, Loc weight_loc);
    PointProcessId add_receptor(const CellDesc& cell, const ReceptorDesc& r, const std::string& path);

    void build_probes() {
        std::vector<ColumnInfo> all;
        for (const auto& p : d.probes) all.push_back(add_probe(p));
        if (d.output.probes.empty()) {
            out.columns = all;
        } else {
            for (const auto& name : d.output.probes)
                for (const auto& c : all)
                    if (c.name == name) out.columns.push_back(c);
        }
        // Spikes per cell: NEURON's NetCon rule at the root section's middle.
        for (const auto& cell : d.cells) {
            if (is_population_cell(cell)) continue;
            const SectionDesc& root = root_of(cell);
            model().record_spikes(cell.name, sections.at({cell.name, root.name}), 0.5, d.output.spike_threshold);
            out.spike_detectors.push_back(cell.name);
        }
    }
};

const mech_mechanism& Builder::check_receptor(const ReceptorDesc& r, const std::string& path, std::size_t weights,
                                              Loc weight_loc) {
    const mech_mechanism& m = load(r.mechanism, r.mechanism_loc);
    if (m.kind != MECH_KIND_POINT)
        fail(r.mechanism_loc, "'" + path + ".receptor.mechanism' = \"" + r.mechanism + "\" is not a point process");
    if (!m.net_receive)
        fail(r.mechanism_loc, "'" + path + ".receptor.mechanism': " + std::string(m.name) +
                                  " has no NET_RECEIVE block, so it cannot receive spikes");
    if (weights > static_cast<std::size_t>(std::max(m.n_net_receive_args, 1)))
        fail(weight_loc.line ? weight_loc : r.loc,
             "'" + path + ".weight' gives " + std::to_string(weights) + " values; NET_RECEIVE of " + std::string(m.name) +
                 " takes " + std::to_string(m.n_net_receive_args));
    for (const auto& p : r.params) check_param(m, p, path + ".receptor." + p.name);
    return m;
}

PointProcessId Builder::add_receptor(const CellDesc& cell, const ReceptorDesc& r, const std::string&) {
    const PointProcessId id = model().add_point_process(sections.at({cell.name, r.at.section}), r.at.x, r.mechanism);
    for (const auto& p : r.params) model().set(id, p.name, p.value);
    return id;
}

// Population cells are made by the Network (so that gids and connections are its own): each
// gets its sections, a spike detector named after it, and the receptors of the projections and
// drives that reach it ("projection:NAME", "drive:NAME").
void Builder::build_populations() {
    const double dt = d.simulation.dt;
    for (const auto& p : d.projections) {
        check_receptor(p.receptor, p.path, p.weight.size(), p.weight_loc);
        if (p.delay.kind == DistributionDesc::Kind::Constant && p.delay.p1 < dt)
            fail(p.delay.loc, "'" + p.path + ".delay' = " + fmt_number(p.delay.p1) +
                                  " ms is shorter than dt = " + fmt_number(dt) + " ms (a spike must not arrive in the step that sent it)");
    }
    for (const auto& v : d.drives) {
        check_receptor(v.receptor, v.path, v.weight.size(), v.weight_loc);
        if (v.delay < dt)
            fail(v.delay_loc, "'" + v.path + ".delay' = " + fmt_number(v.delay) + " ms is shorter than dt = " +
                                  fmt_number(dt) + " ms");
    }
    try {
        for (const auto& pop : d.populations) {
            out.network.add_population(pop.name, pop.count, [&](Model& m, int gid) {
                const CellDesc& cell = d.cells[pop.first_cell + static_cast<std::size_t>(gid - pop.first_gid)];
                build_cell(cell);
                CellPorts ports;
                ports.spike_source = cell.name;
                m.record_spikes(cell.name, sections.at({cell.name, root_of(cell).name}), 0.5, pop.threshold);
                for (const auto& p : d.projections)
                    if (p.target == pop.name) ports.receptors["projection:" + p.name] = add_receptor(cell, p.receptor, p.name);
                for (const auto& v : d.drives)
                    if (std::find(v.gids.begin(), v.gids.end(), gid) != v.gids.end())
                        ports.receptors["drive:" + v.name] = add_receptor(cell, v.receptor, v.name);
                return ports;
            });
            out.groups.push_back(GroupInfo{pop.name, pop.first_gid, pop.count, false});
        }
        out.has_populations = !d.populations.empty();
        for (const auto& s : d.spike_sources) {
            if (s.vecstim) out.network.add_spike_sources(s.name, std::vector<VecStim>{VecStim{s.times}});
            else out.network.add_spike_sources(s.name, s.count, to_netstim(s.interval, s.number, s.start, s.noise));
            out.groups.push_back(GroupInfo{s.name, s.first_gid, s.count, true});
        }
    } catch (const mech::Error& e) {
        fail(Loc{}, e.what());
    }
}

void Builder::build_network() {
    for (const auto& c : d.connections) {
        const mech_mechanism& m = *point_mechanisms.at(c.target);
        const std::string path = "connections." + c.name;
        if (!m.net_receive)
            fail(c.target_loc, "'" + path + ".target': " + std::string(m.name) + " '" + c.target +
                                   "' has no NET_RECEIVE block, so it cannot receive spikes");
        if (c.weight.size() > static_cast<std::size_t>(std::max(m.n_net_receive_args, 1)))
            fail(c.weight_loc.line ? c.weight_loc : c.loc,
                 "'" + path + ".weight' gives " + std::to_string(c.weight.size()) + " values; NET_RECEIVE of " +
                     std::string(m.name) + " takes " + std::to_string(m.n_net_receive_args));
        const PointProcessId target = points.at(c.target);
        const auto source = std::find_if(d.spike_sources.begin(), d.spike_sources.end(),
                                         [&](const SpikeSourceDesc& s) { return s.name == c.source; });
        if (!c.source_at && source != d.spike_sources.end()) {
            model().connect_spikes(out.network.cell(source->first_gid).spike_source, target, c.weight, c.delay);
            continue;
        }
        Location at;
        if (c.source_at) {
            at = *c.source_at;
        } else {
            const CellDesc& cell = *std::find_if(d.cells.begin(), d.cells.end(),
                                                 [&](const CellDesc& x) { return x.name == c.source; });
            at = Location{cell.name, root_of(cell).name, 0.5, c.source_loc};
        }
        const std::string detector = "#connection:" + c.name;
        model().record_spikes(detector, section_at(at), at.x, c.threshold);
        model().connect_spikes(detector, target, c.weight, c.delay);
    }
    for (const auto& p : d.projections) {
        Projection proj;
        proj.source = p.source;
        proj.target = p.target;
        proj.receptor = "projection:" + p.name;
        using Rule = ProjectionDesc::Rule;
        switch (p.rule) {
            case Rule::AllToAll: proj.rule = AllToAll{}; break;
            case Rule::FixedProbability: proj.rule = FixedProbability{p.p}; break;
            case Rule::FixedInDegree: proj.rule = FixedInDegree{p.n, p.multapses}; break;
            case Rule::FixedOutDegree: proj.rule = FixedOutDegree{p.n, p.multapses}; break;
            case Rule::Explicit: {
                const int source_first = out.network.population(p.source).first;
                const int target_first = out.network.population(p.target).first;
                ExplicitList list;
                for (const auto& pair : p.pairs)
                    list.connections.push_back(ExplicitConnection{
                        source_first + pair.source, target_first + pair.target,
                        pair.weight ? std::optional<std::vector<double>>(std::vector<double>{*pair.weight}) : std::nullopt,
                        pair.delay});
                proj.rule = list;
                break;
            }
        }
        proj.weight.clear();
        for (const auto& w : p.weight) proj.weight.push_back(to_distribution(w));
        proj.delay = to_distribution(p.delay);
        proj.autapses = p.autapses;
        try {
            out.network.connect(proj);
        } catch (const mech::Error& e) {
            fail(p.rule_loc.line ? p.rule_loc : p.loc, "projection '" + p.name + "': " + e.what());
        }
    }
    for (const auto& v : d.drives) {
        try {
            out.network.add_drive(GidSet::list(v.gids), "drive:" + v.name, to_netstim(v.interval, v.number, v.start, v.noise),
                                  v.weight, v.delay);
        } catch (const mech::Error& e) {
            fail(v.loc, "drive '" + v.name + "': " + e.what());
        }
    }
}

void Builder::build_gap_junctions() {
    for (const auto& g : d.gap_junctions) {
        const GapJunctionId id = model().add_gap_junction(section_at(g.a), g.a.x, section_at(g.b), g.b.x,
                                                          GapJunction{g.g, g.rectifying, g.g_min, g.v_half, g.slope});
        junctions[g.name] = id;
    }
}

}  // namespace

BuiltModel build_model(const ModelDescription& description, MechanismLoader& loader) {
    Builder b{description, loader, BuiltModel{mech::Network(description.seed), {}, {}, {}, {}, false}, {}, {}, {}, {}, {}, {}, {}};
    const SimulationDesc& s = description.simulation;
    b.out.options = SimOptions{s.tstop, s.dt, s.celsius, s.v_init, 1};
    b.out.options.threads = s.threads;
    b.build_sections();
    b.build_populations();
    b.build_devices();
    b.build_globals();
    b.build_gap_junctions();
    b.build_probes();
    b.build_network();
    return std::move(b.out);
}

std::unique_ptr<MechanismLoader> make_loader(const ModelDescription& description) {
    std::vector<std::string> paths = description.mechanism_paths;
    paths.push_back(standard_mechanism_dir());
    auto loader = std::make_unique<MechanismLoader>(paths);
    for (const auto& c : description.catalogues) {
        try {
            loader->add_catalogue_file(c);
        } catch (const std::runtime_error& e) {
            throw ModelError(description.file, description.mechanism_paths_loc, e.what());
        }
    }
    return loader;
}

}  // namespace mech::model
