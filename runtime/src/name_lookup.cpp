// Name resolution: NEURON-style mechanism field names, ion quantities, declared limits.
#include "name_lookup.hpp"

#include "mech/catalogue.hpp"
#include "mech/error.hpp"

#include <fmt/format.h>

namespace mech::detail {

void check_limits(const mech_field_info& f, double value, const std::string& where) {
    if (f.role == MECH_FIELD_PARAMETER && (value < f.lower_limit || value > f.upper_limit))
        throw Error(fmt::format("{}: {} = {} is outside its declared limits <{}, {}>", where,
                                f.name, value, f.lower_limit, f.upper_limit));
}

std::string field_list(const mech_mechanism& m) {
    std::string out;
    for (int k = 0; k < m.n_fields; ++k)
        out += fmt::format("{}{}_{}", k ? ", " : "", m.fields[k].name, m.name);
    return out.empty() ? "none" : out;
}

std::pair<int, int> split_density_name(const std::vector<const mech_mechanism*>& candidates,
                                       std::string_view name, const std::string& where) {
    int best = -1, best_field = -1, longest_named = -1;
    std::size_t best_len = 0, longest_len = 0;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        const std::string suffix = std::string("_") + candidates[c]->name;
        if (name.size() <= suffix.size() || !name.ends_with(suffix))
            continue;
        if (suffix.size() > longest_len) {
            longest_len = suffix.size();
            longest_named = static_cast<int>(c);
        }
        const int k = find_field(*candidates[c], name.substr(0, name.size() - suffix.size()));
        if (k >= 0 && suffix.size() > best_len) {
            best = static_cast<int>(c);
            best_field = k;
            best_len = suffix.size();
        }
    }
    if (best < 0 && longest_named >= 0) {
        const mech_mechanism& m = *candidates[longest_named];
        throw Error(fmt::format("{}: mechanism '{}' has no field '{}' (it has: {})", where, m.name,
                                name.substr(0, name.size() - longest_len), field_list(m)));
    }
    return {best, best_field};
}

IonQuantity parse_ion_quantity(const std::vector<IonSpecies>& ions, std::string_view name) {
    for (std::size_t s = 0; s < ions.size(); ++s) {
        const std::string& ion = ions[s].name;
        const auto sp = static_cast<int>(s);
        if (name == "e" + ion)
            return {sp, 'e'};
        if (name == "i" + ion)
            return {sp, 'i'};
        if (name == ion + "i")
            return {sp, 'c'};
        if (name == ion + "o")
            return {sp, 'o'};
    }
    return {};
}

} // namespace mech::detail
