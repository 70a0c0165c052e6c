// Typed, located access to model-file tables (see table_reader.hpp).
#include "table_reader.hpp"

#include <algorithm>
#include <cmath>

namespace mech::model {

Loc to_loc(const toml::source_region& region) {
    return Loc{static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::vector<std::pair<const toml::key*, const toml::node*>> entries_in_file_order(const toml::table& table) {
    std::vector<std::pair<const toml::key*, const toml::node*>> out;
    for (const auto& [key, node] : table) out.emplace_back(&key, &node);
    auto position = [](const std::pair<const toml::key*, const toml::node*>& e) {
        // Keys made by a dotted header have a position; fall back on the value's.
        const auto& src = e.first->source().begin.line ? e.first->source() : e.second->source();
        return std::pair{src.begin.line, src.begin.column};
    };
    std::stable_sort(out.begin(), out.end(),
                     [&](const auto& a, const auto& b) { return position(a) < position(b); });
    return out;
}

std::vector<std::pair<const toml::key*, const toml::node*>> entries_in_file_order(
    const std::vector<const toml::table*>& layers) {
    std::vector<std::pair<const toml::key*, const toml::node*>> out;
    for (const toml::table* layer : layers) {
        for (const auto& [key, node] : entries_in_file_order(*layer)) {
            auto same = std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.first->str() == key->str(); });
            if (same == out.end()) out.emplace_back(key, node);
            else same->second = node;
        }
    }
    return out;
}

std::string type_name(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    default: return "nothing";
    }
}

TableReader::TableReader(const toml::table& table, std::string path, std::string file)
    : layers_{&table}, path_(std::move(path)), file_(std::move(file)) {}

TableReader::TableReader(std::vector<const toml::table*> layers, std::string path, std::string file)
    : layers_(std::move(layers)), path_(std::move(path)), file_(std::move(file)) {}

Loc TableReader::loc() const {
    for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) {
        Loc l = to_loc((*it)->source());
        if (l.line > 0) return l;
    }
    return Loc{};
}

const toml::node* TableReader::find(std::string_view key) const {
    for (auto it = layers_.rbegin(); it != layers_.rend(); ++it)
        if (const toml::node* n = (*it)->get(key)) return n;
    return nullptr;
}

Loc TableReader::loc_of(std::string_view key) const {
    if (const toml::node* n = find(key)) {
        Loc l = to_loc(n->source());
        if (l.line > 0) return l;
    }
    return loc();
}

std::string TableReader::field(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

bool TableReader::has(std::string_view key) {
    mark(key);
    return find(key) != nullptr;
}

void TableReader::fail(std::string_view key, const std::string& message) const {
    throw ModelError(file_, loc_of(key), message);
}

void TableReader::fail_missing(std::string_view key, const std::string& what) const {
    throw ModelError(file_, loc(), "'" + path_ + "' needs '" + std::string(key) + "' (" + what + ")");
}

void TableReader::wrong_type(std::string_view key, const toml::node& node, std::string_view wanted) const {
    fail(key, "'" + field(key) + "' must be " + std::string(wanted) + ", not " + type_name(node));
}

const toml::node* TableReader::node(std::string_view key) {
    mark(key);
    return find(key);
}

std::optional<double> TableReader::number(std::string_view key) {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    if (auto v = n->as_floating_point()) {
        if (!std::isfinite(v->get())) fail(key, "'" + field(key) + "' must be a finite number");
        return v->get();
    }
    if (auto v = n->as_integer()) return static_cast<double>(v->get());
    wrong_type(key, *n, "a number");
}

std::optional<std::int64_t> TableReader::integer(std::string_view key) {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    if (auto v = n->as_integer()) return v->get();
    if (auto v = n->as_floating_point()) {
        // 9.0 is an integer to a modeller; 9.5 is not.
        if (std::isfinite(v->get()) && v->get() == std::floor(v->get()) && std::fabs(v->get()) < 1e15)
            return static_cast<std::int64_t>(v->get());
    }
    wrong_type(key, *n, "an integer");
}

std::optional<std::string> TableReader::string(std::string_view key) {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    if (auto v = n->as_string()) return v->get();
    wrong_type(key, *n, "a string");
}

std::optional<bool> TableReader::boolean(std::string_view key) {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    if (auto v = n->as_boolean()) return v->get();
    wrong_type(key, *n, "true or false");
}

const toml::table* TableReader::table(std::string_view key) {
    const toml::node* n = node(key);
    if (!n) return nullptr;
    if (auto t = n->as_table()) return t;
    wrong_type(key, *n, "a table");
}

const toml::array* TableReader::array(std::string_view key) {
    const toml::node* n = node(key);
    if (!n) return nullptr;
    if (auto a = n->as_array()) return a;
    wrong_type(key, *n, "an array");
}

std::optional<std::vector<double>> TableReader::numbers(std::string_view key) {
    const toml::array* a = array(key);
    if (!a) return std::nullopt;
    std::vector<double> out;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const toml::node& e = *a->get(i);
        if (auto f = e.as_floating_point(); f && std::isfinite(f->get())) out.push_back(f->get());
        else if (auto n = e.as_integer()) out.push_back(static_cast<double>(n->get()));
        else
            throw ModelError(file_, to_loc(e.source()),
                             "'" + field(key) + "[" + std::to_string(i) + "]' must be a finite number, not " +
                                 type_name(e));
    }
    return out;
}

std::optional<std::vector<std::string>> TableReader::strings(std::string_view key) {
    const toml::array* a = array(key);
    if (!a) return std::nullopt;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const toml::node& e = *a->get(i);
        if (auto s = e.as_string()) out.push_back(s->get());
        else
            throw ModelError(file_, to_loc(e.source()),
                             "'" + field(key) + "[" + std::to_string(i) + "]' must be a string, not " + type_name(e));
    }
    return out;
}

void TableReader::require_positive(std::string_view key, double value, std::string_view units) {
    if (!(value > 0))
        fail(key, "'" + field(key) + "' must be > 0" + (units.empty() ? "" : " (" + std::string(units) + ")") +
                      ", got " + fmt_number(value));
}

void TableReader::require_non_negative(std::string_view key, double value, std::string_view units) {
    if (!(value >= 0))
        fail(key, "'" + field(key) + "' must be >= 0" + (units.empty() ? "" : " (" + std::string(units) + ")") +
                      ", got " + fmt_number(value));
}

std::vector<std::pair<const toml::key*, const toml::node*>> TableReader::unread() const {
    std::vector<std::pair<const toml::key*, const toml::node*>> out;
    for (const auto& e : entries_in_file_order(layers_))
        if (!known_.count(e.first->str())) out.push_back(e);
    return out;
}

void TableReader::finish() const {
    const auto rest = unread();
    if (rest.empty()) return;
    const auto& [key, node] = rest.front();
    std::vector<std::string> known(known_.begin(), known_.end());
    Loc where = to_loc(key->source());
    if (where.line == 0) where = to_loc(node->source());
    throw ModelError(file_, where,
                     "unknown field '" + field(key->str()) + "'" + did_you_mean(std::string(key->str()), known));
}

}  // namespace mech::model
