// The LLVM mirrors of the ABI structs must lay out exactly like the C header: every element
// offset and every size is compared with offsetof/sizeof, so editing the header breaks this.
#include "codegen/abi_types.hpp"
#include "jit/target.hpp"

#include <mech/mechanism_abi.h>

#include <gtest/gtest.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/IR/DataLayout.h>
#include <llvm/IR/DerivedTypes.h>
#include <llvm/IR/LLVMContext.h>

#include <cstddef>
#include <vector>

namespace mech::codegen {
namespace {

// The layout the kernels are compiled for: the host target's.
llvm::DataLayout host_layout() {
    std::string error;
    auto builder = jit::target_builder({}, error);
    EXPECT_TRUE(builder) << error;
    auto layout = builder->getDefaultDataLayoutForTarget();
    EXPECT_TRUE(static_cast<bool>(layout));
    return *layout;
}

void expect_layout(llvm::StructType* type, const std::vector<std::size_t>& offsets,
                   std::size_t size) {
    const llvm::DataLayout layout = host_layout();
    const auto* sl = layout.getStructLayout(type);
    ASSERT_EQ(type->getNumElements(), offsets.size()) << type->getName().str();
    for (unsigned k = 0; k < offsets.size(); ++k) {
        EXPECT_EQ(sl->getElementOffset(k), offsets[k]) << type->getName().str() << " element " << k;
    }
    EXPECT_EQ(sl->getSizeInBytes(), size) << type->getName().str();
}

#define OFF(type, member) offsetof(type, member)

TEST(AbiOffsets, InstanceData) {
    llvm::LLVMContext context;
    auto types = AbiTypes::get(context);
    using D = mech_instance_data;
    expect_layout(types.instance_data,
                  {OFF(D, width), OFF(D, t), OFF(D, dt), OFF(D, celsius), OFF(D, node_index),
                   OFF(D, vec_v), OFF(D, vec_rhs), OFF(D, vec_d), OFF(D, scale), OFF(D, field),
                   OFF(D, global), OFF(D, ion), OFF(D, runtime), OFF(D, net_send),
                   OFF(D, net_event), OFF(D, net_move), OFF(D, node_area), OFF(D, node_diam)},
                  sizeof(D));
    EXPECT_EQ(static_cast<unsigned>(InstanceDataField::count_),
              types.instance_data->getNumElements());
    EXPECT_EQ(static_cast<unsigned>(InstanceDataField::net_send), 13u);
    EXPECT_EQ(static_cast<unsigned>(InstanceDataField::net_move), 15u);
    EXPECT_EQ(static_cast<unsigned>(InstanceDataField::node_diam), 17u);
}

TEST(AbiOffsets, IonView) {
    llvm::LLVMContext context;
    auto types = AbiTypes::get(context);
    using V = mech_ion_view;
    expect_layout(types.ion_view,
                  {OFF(V, index), OFF(V, current), OFF(V, conductance), OFF(V, reversal),
                   OFF(V, internal), OFF(V, external)},
                  sizeof(V));
    EXPECT_EQ(static_cast<unsigned>(IonViewField::count_), types.ion_view->getNumElements());
}

TEST(AbiOffsets, Mechanism) {
    llvm::LLVMContext context;
    auto types = AbiTypes::get(context);
    using M = mech_mechanism;
    expect_layout(types.mechanism,
                  {OFF(M, abi_version), OFF(M, name), OFF(M, kind), OFF(M, has_electrode_current),
                   OFF(M, n_fields), OFF(M, fields), OFF(M, n_globals), OFF(M, globals),
                   OFF(M, n_ions), OFF(M, ions), OFF(M, n_net_receive_args), OFF(M, init),
                   OFF(M, compute_currents), OFF(M, advance_state), OFF(M, net_receive),
                   OFF(M, net_receive_init), OFF(M, check_watch)},
                  sizeof(M));
    EXPECT_EQ(static_cast<unsigned>(MechanismField::count_), types.mechanism->getNumElements());
}

TEST(AbiOffsets, InfoTables) {
    llvm::LLVMContext context;
    auto types = AbiTypes::get(context);
    using F = mech_field_info;
    expect_layout(types.field_info,
                  {OFF(F, name), OFF(F, units), OFF(F, default_value), OFF(F, lower_limit),
                   OFF(F, upper_limit), OFF(F, role)},
                  sizeof(F));
    using G = mech_global_info;
    expect_layout(types.global_info, {OFF(G, name), OFF(G, units), OFF(G, default_value)},
                  sizeof(G));
    using I = mech_ion_info;
    expect_layout(types.ion_info, {OFF(I, name), OFF(I, valence), OFF(I, reads), OFF(I, writes)},
                  sizeof(I));
}

TEST(AbiOffsets, ScalarTypes) {
    static_assert(sizeof(mech_value_t) == 8 && sizeof(mech_index_t) == 4);
    llvm::LLVMContext context;
    auto types = AbiTypes::get(context);
    EXPECT_TRUE(types.value->isDoubleTy());
    EXPECT_TRUE(types.index->isIntegerTy(32));
}

TEST(AbiOffsets, TypesAreSharedWithinAContext) {
    llvm::LLVMContext context;
    EXPECT_EQ(AbiTypes::get(context).instance_data, AbiTypes::get(context).instance_data);
}

} // namespace
} // namespace mech::codegen
