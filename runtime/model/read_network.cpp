// [spike_sources] and [connections]: the runtime's NetStim and VecStim sources (one, or a group
// of `count` with their own random streams) and NetCon-style connections from them or from
// cells' voltages to point processes.
#include <cmath>

#include "read_parts.hpp"

namespace mech::model {

namespace {

const toml::table& table_of(const toml::node& node, const std::string& path, const std::string& file) {
    if (const toml::table* t = node.as_table()) return *t;
    throw ModelError(file, to_loc(node.source()), "'" + path + "' must be a table, not " + type_name(node));
}

}  // namespace

std::vector<SpikeSourceDesc> read_spike_sources(const toml::table& sources, const std::string& file) {
    std::vector<SpikeSourceDesc> out;
    for (const auto& [key, node] : entries_in_file_order(sources)) {
        const std::string name(key->str());
        const std::string path = "spike_sources." + name;
        TableReader r(table_of(*node, path, file), path, file);
        SpikeSourceDesc s;
        s.name = name;
        s.loc = to_loc(key->source());
        const auto type = r.string("type");
        if (!type) r.fail_missing("type", "\"NetStim\" or \"VecStim\"");
        if (*type == "NetStim") {
            if (auto v = r.number("interval")) s.interval = *v;
            if (auto v = r.number("start")) s.start = *v;
            if (auto v = r.number("noise")) s.noise = *v;
            r.require_non_negative("start", s.start, "ms");
            r.require_positive("interval", s.interval, "ms");
            if (auto n = r.integer("number")) {
                if (*n < 0 || *n > 100000000)
                    r.fail("number", "'" + r.field("number") + "' must be between 0 and 1e8, got " + std::to_string(*n));
                s.number = static_cast<double>(*n);
            }
            if (!(s.noise >= 0 && s.noise <= 1))
                r.fail("noise", "'" + r.field("noise") + "' = " + fmt_number(s.noise) +
                                    " is outside [0, 1] (0: regular, 1: Poisson)");
        } else if (*type == "VecStim") {
            s.vecstim = true;
            const auto times = r.numbers("times");
            if (!times) r.fail_missing("times", "the spike times in ms");
            for (std::size_t k = 0; k < times->size(); ++k) {
                if ((*times)[k] < 0) r.fail("times", "'" + path + ".times[" + std::to_string(k) + "]' is negative");
                if (k > 0 && (*times)[k] < (*times)[k - 1])
                    r.fail("times", "'" + path + ".times' must not decrease; times[" + std::to_string(k) + "] = " +
                                        fmt_number((*times)[k]) + " follows " + fmt_number((*times)[k - 1]));
            }
            s.times = *times;
        } else {
            r.fail("type", "unknown spike source type '" + *type + "'" + did_you_mean(*type, {"NetStim", "VecStim"}) +
                               " (known: NetStim, VecStim)");
        }
        if (auto n = r.integer("count")) {
            if (*n < 1 || *n > 10000000)
                r.fail("count", "'" + r.field("count") + "' must be between 1 and 1e7, got " + std::to_string(*n));
            if (s.vecstim && *n != 1)
                r.fail("count", "'" + r.field("count") + "': a VecStim group would repeat one train; give each train its own source");
            s.count = static_cast<int>(*n);
            s.has_count = true;
        }
        r.finish();
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<ConnectionDesc> read_connections(const toml::table& connections, const std::string& file) {
    std::vector<ConnectionDesc> out;
    for (const auto& [key, node] : entries_in_file_order(connections)) {
        const std::string name(key->str());
        const std::string path = "connections." + name;
        TableReader r(table_of(*node, path, file), path, file);
        ConnectionDesc c;
        c.name = name;
        c.loc = to_loc(key->source());
        const auto source = r.string("source");
        if (!source) r.fail_missing("source", "a spike source, a cell, or a location such as \"pre.soma(0.5)\"");
        c.source_loc = r.loc_of("source");
        if (source->find('(') != std::string::npos) c.source_at = read_location(r, "source");
        else c.source = *source;
        const auto target = r.string("target");
        if (!target) r.fail_missing("target", "a point process with NET_RECEIVE");
        c.target = *target;
        c.target_loc = r.loc_of("target");
        if (const toml::node* w = r.node("weight")) {
            c.weight_loc = r.loc_of("weight");
            if (w->is_array()) c.weight = *r.numbers("weight");
            else c.weight = {*r.number("weight")};
            if (c.weight.empty()) r.fail("weight", "'" + r.field("weight") + "' must hold at least one number");
        }
        if (auto d = r.number("delay")) {
            r.require_non_negative("delay", *d, "ms");
            c.delay = *d;
        }
        if (auto th = r.number("threshold")) c.threshold = *th;
        r.finish();
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace mech::model
