// [stimuli], [point_processes] and [probes]: what is attached to the cells and what is recorded.
#include <cmath>

#include <muParser.h>

#include "location_text.hpp"
#include "read_parts.hpp"

namespace mech::model {

namespace {

const toml::table& as_table(const toml::node& node, const std::string& path, const std::string& file) {
    if (const toml::table* t = node.as_table()) return *t;
    throw ModelError(file, to_loc(node.source()), "'" + path + "' must be a table, not " + type_name(node));
}

void read_known_params(TableReader& r, std::vector<ParamValue>& out, std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (auto v = r.number(name)) out.push_back(ParamValue{name, *v, r.loc_of(name)});
}

// The muParser expression is compiled once here so that a typo is reported before any run.
void check_expression(TableReader& r, const std::string& expression) {
    try {
        mu::Parser parser;
        double t = 0;
        parser.DefineVar("t", &t);
        parser.SetExpr(expression);
        const double value = parser.Eval();
        (void)value;
    } catch (const mu::Parser::exception_type& e) {
        Loc loc = r.loc_of("expression");
        // The string's value starts one column after its opening quote.
        if (loc.line > 0 && e.GetPos() >= 0) loc.column += 1 + static_cast<int>(e.GetPos());
        throw ModelError(r.file(), loc, "'" + r.field("expression") + "': " + e.GetMsg());
    }
}

StimulusDesc read_stimulus(const std::string& name, const toml::table& table, Loc key_loc, const std::string& file) {
    TableReader r(table, "stimuli." + name, file);
    StimulusDesc s;
    s.name = name;
    s.loc = key_loc;
    const auto type = r.string("type");
    if (!type) r.fail_missing("type", "\"IClamp\", \"SEClamp\" or \"waveform\"");
    s.at = read_location(r, "at");
    if (r.has("cells")) {
        s.gids = read_gid_list(r, "cells");
        s.cells_loc = r.loc_of("cells");
    }
    if (*type == "IClamp") {
        s.kind = StimulusKind::IClamp;
        if (!r.has("amp")) r.fail_missing("amp", "the current in nA");
        if (!r.has("dur")) r.fail_missing("dur", "how long it is on, in ms");
        read_known_params(r, s.params, {"del", "dur", "amp"});
        for (const char* k : {"del", "dur"})
            if (auto v = r.number(k)) r.require_non_negative(k, *v, "ms");
    } else if (*type == "SEClamp") {
        s.kind = StimulusKind::SEClamp;
        if (!r.has("dur1")) r.fail_missing("dur1", "how long the first level is held, in ms");
        read_known_params(r, s.params, {"rs", "dur1", "amp1", "dur2", "amp2", "dur3", "amp3"});
        for (const char* k : {"dur1", "dur2", "dur3"})
            if (auto v = r.number(k)) r.require_non_negative(k, *v, "ms");
        if (auto rs = r.number("rs")) r.require_positive("rs", *rs, "MOhm");
    } else if (*type == "waveform") {
        s.kind = StimulusKind::Waveform;
        const auto times = r.numbers("t");
        const auto values = r.numbers("i");
        const auto expression = r.string("expression");
        if (expression && (times || values))
            r.fail("expression", "'stimuli." + name + "' gives both 'expression' and a table 't'/'i'; give one");
        if (expression) {
            check_expression(r, *expression);
            s.expression = *expression;
            s.expression_loc = r.loc_of("expression");
        } else {
            if (!times) r.fail_missing("t", "times in ms, with 'i' the currents in nA; or 'expression' of t");
            if (!values) r.fail_missing("i", "currents in nA at the times 't'");
            if (times->size() != values->size() || times->empty())
                r.fail("i", "'stimuli." + name + ".t' and '.i' must have the same, non-zero length (" +
                                std::to_string(times->size()) + " and " + std::to_string(values->size()) + ")");
            for (std::size_t k = 1; k < times->size(); ++k)
                if (!((*times)[k] > (*times)[k - 1]))
                    r.fail("t", "'stimuli." + name + ".t' must increase strictly; t[" + std::to_string(k) + "] = " +
                                    fmt_number((*times)[k]) + " follows " + fmt_number((*times)[k - 1]));
            s.times = *times;
            s.values = *values;
        }
    } else {
        r.fail("type", "unknown stimulus type '" + *type + "'" + did_you_mean(*type, {"IClamp", "SEClamp", "waveform"}) +
                           " (known: IClamp, SEClamp, waveform)");
    }
    r.finish();
    return s;
}

// "soma(0.5).v", "soma(0.5).m_hh", "soma(0.5).hh.m", "cell.soma(0.5).cai" or "stim.i".
void parse_probe_shorthand(ProbeDesc& p, const std::string& text, Loc loc, const std::string& path,
                           const std::string& file) {
    const auto close = text.rfind(").");
    if (close != std::string::npos) {
        p.at = parse_location(text.substr(0, close + 1), path, loc, file);
        p.variable = text.substr(close + 2);
    } else {
        const auto dot = text.find('.');
        if (dot == std::string::npos || dot == 0 || dot + 1 == text.size())
            throw ModelError(file, loc,
                             "'" + path + "' = \"" + text +
                                 "\" is not a probe: write \"section(x).variable\" (e.g. \"soma(0.5).v\") or "
                                 "\"point.variable\" (e.g. \"stim.i\")");
        p.point = text.substr(0, dot);
        p.point_loc = loc;
        p.variable = text.substr(dot + 1);
    }
    if (p.at) {
        const auto dot = p.variable.find('.');
        if (dot != std::string::npos) {
            p.mechanism = p.variable.substr(0, dot);
            p.variable = p.variable.substr(dot + 1);
        }
    }
    if (p.variable.empty()) throw ModelError(file, loc, "'" + path + "' = \"" + text + "\" names no variable");
    p.variable_loc = loc;
}

ProbeDesc read_probe(const std::string& name, const toml::node& node, Loc key_loc, const std::string& file) {
    const std::string path = "probes." + name;
    ProbeDesc p;
    p.name = name;
    p.loc = key_loc;
    if (const auto* text = node.as_string()) {
        parse_probe_shorthand(p, text->get(), to_loc(node.source()), path, file);
        return p;
    }
    TableReader r(as_table(node, path, file), path, file);
    const auto variable = r.string("variable");
    if (!variable) r.fail_missing("variable", "\"v\", a mechanism field such as \"m_hh\", an ion quantity such as \"ica\"");
    p.variable = *variable;
    p.variable_loc = r.loc_of("variable");
    if (r.has("at")) p.at = read_location(r, "at");
    if (auto point = r.string("point")) {
        if (p.at) r.fail("point", "'" + path + "' gives both 'at' and 'point'; a point's field is recorded where the point is");
        p.point = *point;
        p.point_loc = r.loc_of("point");
    }
    if (!p.at && p.point.empty()) r.fail_missing("at", "a location such as \"soma(0.5)\", or 'point' = a point process name");
    if (auto mech = r.string("mechanism")) {
        if (!p.at) r.fail("mechanism", "'" + r.field("mechanism") + "' only applies to probes with 'at'");
        p.mechanism = *mech;
    }
    if (auto every = r.integer("every")) {
        if (*every < 1) r.fail("every", "'" + r.field("every") + "' must be at least 1 step, got " + std::to_string(*every));
        p.every = static_cast<int>(*every);
    }
    r.finish();
    return p;
}

}  // namespace

Location read_location(TableReader& r, std::string_view key) {
    const auto text = r.string(key);
    if (!text) r.fail_missing(key, "a location such as \"soma(0.5)\"");
    Loc loc = r.loc_of(key);
    return parse_location(*text, r.field(key), loc, r.file());
}

std::vector<StimulusDesc> read_stimuli(const toml::table& stimuli, const std::string& file) {
    std::vector<StimulusDesc> out;
    for (const auto& [key, node] : entries_in_file_order(stimuli)) {
        const std::string name(key->str());
        out.push_back(read_stimulus(name, as_table(*node, "stimuli." + name, file), to_loc(key->source()), file));
    }
    return out;
}

std::vector<PointProcessDesc> read_point_processes(const toml::table& points, const std::string& file) {
    std::vector<PointProcessDesc> out;
    for (const auto& [key, node] : entries_in_file_order(points)) {
        const std::string name(key->str());
        const std::string path = "point_processes." + name;
        TableReader r(as_table(*node, path, file), path, file);
        PointProcessDesc p;
        p.name = name;
        p.loc = to_loc(key->source());
        const auto mechanism = r.string("mechanism");
        if (!mechanism) r.fail_missing("mechanism", "the POINT_PROCESS name, e.g. \"ExpSyn\"");
        p.mechanism = *mechanism;
        p.mechanism_loc = r.loc_of("mechanism");
        p.at = read_location(r, "at");
        // Every other key is a parameter of the mechanism, checked against it once it is loaded.
        for (const auto& [k, v] : r.unread()) {
            const std::string param(k->str());
            const auto value = r.number(param);
            p.params.push_back(ParamValue{param, *value, r.loc_of(param)});
        }
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<ProbeDesc> read_probes(const toml::table& probes, const std::string& file) {
    std::vector<ProbeDesc> out;
    for (const auto& [key, node] : entries_in_file_order(probes))
        out.push_back(read_probe(std::string(key->str()), *node, to_loc(key->source()), file));
    return out;
}

}  // namespace mech::model
