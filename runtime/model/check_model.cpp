// Cross-reference checks of a model description: every name a field refers to exists, section
// trees are trees, and names shared by probes, stimuli and point processes are unambiguous.
#include <algorithm>
#include <map>
#include <set>

#include "location_text.hpp"
#include "read_model.hpp"
#include "model_error.hpp"

namespace mech::model {

namespace {

template <class T>
std::vector<std::string> names_of(const std::vector<T>& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i.name);
    return out;
}

void check_tree(const ModelDescription& m, const CellDesc& cell) {
    std::map<std::string, const SectionDesc*> by_name;
    for (const auto& s : cell.sections) by_name[s.name] = &s;
    const SectionDesc* root = nullptr;
    for (const auto& s : cell.sections) {
        if (s.parent.empty()) {
            if (root)
                throw ModelError(m.file, s.loc,
                                 "cell '" + cell.name + "' has two root sections, '" + root->name + "' and '" + s.name +
                                     "'; connect one of them with 'parent'");
            root = &s;
            continue;
        }
        if (!by_name.count(s.parent))
            throw ModelError(m.file, s.parent_loc,
                             "section '" + s.name + "' has parent '" + s.parent + "', which is not a section of cell '" +
                                 cell.name + "'" + did_you_mean(s.parent, names_of(cell.sections)));
    }
    if (!root)
        throw ModelError(m.file, cell.loc, "cell '" + cell.name + "' has no root section: its parents form a loop");
    // Walking up from each section must reach the root within as many steps as there are sections.
    for (const auto& s : cell.sections) {
        const SectionDesc* at = &s;
        for (std::size_t steps = 0; !at->parent.empty(); ++steps) {
            if (steps > cell.sections.size())
                throw ModelError(m.file, s.parent_loc,
                                 "section '" + s.name + "' of cell '" + cell.name + "' is part of a loop of parents");
            at = by_name.at(at->parent);
        }
    }
}

void check_gids(const ModelDescription& m, const std::vector<int>& gids, Loc loc, const std::string& field) {
    const int cells = m.populations.empty() ? 0 : m.populations.back().first_gid + m.populations.back().count;
    for (int gid : gids)
        if (gid >= cells)
            throw ModelError(m.file, loc, "'" + field + "' lists gid " + std::to_string(gid) +
                                              ", which is not a population cell (cells have gids 0 to " +
                                              std::to_string(cells - 1) + ")");
}

// Populations, spike-source groups, projections, drives and gap junctions name each other.
void check_network(const ModelDescription& m, std::map<std::string, Loc>& devices) {
    std::map<std::string, int> groups;  // population or source group -> size
    for (const auto& p : m.populations) groups[p.name] = p.count;
    for (const auto& s : m.spike_sources) {
        if (groups.count(s.name))
            throw ModelError(m.file, s.loc, "'" + s.name + "' names both a population and a spike source");
        groups[s.name] = s.count;
    }
    std::vector<std::string> group_names, population_names = names_of(m.populations);
    for (const auto& [name, size] : groups) group_names.push_back(name);
    std::set<std::string> projection_names;
    for (const auto& p : m.projections) {
        const std::string path = p.path;
        // The name keys the receptor each projection makes in its target cells.
        if (!projection_names.insert(p.name).second)
            throw ModelError(m.file, p.loc, "two projections are named '" + p.name + "'; give each its own 'name'");
        if (!groups.count(p.source))
            throw ModelError(m.file, p.source_loc, "'" + path + ".source' = \"" + p.source +
                                                       "\" is neither a population nor a spike source" +
                                                       did_you_mean(p.source, group_names));
        if (std::find(population_names.begin(), population_names.end(), p.target) == population_names.end())
            throw ModelError(m.file, p.target_loc, "'" + path + ".target' = \"" + p.target + "\" is not a population" +
                                                       did_you_mean(p.target, population_names) +
                                                       (groups.count(p.target) ? " (spike sources cannot receive spikes)" : ""));
        const auto& target = *std::find_if(m.populations.begin(), m.populations.end(),
                                           [&](const PopulationDesc& x) { return x.name == p.target; });
        check_location(m, Location{m.cells[target.first_cell].name, p.receptor.at.section, p.receptor.at.x, p.receptor.at.loc},
                       "'" + path + ".receptor.at' =");
        for (const auto& pair : p.pairs)
            if (pair.source < 0 || pair.source >= groups.at(p.source) || pair.target < 0 || pair.target >= target.count)
                throw ModelError(m.file, pair.loc, "'" + path + ".pairs': [" + std::to_string(pair.source) + ", " +
                                                       std::to_string(pair.target) + "] is outside the populations ('" +
                                                       p.source + "' has " + std::to_string(groups.at(p.source)) + " cells, '" +
                                                       p.target + "' " + std::to_string(target.count) + "; indices start at 0)");
    }
    for (const auto& d : m.drives) {
        check_gids(m, d.gids, d.cells_loc, d.path + ".cells");
        for (int gid : d.gids) {
            const auto& p = *std::find_if(m.populations.begin(), m.populations.end(), [&](const PopulationDesc& x) {
                return gid >= x.first_gid && gid < x.first_gid + x.count;
            });
            check_location(m, Location{m.cells[p.first_cell].name, d.receptor.at.section, d.receptor.at.x, d.receptor.at.loc},
                           "'" + d.path + ".receptor.at' =");
        }
    }
    for (const auto& g : m.gap_junctions) {
        check_location(m, g.a, "'" + g.path + ".a' =");
        check_location(m, g.b, "'" + g.path + ".b' =");
        if (devices.count(g.name))
            throw ModelError(m.file, g.loc, "'" + g.name + "' names both a gap junction and a stimulus or point process");
        devices[g.name] = g.loc;
    }
}

}  // namespace

