// The top of a model file: [simulation], [output] and mechanism search paths; the parts with
// their own readers are in read_cells.cpp, read_devices.cpp, read_network.cpp, read_populations.cpp.
#include "read_model.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "read_parts.hpp"

namespace mech::model {

namespace {

namespace fs = std::filesystem;

SimulationDesc read_simulation(TableReader r) {
    SimulationDesc s;
    s.loc = r.loc();
    const auto tstop = r.number("tstop");
    if (!tstop) r.fail_missing("tstop", "the run's length in ms");
    r.require_non_negative("tstop", *tstop, "ms");
    s.tstop = *tstop;
    s.tstop_loc = r.loc_of("tstop");
    if (auto dt = r.number("dt")) {
        r.require_positive("dt", *dt, "ms");
        s.dt = *dt;
    }
    if (s.tstop / s.dt > 1e11)
        r.fail("dt", "'" + r.field("dt") + "' = " + fmt_number(s.dt) + " ms makes " + fmt_number(s.tstop / s.dt) +
                         " steps for tstop = " + fmt_number(s.tstop) + " ms; that is more than any run can take");
    if (auto c = r.number("celsius")) {
        if (*c < -273.15) r.fail("celsius", "'" + r.field("celsius") + "' = " + fmt_number(*c) + " is below absolute zero");
        s.celsius = *c;
    }
    if (auto v = r.number("v_init")) s.v_init = *v;
    if (auto n = r.integer("threads")) {
        if (*n < 1) r.fail("threads", "'" + r.field("threads") + "' must be at least 1, got " + std::to_string(*n));
        s.threads = static_cast<int>(*n);
    }
    r.finish();
    return s;
}

std::string require_file_name(TableReader& r, std::string_view key, std::string fallback) {
    auto name = r.string(key);
    if (!name) return fallback;
    if (name->empty() || name->find('/') != std::string::npos || *name == "." || *name == "..")
        r.fail(key, "'" + r.field(key) + "' = \"" + *name + "\" must be a plain file name (it is written inside the output folder)");
    return *name;
}

OutputDesc read_output(TableReader r) {
    OutputDesc o;
    o.loc = r.loc();
    o.traces = require_file_name(r, "traces", o.traces);
    o.plot_file = require_file_name(r, "plot_file", o.plot_file);
    if (auto p = r.boolean("plot")) o.plot = *p;
    if (auto probes = r.strings("probes")) {
        o.probes = *probes;
        const toml::array& a = *r.node("probes")->as_array();
        for (std::size_t i = 0; i < a.size(); ++i) o.probe_locs.push_back(to_loc(a.get(i)->source()));
    }
    if (auto every = r.integer("every")) {
        if (*every < 1) r.fail("every", "'" + r.field("every") + "' must be at least 1 step, got " + std::to_string(*every));
        o.every = static_cast<int>(*every);
    }
    if (auto th = r.number("spike_threshold")) o.spike_threshold = *th;
    r.finish();
    return o;
}

std::vector<IonDesc> read_ions(const toml::table& ions, const std::string& file) {
    std::vector<IonDesc> out;
    for (const auto& [key, node] : entries_in_file_order(ions)) {
        const std::string name(key->str());
        const toml::table* table = node->as_table();
        if (!table)
            throw ModelError(file, to_loc(node->source()), "'ions." + name + "' must be a table, not " + type_name(*node));
        TableReader r(*table, "ions." + name, file);
        IonDesc ion;
        ion.name = name;
        ion.loc = to_loc(key->source());
        ion.internal = r.number("internal");
        ion.external = r.number("external");
        ion.reversal = r.number("reversal");
        if (ion.internal) r.require_positive("internal", *ion.internal, "mM");
        if (ion.external) r.require_positive("external", *ion.external, "mM");
        if (auto z = r.integer("valence")) {
            if (*z == 0 || *z > 8 || *z < -8) r.fail("valence", "'" + r.field("valence") + "' must be a non-zero charge number");
            ion.valence = static_cast<int>(*z);
        }
        r.finish();
        out.push_back(ion);
    }
    return out;
}

// A stimulus with `cells` becomes one stimulus "name[gid]" on each listed population cell.
void expand_stimuli(ModelDescription& m) {
    std::vector<StimulusDesc> out;
    for (auto& s : m.stimuli) {
        if (s.gids.empty()) {
            out.push_back(std::move(s));
            continue;
        }
        if (!s.at.cell.empty())
            throw ModelError(m.file, s.at.loc, "'stimuli." + s.name + ".at' names a cell; with 'cells' give only \"section(x)\"");
        for (int gid : s.gids) {
            const auto p = std::find_if(m.populations.begin(), m.populations.end(), [&](const PopulationDesc& p) {
                return gid >= p.first_gid && gid < p.first_gid + p.count;
            });
            if (p == m.populations.end())
                throw ModelError(m.file, s.cells_loc, "'stimuli." + s.name + ".cells' lists gid " + std::to_string(gid) +
                                                          ", which is not a cell of a population (cells have gids 0 to " +
                                                          std::to_string(m.populations.empty() ? -1 : m.populations.back().first_gid +
                                                                                                         m.populations.back().count - 1) + ")");
            StimulusDesc copy = s;
            copy.name = s.name + "[" + std::to_string(gid) + "]";
            copy.at.cell = m.cells[p->first_cell + static_cast<std::size_t>(gid - p->first_gid)].name;
            out.push_back(std::move(copy));
        }
    }
    m.stimuli = std::move(out);
}

ModelDescription read_document(const toml::table& doc, const std::string& file, const std::string& directory) {
    ModelDescription m;
    m.file = file;
    m.directory = directory;
    TableReader top(doc, "", file);
    // Unknown top-level names first: "[simulaton]" should be reported as such, not as a missing [simulation].
    for (const char* name : {"title", "mechanism_paths", "mechanism_catalogues", "globals", "ions", "simulation", "output", "templates", "cells", "stimuli",
                             "point_processes", "probes", "spike_sources", "connections", "network", "populations", "projections",
                             "drives", "gap_junctions"})
        top.has(name);
    top.finish();
    if (auto title = top.string("title")) m.title = *title;
    if (auto paths = top.strings("mechanism_paths")) {
        for (const auto& p : *paths) {
            fs::path path(p);
            if (path.is_relative()) path = fs::path(directory) / path;
            m.mechanism_paths.push_back(path.lexically_normal().string());
        }
    }
    m.mechanism_paths_loc = top.loc_of("mechanism_paths");
    if (auto catalogues = top.strings("mechanism_catalogues")) {
        for (const auto& p : *catalogues) {
            fs::path path(p);
            if (path.is_relative()) path = fs::path(directory) / path;
            m.catalogues.push_back(path.lexically_normal().string());
        }
    }
    if (const toml::table* globals = top.table("globals")) {
        TableReader r(*globals, "globals", file);
        for (const auto& [key, node] : r.unread()) {
            const std::string name(key->str());
            m.globals.push_back(ParamValue{name, *r.number(name), r.loc_of(name)});
        }
    }
    if (const toml::table* ions = top.table("ions")) m.ions = read_ions(*ions, file);
    const toml::table* simulation = top.table("simulation");
    if (!simulation) throw ModelError(file, Loc{}, "the model has no [simulation] table (it needs at least tstop)");
    m.simulation = read_simulation(TableReader(*simulation, "simulation", file));
    if (const toml::table* output = top.table("output")) m.output = read_output(TableReader(*output, "output", file));

    const toml::table* templates = top.table("templates");
    const toml::table* cells = top.table("cells");
    m.cells = read_cells(templates, cells, file, top.has("populations"));
    if (const toml::table* t = top.table("spike_sources")) m.spike_sources = read_spike_sources(*t, file);
    read_network_parts(doc, m, templates);
    if (const toml::table* t = top.table("stimuli")) m.stimuli = read_stimuli(*t, file);
    if (const toml::table* t = top.table("point_processes")) m.point_processes = read_point_processes(*t, file);
    if (const toml::table* t = top.table("probes")) m.probes = read_probes(*t, file);
    expand_stimuli(m);
    if (const toml::table* t = top.table("connections")) m.connections = read_connections(*t, file);
    top.finish();
    check_model(m);
    return m;
}

}  // namespace

ModelDescription read_model_text(const std::string& text, const std::string& file, const std::string& directory) {
    toml::table doc;
    try {
        doc = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        throw ModelError(file, to_loc(e.source()), std::string(e.description()));
    }
    return read_document(doc, file, directory);
}

ModelDescription read_model_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ModelError(path, Loc{}, "cannot read the model file (" + std::string(std::strerror(errno)) + ")");
    std::ostringstream text;
    text << in.rdbuf();
    const fs::path dir = fs::absolute(fs::path(path)).parent_path();
    return read_model_text(text.str(), path, dir.string());
}

}  // namespace mech::model
