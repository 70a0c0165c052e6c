// What an IR expression can read or a statement can write: one tagged reference per storage place.
#pragma once

#include "diag/source_location.hpp"

#include <cstdint>
#include <string>

namespace mech::ir {

/// Where a variable lives. Codegen maps each kind to one load/store of mech_instance_data.
enum class VarKind : std::uint8_t {
    Field,     ///< per-instance field k: data->field[k][i] (k indexes Mechanism::fields)
    Global,    ///< global k: data->global[k] (k indexes Mechanism::globals)
    Ion,       ///< ion j's quantity: data->ion[j].<quantity>[data->ion[j].index[i]]
    Voltage,   ///< node membrane potential: data->vec_v[data->node_index[i]] (mV)
    Time,      ///< data->t (ms)
    Dt,        ///< data->dt (ms)
    Celsius,   ///< data->celsius (degC)
    Area,      ///< segment area (um2): 100 / data->scale[i] for a point process,
               ///< data->node_area[data->node_index[i]] for a density mechanism
    Diam,      ///< segment diameter (um): data->node_diam[data->node_index[i]]
    Local,     ///< kernel local k (Kernel::locals[k]); a value in a register
    WeightArg, ///< NET_RECEIVE weight argument k: weight[k] (writable past k = 0)
    Flag,      ///< NET_RECEIVE flag (0 for network events, the net_send flag otherwise)
};

/// Which quantity of an ion a VarKind::Ion reference means (mech_ion_view members).
enum class IonQuantity : std::uint8_t {
    Reversal,    ///< e<ion> (mV)
    Current,     ///< i<ion> (mA/cm2); written only through AccumulateCurrent
    Internal,    ///< <ion>i (mM)
    External,    ///< <ion>o (mM)
    Conductance, ///< di<ion>/dv (S/cm2); written only through AccumulateCurrent
};

/// A reference to one storage place. `index` means field, global, ion, local or weight index
/// depending on `kind`; `ion_quantity` only matters for VarKind::Ion.
struct Var {
    VarKind kind = VarKind::Local;
    std::int32_t index = 0;
    IonQuantity ion_quantity = IonQuantity::Reversal;

    static Var field(int k) { return {VarKind::Field, k, IonQuantity::Reversal}; }
    static Var global(int k) { return {VarKind::Global, k, IonQuantity::Reversal}; }
    static Var ion(int j, IonQuantity q) { return {VarKind::Ion, j, q}; }
    static Var local(int k) { return {VarKind::Local, k, IonQuantity::Reversal}; }
    static Var weight(int k) { return {VarKind::WeightArg, k, IonQuantity::Reversal}; }
    static Var special(VarKind kind) { return {kind, 0, IonQuantity::Reversal}; }

    friend bool operator==(const Var&, const Var&) = default;
    friend auto operator<=>(const Var&, const Var&) = default;
};

/// A source range carried by IR nodes that passes may report on (the diagnostics engine's).
using Location = diag::SourceRange;

} // namespace mech::ir
