// [templates] and [cells]: morphology (sections, their geometry and connections) and the density
// mechanisms inserted in each section.
#include <algorithm>
#include <cctype>

#include "read_parts.hpp"

namespace mech::model {

namespace {

// Settings that can only be resolved once the mechanisms are loaded: "gnabar_hh" (a parameter
// with its mechanism's suffix) and ion quantities such as "ena", "cai", "cao".
bool looks_neuron_style(std::string_view key) {
    if (key.find('_') != std::string_view::npos) return true;
    auto letters = [](std::string_view s) {
        if (s.empty() || s.size() > 4) return false;
        for (char c : s)
            if (!std::islower(static_cast<unsigned char>(c))) return false;
        return true;
    };
    if (key.size() >= 2 && key[0] == 'e' && letters(key.substr(1))) return true;
    if (key.size() >= 2 && (key.back() == 'i' || key.back() == 'o') && letters(key.substr(0, key.size() - 1)))
        return true;
    return false;
}

std::vector<ParamValue> read_params(TableReader& r) {
    std::vector<ParamValue> out;
    for (const auto& [key, node] : r.unread()) {
        const std::string name(key->str());
        auto value = r.number(name);  // reports non-numbers by name
        out.push_back(ParamValue{name, *value, r.loc_of(name)});
    }
    return out;
}

// Each layer (template, then cell) may list mechanisms by name or give a table of parameter tables;
// a cell's parameters replace the template's one by one.
std::vector<MechanismUse> read_mechanisms(TableReader& section) {
    std::vector<MechanismUse> out;
    std::vector<std::vector<const toml::table*>> param_layers;
    section.has("mechanisms");
    auto use = [&](const std::string& name, Loc loc) -> std::size_t {
        for (std::size_t i = 0; i < out.size(); ++i)
            if (out[i].name == name) return i;
        out.push_back(MechanismUse{name, loc, {}});
        param_layers.emplace_back();
        return out.size() - 1;
    };
    const std::string path = section.field("mechanisms");
    for (const toml::table* layer : section.layers()) {
        const toml::node* node = layer->get("mechanisms");
        if (!node) continue;
        if (const toml::array* array = node->as_array()) {
            std::vector<std::string> seen;
            for (std::size_t i = 0; i < array->size(); ++i) {
                const toml::node& e = *array->get(i);
                const Loc loc = to_loc(e.source());
                if (!e.is_string())
                    throw ModelError(section.file(), loc,
                                     "'" + path + "[" + std::to_string(i) + "]' must be a mechanism name, not " + type_name(e));
                const std::string name = e.as_string()->get();
                if (std::find(seen.begin(), seen.end(), name) != seen.end())
                    throw ModelError(section.file(), loc, "mechanism '" + name + "' is inserted twice in '" + section.path() + "'");
                seen.push_back(name);
                use(name, loc);
            }
        } else if (const toml::table* table = node->as_table()) {
            for (const auto& [key, value] : entries_in_file_order(*table)) {
                const std::string name(key->str());
                const toml::table* params = value->as_table();
                if (!params)
                    throw ModelError(section.file(), to_loc(value->source()),
                                     "'" + path + "." + name + "' must be a table of the mechanism's parameters (use {} for none), not " +
                                         type_name(*value));
                param_layers[use(name, to_loc(key->source()))].push_back(params);
            }
        } else {
            throw ModelError(section.file(), to_loc(node->source()),
                             "'" + path + "' must be a list of names ([\"hh\", \"pas\"]) or a table of tables "
                             "({ hh = { gnabar = 0.12 } }), not " + type_name(*node));
        }
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        TableReader r(param_layers[i], path + "." + out[i].name, section.file());
        out[i].params = read_params(r);
    }
    return out;
}

SectionDesc read_section(const std::string& name, const std::vector<const toml::table*>& layers, Loc key_loc,
                         const std::string& path, const std::string& file) {
    TableReader r(layers, path, file);
    SectionDesc s;
    s.name = name;
    s.loc = key_loc.line ? key_loc : r.loc();
    const auto sphere = r.number("sphere");
    const auto length = r.number("L");
    const auto diam = r.number("diam");
    if (sphere) {
        // One compartment with the area of a sphere (the same as NEURON's L = diam cylinder).
        if (length || diam) r.fail("sphere", "'" + path + "' gives both 'sphere' and L/diam; give one or the other");
        if (r.has("nseg")) r.fail("nseg", "'" + r.field("nseg") + "': a sphere is one compartment; leave nseg out");
        r.require_positive("sphere", *sphere, "um");
        s.length = s.diam = *sphere;
        s.sphere = true;
    } else {
        if (!length) r.fail_missing("L", "length in um, or 'sphere' = diameter");
        if (!diam) r.fail_missing("diam", "diameter in um");
        r.require_positive("L", *length, "um");
        r.require_positive("diam", *diam, "um");
        s.length = *length;
        s.diam = *diam;
    }
    if (auto nseg = r.integer("nseg")) {
        if (*nseg < 1 || *nseg > 1000000)
            r.fail("nseg", "'" + r.field("nseg") + "' must be at least 1 (and at most 1e6), got " + std::to_string(*nseg));
        s.nseg = static_cast<int>(*nseg);
    }
    if (auto cm = r.number("cm")) {
        r.require_non_negative("cm", *cm, "uF/cm2");
        s.cm = *cm;
    }
    if (auto ra = r.number("Ra")) {
        r.require_positive("Ra", *ra, "ohm cm");
        s.Ra = *ra;
    }
    if (auto parent = r.string("parent")) {
        s.parent = *parent;
        s.parent_loc = r.loc_of("parent");
        if (s.parent == name) r.fail("parent", "section '" + name + "' cannot be its own parent");
    }
    if (auto px = r.number("parent_x")) {
        if (s.parent.empty()) r.fail("parent_x", "'" + r.field("parent_x") + "' is set but 'parent' is not");
        if (!(*px >= 0 && *px <= 1))
            r.fail("parent_x", "'" + r.field("parent_x") + "' = " + fmt_number(*px) + " is outside [0, 1]");
        s.parent_x = *px;
    }
    s.mechanisms = read_mechanisms(r);
    for (const auto& [key, value] : r.unread()) {
        const std::string k(key->str());
        if (!looks_neuron_style(k)) r.finish();  // reports the first unknown field with a suggestion
        auto number = r.number(k);
        s.neuron_style.push_back(ParamValue{k, *number, r.loc_of(k)});
    }
    return s;
}

const toml::table& section_table(const toml::node& node, const std::string& path, const std::string& file) {
    if (const toml::table* t = node.as_table()) return *t;
    throw ModelError(file, to_loc(node.source()), "'" + path + "' must be a table, not " + type_name(node));
}

// Sections of a cell: the template's (in its order) with the cell's own settings layered over them,
// then sections only the cell has.
std::vector<SectionDesc> read_sections(const toml::table* from_template, const toml::table* own, const std::string& path,
                                       const std::string& file) {
    std::vector<std::pair<std::string, std::vector<const toml::table*>>> layers;
    std::vector<Loc> locs;
    for (const toml::table* source : {from_template, own}) {
        if (!source) continue;
        for (const auto& [key, node] : entries_in_file_order(*source)) {
            const std::string name(key->str());
            const toml::table& table = section_table(*node, path + "." + name, file);
            auto same = std::find_if(layers.begin(), layers.end(), [&](const auto& l) { return l.first == name; });
            if (same != layers.end()) {
                same->second.push_back(&table);
            } else {
                layers.push_back({name, {&table}});
                locs.push_back(to_loc(key->source()));
            }
        }
    }
    std::vector<SectionDesc> out;
    for (std::size_t i = 0; i < layers.size(); ++i)
        out.push_back(read_section(layers[i].first, layers[i].second, locs[i], path + "." + layers[i].first, file));
    return out;
}

}  // namespace

CellDesc read_template_cell(const toml::table* templates, TableReader& r, std::string_view key) {
    const auto t = r.string(key);
    if (!t) r.fail_missing(key, "the name of a [templates.<name>] table");
    const std::string& file = r.file();
    const toml::node* tmpl = templates ? templates->get(*t) : nullptr;
    if (!tmpl) {
        std::vector<std::string> names;
        if (templates)
            for (const auto& [k, v] : *templates) names.emplace_back(k.str());
        r.fail(key, "unknown template '" + *t + "'" + did_you_mean(*t, names));
    }
    TableReader tr(section_table(*tmpl, "templates." + *t, file), "templates." + *t, file);
    const toml::table* sections = tr.table("sections");
    if (!sections) tr.fail_missing("sections", "a table of sections");
    tr.finish();
    CellDesc cell;
    cell.template_name = *t;
    cell.loc = r.loc_of(key);
    cell.sections = read_sections(sections, nullptr, "templates." + *t + ".sections", file);
    return cell;
}

std::vector<CellDesc> read_cells(const toml::table* templates, const toml::table* cells, const std::string& file,
                                 bool populations) {
    if ((!cells || cells->empty()) && !populations)
        throw ModelError(file, Loc{}, "the model has no cells (add a [cells.<name>] table with its sections, or [populations.<name>])");
    std::vector<CellDesc> out;
    if (!cells) return out;
    for (const auto& [key, node] : entries_in_file_order(*cells)) {
        const std::string name(key->str());
        const std::string path = "cells." + name;
        const toml::table* table = node->as_table();
        if (!table) throw ModelError(file, to_loc(node->source()), "'" + path + "' must be a table, not " + type_name(*node));
        TableReader r(*table, path, file);
        CellDesc cell;
        cell.name = name;
        cell.loc = to_loc(key->source());
        const toml::table* from_template = nullptr;
        if (auto t = r.string("template")) {
            cell.template_name = *t;
            const toml::node* tmpl = templates ? templates->get(*t) : nullptr;
            if (!tmpl) {
                std::vector<std::string> names;
                if (templates)
                    for (const auto& [k, v] : *templates) names.emplace_back(k.str());
                r.fail("template", "unknown template '" + *t + "'" + did_you_mean(*t, names));
            }
            TableReader tr(section_table(*tmpl, "templates." + *t, file), "templates." + *t, file);
            from_template = tr.table("sections");
            if (!from_template) tr.fail_missing("sections", "a table of sections");
            tr.finish();
        }
        const toml::table* own = r.table("sections");
        r.finish();
        if (!from_template && (!own || own->empty()))
            throw ModelError(file, cell.loc, "cell '" + name + "' has no sections (give 'template' or [" + path + ".sections.<name>])");
        cell.sections = read_sections(from_template, own, path + ".sections", file);
        out.push_back(std::move(cell));
    }
    return out;
}

}  // namespace mech::model
