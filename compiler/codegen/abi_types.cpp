// Builds the LLVM mirrors of the mechanism ABI structs, reusing them when a context has them.
#include "codegen/abi_types.hpp"

#include <llvm/IR/DerivedTypes.h>
#include <llvm/IR/LLVMContext.h>

namespace mech::codegen {

namespace {

// Named struct types are unique per context: look them up first so that two modules
// built in one context share them.
llvm::StructType* named(llvm::LLVMContext& context, const char* name,
                        std::initializer_list<llvm::Type*> elements) {
    if (auto* existing = llvm::StructType::getTypeByName(context, name)) {
        return existing;
    }
    return llvm::StructType::create(context, llvm::ArrayRef<llvm::Type*>(elements), name);
}

} // namespace

AbiTypes AbiTypes::get(llvm::LLVMContext& context) {
    auto* f64 = llvm::Type::getDoubleTy(context);
    auto* i32 = llvm::Type::getInt32Ty(context);
    auto* ptr = llvm::PointerType::get(context, 0);

    AbiTypes types{};
    types.value = f64;
    types.index = i32;
    types.ptr = ptr;
    types.field_info = named(context, "mech_field_info", {ptr, ptr, f64, f64, f64, i32});
    types.global_info = named(context, "mech_global_info", {ptr, ptr, f64});
    types.ion_info = named(context, "mech_ion_info", {ptr, i32, i32, i32});
    types.ion_view = named(context, "mech_ion_view", {ptr, ptr, ptr, ptr, ptr, ptr});
    types.instance_data =
        named(context, "mech_instance_data",
              {i32, f64, f64, f64,      // width, t, dt, celsius
               ptr, ptr, ptr, ptr, ptr, // node_index, vec_v, vec_rhs, vec_d, scale
               ptr, ptr, ptr,           // field, global, ion
               ptr, ptr, ptr,           // runtime, net_send, net_event
               ptr,                     // net_move
               ptr, ptr});              // node_area, node_diam
    types.mechanism = named(context, "mech_mechanism",
                            {i32, ptr, i32, i32,           // abi_version, name, kind, electrode
                             i32, ptr, i32, ptr, i32, ptr, // fields, globals, ions
                             i32,                          // n_net_receive_args
                             ptr, ptr, ptr, ptr, ptr,      // kernels
                             ptr});                        // check_watch
    return types;
}

} // namespace mech::codegen
