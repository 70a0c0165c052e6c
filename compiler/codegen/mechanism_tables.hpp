// What a compiled mechanism tells the runtime about itself: the plain-data form of the
// metadata half of mech_mechanism (fields, globals, ions), before it becomes LLVM globals.
#pragma once

#include <mech/mechanism_abi.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace mech::codegen {

struct FieldEntry {
    std::string name;
    std::string units;
    double default_value = 0.0;
    double lower_limit = -HUGE_VAL;
    double upper_limit = HUGE_VAL;
    mech_field_role role = MECH_FIELD_PARAMETER;
};

struct GlobalEntry {
    std::string name;
    std::string units;
    double default_value = 0.0;
};

struct IonEntry {
    std::string name;
    int32_t valence = 0;
    int32_t reads = 0;  // mask of MECH_ION_*
    int32_t writes = 0; // mask of MECH_ION_*
};

// Field order is the ABI's: parameters, then states, then assigned.
struct MechanismTables {
    std::string name;
    mech_kind kind = MECH_KIND_DENSITY;
    bool has_electrode_current = false;
    std::vector<FieldEntry> fields;
    std::vector<GlobalEntry> globals;
    std::vector<IonEntry> ions;
    int32_t n_net_receive_args = 0;
};

} // namespace mech::codegen
