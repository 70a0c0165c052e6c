// Network parts of a model file: [network] seed, [populations.NAME], [[projections]] (or
// [projections.NAME]), [drives.NAME] and [[gap_junctions]]. Names are cross-checked in
// check_model.cpp; mechanisms (NET_RECEIVE, weight lengths) in build_model.cpp.
#include <algorithm>
#include <charconv>

#include "read_parts.hpp"

namespace mech::model {

namespace {

const toml::table& table_at(const toml::node& node, const std::string& path, const std::string& file) {
    if (const toml::table* t = node.as_table()) return *t;
    throw ModelError(file, to_loc(node.source()), "'" + path + "' must be a table, not " + type_name(node));
}

// Named tables ([x.NAME]) or an array of tables ([[x]], named by their `name` or "x[i]").
std::vector<std::pair<std::string, TableReader>> named_tables(const toml::node& node, const std::string& what,
                                                              const std::string& file, std::vector<Loc>& locs) {
    std::vector<std::pair<std::string, TableReader>> out;
    if (const toml::array* a = node.as_array()) {
        for (std::size_t i = 0; i < a->size(); ++i) {
            const std::string path = what + "[" + std::to_string(i) + "]";
            const toml::table& t = table_at(*a->get(i), path, file);
            std::string name = path;
            if (const toml::node* n = t.get("name"); n && n->is_string()) name = n->as_string()->get();
            out.emplace_back(name, TableReader(t, path, file));
            locs.push_back(to_loc(a->get(i)->source()));
        }
        for (auto& [name, r] : out) r.string("name");
        return out;
    }
    for (const auto& [key, value] : entries_in_file_order(table_at(node, what, file))) {
        const std::string name(key->str());
        out.emplace_back(name, TableReader(table_at(*value, what + "." + name, file), what + "." + name, file));
        locs.push_back(to_loc(key->source()));
    }
    return out;
}

int read_count(TableReader& r, std::string_view key, std::int64_t low) {
    const auto n = r.integer(key);
    if (!n) r.fail_missing(key, "a whole number");
    if (*n < low || *n > 10000000)
        r.fail(key, "'" + r.field(key) + "' must be between " + std::to_string(low) + " and 1e7, got " + std::to_string(*n));
    return static_cast<int>(*n);
}

DistributionDesc read_distribution(TableReader& r, std::string_view key, const toml::node& node, const std::string& path) {
    DistributionDesc d;
    d.loc = to_loc(node.source());
    if (node.is_number()) {
        d.p1 = node.value<double>().value();
        return d;
    }
    const toml::table* t = node.as_table();
    if (!t) r.fail(key, "'" + path + "' must be a number or a table such as { dist = \"uniform\", low = 0, high = 1 }, not " + type_name(node));
    TableReader dr(*t, path, r.file());
    const auto dist = dr.string("dist");
    if (!dist) dr.fail_missing("dist", "\"uniform\", \"normal\", \"exponential\" or \"constant\"");
    auto need = [&](const char* k, const char* what) {
        const auto v = dr.number(k);
        if (!v) dr.fail_missing(k, what);
        return *v;
    };
    if (*dist == "constant") {
        d.p1 = need("value", "the value");
    } else if (*dist == "uniform") {
        d.kind = DistributionDesc::Kind::Uniform;
        d.p1 = need("low", "the lower end");
        d.p2 = need("high", "the upper end");
        if (!(d.p2 > d.p1)) dr.fail("high", "'" + dr.field("high") + "' = " + fmt_number(d.p2) + " must be above low = " + fmt_number(d.p1));
    } else if (*dist == "normal") {
        d.kind = DistributionDesc::Kind::Normal;
        d.p1 = need("mean", "the mean");
        d.p2 = need("sd", "the standard deviation");
        dr.require_non_negative("sd", d.p2, "");
    } else if (*dist == "exponential") {
        d.kind = DistributionDesc::Kind::Exponential;
        d.p1 = need("mean", "the mean");
        dr.require_positive("mean", d.p1, "");
    } else {
        dr.fail("dist", "'" + dr.field("dist") + "': unknown distribution '" + *dist + "'" +
                            did_you_mean(*dist, {"constant", "uniform", "normal", "exponential"}) +
                            " (known: constant, uniform, normal, exponential)");
    }
    d.min = dr.number("min");
    d.max = dr.number("max");
    if (d.min && d.max && !(*d.max >= *d.min)) dr.fail("max", "'" + dr.field("max") + "' is below 'min'");
    dr.finish();
    return d;
}

ReceptorDesc read_receptor(TableReader& r) {
    const toml::table* t = r.table("receptor");
    if (!t) r.fail_missing("receptor", "the synapse made in each target cell, e.g. { mechanism = \"ExpSyn\", at = \"soma(0.5)\", e = 0 }");
    ReceptorDesc d;
    d.loc = r.loc_of("receptor");
    TableReader rr(*t, r.field("receptor"), r.file());
    const auto m = rr.string("mechanism");
    if (!m) rr.fail_missing("mechanism", "a POINT_PROCESS with NET_RECEIVE, e.g. \"ExpSyn\"");
    d.mechanism = *m;
    d.mechanism_loc = rr.loc_of("mechanism");
    d.at = read_location(rr, "at");
    if (!d.at.cell.empty())
        rr.fail("at", "'" + rr.field("at") + "' names a section of the target cells, without a cell (e.g. \"soma(0.5)\")");
    for (const auto& [k, v] : rr.unread()) {
        const std::string name(k->str());
        d.params.push_back(ParamValue{name, *rr.number(name), rr.loc_of(name)});
    }
    return d;
}

std::vector<DistributionDesc> read_weights(TableReader& r, Loc& loc) {
    std::vector<DistributionDesc> out;
    const toml::node* w = r.node("weight");
    if (!w) return {DistributionDesc{DistributionDesc::Kind::Constant, 1, 0, {}, {}, {}}};
    loc = r.loc_of("weight");
    if (const toml::array* a = w->as_array()) {
        for (std::size_t i = 0; i < a->size(); ++i)
            out.push_back(read_distribution(r, "weight", *a->get(i), r.field("weight") + "[" + std::to_string(i) + "]"));
        if (out.empty()) r.fail("weight", "'" + r.field("weight") + "' must hold at least one value");
        return out;
    }
    out.push_back(read_distribution(r, "weight", *w, r.field("weight")));
    return out;
}

void read_netstim(TableReader& r, double& interval, double& number, double& start, double& noise) {
    if (auto v = r.number("interval")) interval = *v;
    if (auto v = r.number("start")) start = *v;
    if (auto v = r.number("noise")) noise = *v;
    if (auto v = r.integer("number")) number = static_cast<double>(*v);
    r.require_non_negative("start", start, "ms");
    r.require_positive("interval", interval, "ms");
    if (number < 0 || number > 1e8) r.fail("number", "'" + r.field("number") + "' must be between 0 and 1e8");
    if (noise < 0 || noise > 1) r.fail("noise", "'" + r.field("noise") + "' = " + fmt_number(noise) + " is outside [0, 1]");
}

ProjectionDesc read_projection(const std::string& name, TableReader& r, Loc loc) {
    ProjectionDesc p;
    p.name = name;
    p.path = r.path();
    p.loc = loc;
    const auto source = r.string("source");
    if (!source) r.fail_missing("source", "a population or spike-source group");
    p.source = *source;
    p.source_loc = r.loc_of("source");
    const auto target = r.string("target");
    if (!target) r.fail_missing("target", "a population");
    p.target = *target;
    p.target_loc = r.loc_of("target");
    p.receptor = read_receptor(r);
    const auto rule = r.string("rule");
    if (!rule) r.fail_missing("rule", "\"all_to_all\", \"fixed_probability\", \"fixed_indegree\", \"fixed_outdegree\" or \"explicit\"");
    p.rule_loc = r.loc_of("rule");
    using Rule = ProjectionDesc::Rule;
    if (*rule == "all_to_all") {
        p.rule = Rule::AllToAll;
    } else if (*rule == "fixed_probability") {
        p.rule = Rule::FixedProbability;
        const auto pr = r.number("p");
        if (!pr) r.fail_missing("p", "the probability of each connection");
        if (!(*pr >= 0 && *pr <= 1)) r.fail("p", "'" + r.field("p") + "' = " + fmt_number(*pr) + " is outside [0, 1]");
        p.p = *pr;
    } else if (*rule == "fixed_indegree" || *rule == "fixed_outdegree") {
        p.rule = *rule == "fixed_indegree" ? Rule::FixedInDegree : Rule::FixedOutDegree;
        p.n = read_count(r, "n", 0);
        if (auto m = r.boolean("multapses")) p.multapses = *m;
    } else if (*rule == "explicit") {
        p.rule = Rule::Explicit;
        const toml::array* pairs = r.array("pairs");
        if (!pairs) r.fail_missing("pairs", "a list of [source, target] index pairs");
        for (std::size_t i = 0; i < pairs->size(); ++i) {
            const toml::node& e = *pairs->get(i);
            const toml::array* pair = e.as_array();
            const std::string item = r.field("pairs") + "[" + std::to_string(i) + "]";
            if (!pair || pair->size() < 2 || pair->size() > 4 || !pair->get(0)->is_integer() || !pair->get(1)->is_integer() ||
                (pair->size() > 2 && !pair->get(2)->is_number()) || (pair->size() > 3 && !pair->get(3)->is_number()))
                throw ModelError(r.file(), to_loc(e.source()),
                                 "'" + item + "' must be [source, target] (two integers), optionally followed by a weight and a delay");
            ExplicitPairDesc d{static_cast<int>(pair->get(0)->value<std::int64_t>().value()),
                               static_cast<int>(pair->get(1)->value<std::int64_t>().value()), {}, {}, to_loc(e.source())};
            if (pair->size() > 2) d.weight = pair->get(2)->value<double>();
            if (pair->size() > 3) {
                d.delay = pair->get(3)->value<double>();
                if (!(*d.delay >= 0))
                    throw ModelError(r.file(), to_loc(pair->get(3)->source()),
                                     "'" + item + "': the delay " + fmt_number(*d.delay) + " ms is negative");
            }
            p.pairs.push_back(d);
        }
    } else {
        r.fail("rule", "'" + r.field("rule") + "': unknown rule '" + *rule + "'" +
                           did_you_mean(*rule, {"all_to_all", "fixed_probability", "fixed_indegree", "fixed_outdegree", "explicit"}) +
                           " (known: all_to_all, fixed_probability, fixed_indegree, fixed_outdegree, explicit)");
    }
    p.weight = read_weights(r, p.weight_loc);
    p.delay = DistributionDesc{DistributionDesc::Kind::Constant, 1, 0, {}, {}, r.loc()};
    if (const toml::node* d = r.node("delay")) {
        p.delay = read_distribution(r, "delay", *d, r.field("delay"));
        if (p.delay.kind == DistributionDesc::Kind::Constant) r.require_non_negative("delay", p.delay.p1, "ms");
        else if (p.delay.kind == DistributionDesc::Kind::Uniform && p.delay.p1 < 0)
            r.fail("delay", "'" + r.field("delay") + "' can be negative (low = " + fmt_number(p.delay.p1) + "); delays are >= 0 ms");
    }
    if (auto a = r.boolean("autapses")) p.autapses = *a;
    if (r.has("threshold"))
        r.fail("threshold", "'" + r.field("threshold") +
                                "': a cell's spike threshold is one for all its outgoing connections; set 'threshold' in [populations." +
                                p.source + "]");
    r.finish();
    return p;
}

}  // namespace

std::vector<int> read_gid_list(TableReader& r, std::string_view key) {
    std::vector<int> out;
    const toml::node* node = r.node(key);
    if (const toml::array* a = node ? node->as_array() : nullptr) {
        for (std::size_t i = 0; i < a->size(); ++i) {
            const auto v = a->get(i)->value<std::int64_t>();
            if (!a->get(i)->is_integer() || *v < 0)
                throw ModelError(r.file(), to_loc(a->get(i)->source()),
                                 "'" + r.field(key) + "[" + std::to_string(i) + "]' must be a gid (an integer >= 0)");
            out.push_back(static_cast<int>(*v));
        }
        return out;
    }
    const auto text = r.string(key);
    if (!text) r.fail_missing(key, "gids as \"first:end\" or a list");
    auto number = [&](std::string_view s) {
        int v = -1;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < 0)
            r.fail(key, "'" + r.field(key) + "' = \"" + *text + "\" is not \"first:end\" (gids first .. end-1) or one gid");
        return v;
    };
    const auto colon = text->find(':');
    if (colon == std::string::npos) return {number(*text)};
    const int first = number(std::string_view(*text).substr(0, colon));
    const int end = number(std::string_view(*text).substr(colon + 1));
    if (end <= first) r.fail(key, "'" + r.field(key) + "' = \"" + *text + "\" is empty (end must be above first)");
    for (int g = first; g < end; ++g) out.push_back(g);
    return out;
}

