// Storage for all instances of one mechanism: structure-of-arrays fields laid out exactly as
// mechanism_abi.h describes, plus the mech_instance_data handed straight to the kernels.
#pragma once

#include "aligned_vector.hpp"

#include "mech/mechanism_abi.h"

#include <cstdint>
#include <vector>

namespace mech::detail {

struct MechanismStore {
    const mech_mechanism* mech = nullptr;
    std::vector<int32_t> node;   // instance -> node, sorted so each cell's instances are contiguous
    std::vector<double> scale;   // 1, or 100/area for point processes
    // n_fields blocks, block k = field k: `width()` values, then padding to a whole cache line
    // so that every field starts on one.
    AlignedVector<double> values;
    std::vector<double*> field;  // field[k] -> block k
    std::vector<double> globals; // one per mech->globals
    std::vector<std::vector<int32_t>> ion_index; // per mechanism ion: instance -> ion slot
    std::vector<int32_t> ion_species;            // per mechanism ion: index in the ion table
    std::vector<mech_ion_view> ion_view;
    mech_instance_data data{};

    int32_t width() const { return static_cast<int32_t>(node.size()); }
    bool is_point() const { return mech->kind != MECH_KIND_DENSITY; }
    // Fills every field with its default; allocates field blocks. Call once nodes are final.
    void allocate();
    // Instance at `node` (density mechanisms hold at most one per node), or -1.
    int32_t instance_at(int32_t node) const;
};

} // namespace mech::detail
