// One mechanism in IR: metadata laid out 1:1 like mech_mechanism, plus its kernels.
#pragma once

#include "ir/stmt.hpp"

#include <cmath>
#include <string>

namespace mech::ir {

/// Matches mech_kind.
enum class Kind : std::uint8_t { Density = 0, Point = 1, Artificial = 2 };
/// Matches mech_field_role.
enum class FieldRole : std::uint8_t { Parameter = 0, State = 1, Assigned = 2 };

/// One per-instance quantity (mech_field_info). Fields are ordered parameters, states, assigned.
struct Field {
    std::string name;  ///< as declared, e.g. "gnabar"; gates of CHANNEL blocks are named as gates
    std::string units; ///< "" when dimensionless
    double default_value = 0.0;
    double lower_limit = -HUGE_VAL;
    double upper_limit = HUGE_VAL;
    FieldRole role = FieldRole::Parameter;
};

/// One value shared by all instances (mech_global_info); read-only in the kernels.
struct Global {
    std::string name;
    std::string units;
    double default_value = 0.0;
};

/// Bits of Ion::reads / Ion::writes; equal to MECH_ION_*.
enum IonBits : int { IonReversal = 1, IonCurrent = 2, IonInternal = 4, IonExternal = 8 };

/// One USEION (mech_ion_info). Index j in Mechanism::ions is the ion view data->ion[j].
struct Ion {
    std::string name; ///< "na", "k", "ca", ...
    int valence = 0;  ///< 0: the runtime's default for this ion
    int reads = 0;    ///< IonBits
    int writes = 0;   ///< IonBits
};

/// A NET_RECEIVE weight argument (the first is the connection weight).
struct WeightArg {
    std::string name;
    std::string units;
};

/// A per-instance body; codegen wraps it in the loop over instances (or, for net_receive
/// and net_receive_init, runs it for the one instance passed in).
struct Kernel {
    std::string name;
    std::vector<std::string> locals; ///< names of the locals (Var::local(k)), for printing
    Block body;

    int add_local(std::string local_name) {
        locals.push_back(std::move(local_name));
        return static_cast<int>(locals.size()) - 1;
    }
    bool empty() const { return body.empty(); }
};

/// Everything codegen needs to fill one mech_mechanism and emit its kernels.
struct Mechanism {
    std::string name; ///< SUFFIX / POINT_PROCESS / ARTIFICIAL_CELL name
    Location loc;     ///< the NEURON block, for messages about the whole mechanism
    Kind kind = Kind::Density;
    bool has_electrode_current = false;

    std::vector<Field> fields; ///< parameters, then states, then assigned
    std::vector<Global> globals;
    std::vector<Ion> ions;
    std::vector<WeightArg> net_receive_args; ///< n_net_receive_args = size()

    /// NONSPECIFIC_CURRENT / ELECTRODE_CURRENT names (each also an assigned field).
    std::vector<std::string> nonspecific_currents;
    std::vector<std::string> electrode_currents;

    /// Kernels; an empty kernel means a null entry point in mech_mechanism
    /// (init is emitted even when empty).
    Kernel init{"init", {}, {}};
    Kernel compute_currents{"compute_currents", {}, {}};
    Kernel advance_state{"advance_state", {}, {}};
    Kernel net_receive{"net_receive", {}, {}};
    Kernel net_receive_init{"net_receive_init", {}, {}};
    /// Tests each instance's armed WATCH conditions once per step (mech_mechanism::check_watch).
    Kernel check_watch{"check_watch", {}, {}};

    /// All kernels in ABI order, for passes that treat them alike.
    std::vector<Kernel*> kernels() {
        return {&init,        &compute_currents,  &advance_state,
                &net_receive, &net_receive_init,  &check_watch};
    }
    std::vector<const Kernel*> kernels() const {
        return {&init,        &compute_currents,  &advance_state,
                &net_receive, &net_receive_init,  &check_watch};
    }

    /// Index of a field / global / ion by name, or -1.
    int find_field(std::string_view field_name) const;
    int find_global(std::string_view global_name) const;
    int find_ion(std::string_view ion_name) const;
    /// Number of fields with the given role (they are contiguous).
    int count_fields(FieldRole role) const;
};

} // namespace mech::ir
