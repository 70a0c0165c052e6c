// LLVM struct types that mirror the C structs of runtime/include/mech/mechanism_abi.h.
// The element order here must follow the header; tests/codegen checks every offset.
#pragma once

namespace llvm {
class LLVMContext;
class StructType;
class PointerType;
class Type;
} // namespace llvm

namespace mech::codegen {

// Element numbers inside the structs, named after the C fields.
enum class InstanceDataField : unsigned {
    width,
    t,
    dt,
    celsius,
    node_index,
    vec_v,
    vec_rhs,
    vec_d,
    scale,
    field,
    global,
    ion,
    runtime,
    net_send,
    net_event,
    net_move,
    node_area,
    node_diam,
    count_
};
enum class IonViewField : unsigned {
    index,
    current,
    conductance,
    reversal,
    internal,
    external,
    count_
};
enum class MechanismField : unsigned {
    abi_version,
    name,
    kind,
    has_electrode_current,
    n_fields,
    fields,
    n_globals,
    globals,
    n_ions,
    ions,
    n_net_receive_args,
    init,
    compute_currents,
    advance_state,
    net_receive,
    net_receive_init,
    check_watch,
    count_
};
enum class FieldInfoField : unsigned {
    name,
    units,
    default_value,
    lower_limit,
    upper_limit,
    role,
    count_
};
enum class GlobalInfoField : unsigned { name, units, default_value, count_ };
enum class IonInfoField : unsigned { name, valence, reads, writes, count_ };

// The types, created once per context (named "mech_*" so that printed IR is readable).
struct AbiTypes {
    llvm::StructType* instance_data;
    llvm::StructType* ion_view;
    llvm::StructType* mechanism;
    llvm::StructType* field_info;
    llvm::StructType* global_info;
    llvm::StructType* ion_info;
    llvm::Type* value;      // mech_value_t (double)
    llvm::Type* index;      // mech_index_t (i32)
    llvm::PointerType* ptr; // every pointer (opaque)

    static AbiTypes get(llvm::LLVMContext& context);
};

} // namespace mech::codegen