void check_location(const ModelDescription& m, const Location& where, const std::string& what) {
    const CellDesc* cell = nullptr;
    if (where.cell.empty()) {
        if (m.cells.size() != 1) {
            std::string names;
            for (const auto& c : m.cells) names += (names.empty() ? "" : ", ") + c.name;
            throw ModelError(m.file, where.loc,
                             what + " \"" + format_location(where) + "\" must name its cell (\"cell.section(x)\"); cells: " + names);
        }
        cell = &m.cells.front();
    } else {
        for (const auto& c : m.cells)
            if (c.name == where.cell) cell = &c;
        if (!cell)
            throw ModelError(m.file, where.loc,
                             what + " \"" + format_location(where) + "\": no cell '" + where.cell + "'" +
                                 did_you_mean(where.cell, names_of(m.cells)));
    }
    for (const auto& s : cell->sections)
        if (s.name == where.section) return;
    throw ModelError(m.file, where.loc,
                     what + " \"" + format_location(where) + "\": cell '" + cell->name + "' has no section '" +
                         where.section + "'" + did_you_mean(where.section, names_of(cell->sections)));
}

void check_model(const ModelDescription& m) {
    if (m.cells.empty()) throw ModelError(m.file, Loc{}, "the model has no cells");
    for (const auto& cell : m.cells) check_tree(m, cell);

    std::map<std::string, Loc> devices;  // stimuli and point processes share one name space
    auto add_device = [&](const std::string& name, Loc loc) {
        if (auto it = devices.find(name); it != devices.end())
            throw ModelError(m.file, loc,
                             "'" + name + "' names both a stimulus and a point process (line " +
                                 std::to_string(it->second.line) + "); probes refer to them by name, so rename one");
        devices[name] = loc;
    };
    for (const auto& s : m.stimuli) {
        check_location(m, s.at, "'stimuli." + s.name + ".at' =");
        add_device(s.name, s.loc);
    }
    for (const auto& p : m.point_processes) {
        check_location(m, p.at, "'point_processes." + p.name + ".at' =");
        add_device(p.name, p.loc);
    }
    check_network(m, devices);
    std::vector<std::string> device_names;
    for (const auto& [name, loc] : devices) device_names.push_back(name);
    for (const auto& p : m.probes) {
        if (p.at) check_location(m, *p.at, "probe '" + p.name + "' at");
        if (!p.point.empty() && !devices.count(p.point))
            throw ModelError(m.file, p.point_loc,
                             "probe '" + p.name + "' records from '" + p.point +
                                 "', which is neither a stimulus nor a point process" + did_you_mean(p.point, device_names));
    }
    std::set<std::string> sources;
    for (const auto& s : m.spike_sources) {
        if (devices.count(s.name))
            throw ModelError(m.file, s.loc, "'" + s.name + "' names both a spike source and a stimulus or point process");
        if (!s.has_count) sources.insert(s.name);
    }
    std::vector<std::string> point_names = names_of(m.point_processes);
    for (const auto& c : m.connections) {
        if (c.source_at) {
            check_location(m, *c.source_at, "'connections." + c.name + ".source' =");
        } else if (auto group = std::find_if(m.spike_sources.begin(), m.spike_sources.end(),
                                             [&](const SpikeSourceDesc& s) { return s.name == c.source && s.has_count; });
                   group != m.spike_sources.end()) {
            throw ModelError(m.file, c.source_loc,
                             "'connections." + c.name + ".source' = \"" + c.source + "\" is a group of " +
                                 std::to_string(group->count) + " spike sources; connect a group with a [[projections]] table");
        } else if (!sources.count(c.source) &&
                   std::none_of(m.cells.begin(), m.cells.end(), [&](const CellDesc& cell) { return cell.name == c.source; })) {
            std::vector<std::string> names(sources.begin(), sources.end());
            for (const auto& cell : m.cells) names.push_back(cell.name);
            throw ModelError(m.file, c.source_loc,
                             "'connections." + c.name + ".source' = \"" + c.source +
                                 "\" is neither a spike source nor a cell" + did_you_mean(c.source, names) +
                                 " (a location such as \"cell.soma(0.5)\" also works)");
        }
        if (std::find(point_names.begin(), point_names.end(), c.target) == point_names.end())
            throw ModelError(m.file, c.target_loc,
                             "'connections." + c.name + ".target' = \"" + c.target + "\" is not a point process" +
                                 (devices.count(c.target) ? std::string(" (it is a stimulus; spikes go to synapses)")
                                                          : did_you_mean(c.target, point_names)));
    }
    const auto probe_names = names_of(m.probes);
    std::set<std::string> listed;
    for (std::size_t i = 0; i < m.output.probes.size(); ++i) {
        const std::string& name = m.output.probes[i];
        const Loc loc = i < m.output.probe_locs.size() ? m.output.probe_locs[i] : m.output.loc;
        if (std::find(probe_names.begin(), probe_names.end(), name) == probe_names.end())
            throw ModelError(m.file, loc, "'output.probes' names '" + name + "', which is not a probe" +
                                              did_you_mean(name, probe_names));
        if (!listed.insert(name).second)
            throw ModelError(m.file, loc, "'output.probes' lists '" + name + "' twice");
    }
    if (m.output.traces == m.output.plot_file)
        throw ModelError(m.file, m.output.loc, "'output.traces' and 'output.plot_file' are the same file");
}

}  // namespace mech::model
