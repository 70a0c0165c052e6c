// Checked access to one TOML table of a model file: typed getters that report wrong types and
// out-of-range values by field name and position, and an unknown-key check with suggestions.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "model_error.hpp"

namespace mech::model {

Loc to_loc(const toml::source_region& region);

// A table's entries in the order they appear in the file (toml++ keeps them sorted by name).
std::vector<std::pair<const toml::key*, const toml::node*>> entries_in_file_order(const toml::table& table);
// The same over layered tables: each key once, with the value of the last layer that has it,
// ordered by where the key first appears.
std::vector<std::pair<const toml::key*, const toml::node*>> entries_in_file_order(
    const std::vector<const toml::table*>& layers);

// The TOML type of a node in words: "a string", "an integer", "a table", ...
std::string type_name(const toml::node& node);

class TableReader {
public:
    // `path` names the table in messages, e.g. "cells.neuron.sections.soma".
    TableReader(const toml::table& table, std::string path, std::string file);
    // Layers: a key in a later table replaces the same key in earlier ones (a cell's settings over
    // its template's). toml++ drops source positions when copying, so layers are not merged copies.
    TableReader(std::vector<const toml::table*> layers, std::string path, std::string file);

    const std::vector<const toml::table*>& layers() const { return layers_; }
    const std::string& path() const { return path_; }
    const std::string& file() const { return file_; }
    Loc loc() const;
    // Where `key`'s value is (or the table when it is absent).
    Loc loc_of(std::string_view key) const;
    // "path.key", the field's full name in messages.
    std::string field(std::string_view key) const;
    bool has(std::string_view key);

    std::optional<double> number(std::string_view key);
    std::optional<std::int64_t> integer(std::string_view key);
    std::optional<std::string> string(std::string_view key);
    std::optional<bool> boolean(std::string_view key);
    const toml::table* table(std::string_view key);
    const toml::array* array(std::string_view key);
    const toml::node* node(std::string_view key);  // any type; marks the key as known
    std::optional<std::vector<double>> numbers(std::string_view key);
    std::optional<std::vector<std::string>> strings(std::string_view key);

    // Range checks on a value already read; each throws a ModelError naming the field.
    void require_positive(std::string_view key, double value, std::string_view units);
    void require_non_negative(std::string_view key, double value, std::string_view units);

    [[noreturn]] void fail(std::string_view key, const std::string& message) const;
    [[noreturn]] void fail_missing(std::string_view key, const std::string& what) const;

    // Keys present in the table that no getter asked for, in file order.
    std::vector<std::pair<const toml::key*, const toml::node*>> unread() const;
    // Throws for the first unread key: "unknown field ...; did you mean ...?".
    void finish() const;

private:
    const toml::node* find(std::string_view key) const;
    void mark(std::string_view key) { known_.insert(std::string(key)); }
    [[noreturn]] void wrong_type(std::string_view key, const toml::node& node, std::string_view wanted) const;

    std::vector<const toml::table*> layers_;
    std::string path_;
    std::string file_;
    std::set<std::string, std::less<>> known_;
};

}  // namespace mech::model
