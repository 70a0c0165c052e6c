// Look-ups on a mechanism's metadata.
#include "ir/mechanism.hpp"

#include <algorithm>

namespace mech::ir {

namespace {
template <class Vec>
int index_of(const Vec& items, std::string_view name) {
    for (size_t k = 0; k < items.size(); ++k)
        if (items[k].name == name)
            return static_cast<int>(k);
    return -1;
}
} // namespace

int Mechanism::find_field(std::string_view field_name) const { return index_of(fields, field_name); }
int Mechanism::find_global(std::string_view global_name) const {
    return index_of(globals, global_name);
}
int Mechanism::find_ion(std::string_view ion_name) const { return index_of(ions, ion_name); }

int Mechanism::count_fields(FieldRole role) const {
    return static_cast<int>(
        std::count_if(fields.begin(), fields.end(), [&](const Field& f) { return f.role == role; }));
}

} // namespace mech::ir
