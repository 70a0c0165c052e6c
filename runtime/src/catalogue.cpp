// The mechanism registry: checks what is added and gives helpful messages for what is not there.
#include "mech/catalogue.hpp"

#include "mech/error.hpp"

#include <cstring>
#include <fmt/format.h>

namespace mech {

void Catalogue::add(const mech_mechanism* m) {
    if (m == nullptr)
        throw Error("cannot add a null mechanism to the catalogue");
    if (m->abi_version != MECH_ABI_VERSION)
        throw Error(fmt::format("mechanism '{}' was compiled for mechanism ABI version {}, this "
                                "runtime implements version {}; recompile it",
                                m->name ? m->name : "?", m->abi_version, MECH_ABI_VERSION));
    if (m->name == nullptr || *m->name == '\0')
        throw Error("cannot add a mechanism without a name to the catalogue");
    if (!by_name_.emplace(m->name, m).second)
        throw Error(fmt::format("the catalogue already holds a mechanism named '{}'", m->name));
}

void Catalogue::add_all(mech_catalogue_fn catalogue) {
    int32_t count = 0;
    const mech_mechanism* const* list = catalogue(&count);
    for (int32_t i = 0; i < count; ++i)
        add(list[i]);
}

const mech_mechanism* Catalogue::find(std::string_view name) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : it->second;
}

const mech_mechanism& Catalogue::get(std::string_view name) const {
    if (auto* m = find(name))
        return *m;
    std::string known;
    for (const auto& [n, m] : by_name_)
        known += (known.empty() ? "" : ", ") + n;
    throw Error(fmt::format("unknown mechanism '{}' (the catalogue holds: {})", name,
                            known.empty() ? "nothing" : known));
}

std::vector<std::string> Catalogue::names() const {
    std::vector<std::string> out;
    for (const auto& [n, m] : by_name_)
        out.push_back(n);
    return out;
}

int find_field(const mech_mechanism& m, std::string_view name) {
    for (int k = 0; k < m.n_fields; ++k)
        if (name == m.fields[k].name)
            return k;
    return -1;
}

int find_global(const mech_mechanism& m, std::string_view name) {
    for (int k = 0; k < m.n_globals; ++k)
        if (name == m.globals[k].name)
            return k;
    return -1;
}

} // namespace mech
