// [spike_sources] and [connections]: spike trains known in advance (NetStim, VecStim) and
// NetCon-style connections from them or from cells' voltages to point processes.
#include <cmath>

#include "read_parts.hpp"

namespace mech::model {

namespace {

const toml::table& table_of(const toml::node& node, const std::string& path, const std::string& file) {
    if (const toml::table* t = node.as_table()) return *t;
    throw ModelError(file, to_loc(node.source()), "'" + path + "' must be a table, not " + type_name(node));
}

std::vector<double> netstim_times(TableReader& r) {
    const auto start = r.number("start").value_or(50);       // NetStim's defaults
    const auto interval = r.number("interval").value_or(10);
    const auto number = r.integer("number").value_or(10);
    const auto noise = r.number("noise").value_or(0);
    r.require_non_negative("start", start, "ms");
    r.require_positive("interval", interval, "ms");
    if (number < 0 || number > 100000000)
        r.fail("number", "'" + r.field("number") + "' must be between 0 and 1e8, got " + std::to_string(number));
    if (noise != 0)
        r.fail("noise", "'" + r.field("noise") + "' = " + fmt_number(noise) +
                            ": random NetStim trains are not supported yet (use noise = 0, or a VecStim with explicit times)");
    std::vector<double> times;
    for (std::int64_t k = 0; k < number; ++k) times.push_back(start + static_cast<double>(k) * interval);
    return times;
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
            s.times = netstim_times(r);
        } else if (*type == "VecStim") {
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