void read_network_parts(const toml::table& doc, ModelDescription& m, const toml::table* templates) {
    const std::string& file = m.file;
    if (const toml::node* n = doc.get("network")) {
        TableReader r(table_at(*n, "network", file), "network", file);
        if (auto seed = r.integer("seed")) {
            if (*seed < 0) r.fail("seed", "'" + r.field("seed") + "' must be >= 0");
            m.seed = static_cast<std::uint64_t>(*seed);
        }
        r.finish();
    }
    int gid = 0;
    std::vector<Loc> locs;
    if (const toml::node* n = doc.get("populations")) {
        for (const auto& [key, node] : entries_in_file_order(table_at(*n, "populations", file))) {
            const std::string name(key->str());
            TableReader r(table_at(*node, "populations." + name, file), "populations." + name, file);
            PopulationDesc p;
            p.name = name;
            p.loc = to_loc(key->source());
            CellDesc cell = read_template_cell(templates, r, "template");
            p.template_name = cell.template_name;
            p.count = read_count(r, "count", 1);
            if (auto th = r.number("threshold")) p.threshold = *th;
            r.finish();
            p.first_gid = gid;
            p.first_cell = m.cells.size();
            for (int k = 0; k < p.count; ++k) {
                cell.name = name + "[" + std::to_string(k) + "]";
                cell.gid = gid + k;
                m.cells.push_back(cell);
            }
            gid += p.count;
            m.populations.push_back(std::move(p));
        }
    }
    for (auto& s : m.spike_sources) {
        s.first_gid = gid;
        gid += s.count;
    }
    if (const toml::node* n = doc.get("projections")) {
        auto tables = named_tables(*n, "projections", file, locs);
        for (std::size_t i = 0; i < tables.size(); ++i)
            m.projections.push_back(read_projection(tables[i].first, tables[i].second, locs[i]));
    }
    if (const toml::node* n = doc.get("drives")) {
        locs.clear();
        auto tables = named_tables(*n, "drives", file, locs);
        for (std::size_t i = 0; i < tables.size(); ++i) {
            TableReader& r = tables[i].second;
            DriveDesc d;
            d.name = tables[i].first;
            d.path = r.path();
            d.loc = locs[i];
            d.gids = read_gid_list(r, "cells");
            d.cells_loc = r.loc_of("cells");
            d.receptor = read_receptor(r);
            read_netstim(r, d.interval, d.number, d.start, d.noise);
            if (const toml::node* w = r.node("weight")) {
                d.weight_loc = r.loc_of("weight");
                d.weight = w->is_array() ? *r.numbers("weight") : std::vector<double>{*r.number("weight")};
                if (d.weight.empty()) r.fail("weight", "'" + r.field("weight") + "' must hold at least one number");
            }
            d.delay_loc = r.loc_of("delay");
            if (auto v = r.number("delay")) {
                r.require_non_negative("delay", *v, "ms");
                d.delay = *v;
            }
            r.finish();
            m.drives.push_back(std::move(d));
        }
    }
    if (const toml::node* n = doc.get("gap_junctions")) {
        locs.clear();
        auto tables = named_tables(*n, "gap_junctions", file, locs);
        for (std::size_t i = 0; i < tables.size(); ++i) {
            TableReader& r = tables[i].second;
            GapJunctionDesc g;
            g.name = tables[i].first;
            g.path = r.path();
            g.loc = locs[i];
            g.a = read_location(r, "a");
            g.b = read_location(r, "b");
            if (auto v = r.number("g")) g.g = *v;
            r.require_non_negative("g", g.g, "uS");
            if (auto v = r.boolean("rectifying")) g.rectifying = *v;
            for (const char* k : {"g_min", "v_half", "slope"})
                if (r.has(k) && !g.rectifying) r.fail(k, "'" + r.field(k) + "' applies only with rectifying = true");
            if (auto v = r.number("g_min")) g.g_min = *v;
            if (auto v = r.number("v_half")) g.v_half = *v;
            if (auto v = r.number("slope")) {
                if (*v == 0) r.fail("slope", "'" + r.field("slope") + "' must not be 0 (mV)");
                g.slope = *v;
            }
            r.require_non_negative("g_min", g.g_min, "uS");
            r.finish();
            m.gap_junctions.push_back(std::move(g));
        }
    }
}

}  // namespace mech::model
