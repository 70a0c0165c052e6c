// Allocation and lookup for one mechanism's structure-of-arrays storage.
#include "mechanism_store.hpp"

#include <algorithm>

namespace mech::detail {

void MechanismStore::allocate() {
    const auto n = static_cast<std::size_t>(width());
    const std::size_t block = (n + doubles_per_line - 1) / doubles_per_line * doubles_per_line;
    values.assign(static_cast<std::size_t>(mech->n_fields) * block, 0.0);
    field.resize(mech->n_fields);
    for (int32_t k = 0; k < mech->n_fields; ++k) {
        field[k] = values.data() + k * block;
        std::fill_n(field[k], n, mech->fields[k].default_value);
    }
    globals.resize(mech->n_globals);
    for (int32_t k = 0; k < mech->n_globals; ++k)
        globals[k] = mech->globals[k].default_value;
}

int32_t MechanismStore::instance_at(int32_t n) const {
    auto it = std::lower_bound(node.begin(), node.end(), n);
    if (it == node.end() || *it != n)
        return -1;
    return static_cast<int32_t>(it - node.begin());
}

} // namespace mech::detail
