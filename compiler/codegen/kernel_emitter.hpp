// Internal to codegen: emits one IR kernel as an LLVM function (a loop over all instances in
// structure-of-arrays layout, or one instance for NET_RECEIVE).
#pragma once

#include "codegen/abi_types.hpp"
#include "codegen/kernel_traits.hpp"
#include "ir/mechanism.hpp"

#include <llvm/IR/IRBuilder.h>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace mech::codegen {

// Thrown while emitting, caught by generate() and reported through the diagnostics engine.
struct EmitError {
    std::string message;
    std::optional<ir::Location> where; // finer than the mechanism, when the IR has it
    bool internal = false;             // a compiler bug rather than something the user wrote
};

enum class KernelShape {
    Loop,           // void f(mech_instance_data*): every instance
    NetReceive,     // void f(mech_instance_data*, i32 instance, double* weight, double flag)
    NetReceiveInit, // void f(mech_instance_data*, i32 instance, double* weight)
};

class KernelEmitter {
public:
    KernelEmitter(llvm::Module& module, const ir::Mechanism& mechanism);
    llvm::Function* emit(const ir::Kernel& kernel, KernelShape shape, const std::string& symbol);

private:
    // Alias scopes: one per distinct array the kernel may touch.
    enum FixedScope : unsigned {
        GlobalScope,
        NodeIndex,
        VecV,
        VecRhs,
        VecD,
        Scale,
        Weight,
        FixedCount
    };
    unsigned field_scope(int k) const { return FixedCount + static_cast<unsigned>(k); }
    unsigned ion_scope(int j, unsigned member) const;

    // The instance loop (emit_kernel.cpp).
    // Instances go through vector loops in blocks of this many: the widest vector of doubles
    // (AVX-512); the narrower widths (4, 2) divide it.
    static constexpr int vector_block = 8;
    enum class VectorWidth { Any, Block, None }; // cost model's choice, vector_block, scalar
    // One loop over every instance, the vector part (a multiple of vector_block) or the rest.
    enum class LoopPart { Whole, Vector, Rest };
    void instance_loop(const ir::Kernel& kernel, std::size_t prefix,
                       const std::vector<bool>& per_instance, llvm::Value* begin,
                       llvm::Value* end, llvm::BasicBlock* first, llvm::BasicBlock* from,
                       llvm::BasicBlock* exit, LoopPart part);
    llvm::BasicBlock* check_contiguity(const KernelTraits& traits, llvm::Value* width,
                                       llvm::BasicBlock* check, llvm::BasicBlock* contiguous,
                                       llvm::BasicBlock* general);
    llvm::MDNode* loop_id(llvm::MDNode* parallel_group, VectorWidth width = VectorWidth::Any);

    // Statements (emit_kernel.cpp).
    void block(const ir::Block& body);
    void statement(const ir::Stmt& s);         // locates errors at the statement when it can
    void statement_unlocated(const ir::Stmt& s);
    void accumulate_current(const ir::AccumulateCurrent& s);
    void call_runtime(InstanceDataField which, llvm::Value* first, llvm::Value* second);

    // Memory (emit_kernel.cpp).
    llvm::Value* load_var(const ir::Var& var);
    void store_var(const ir::Var& var, llvm::Value* value, bool accumulate);
    llvm::Value* element(const ir::Var& var, unsigned& scope); // address of var for this instance
    llvm::Value* header(unsigned member, llvm::Type* type);    // data->member, loaded in entry
    llvm::Value* field_base(int k);
    llvm::Value* ion_member(int j, unsigned member);
    llvm::Value* node();
    llvm::Value* ion_slot(int j);
    llvm::Value* contiguous_index(llvm::Value* base, const char* name);
    llvm::Value* local_slot(int k);
    llvm::Instruction* tag(llvm::Instruction* access, unsigned scope);
    llvm::Value* load_tagged(llvm::Value* address, unsigned scope, llvm::Type* type);
    void store_tagged(llvm::Value* value, llvm::Value* address, unsigned scope);
    void check_index(const ir::Var& var) const;

    // Expressions (emit_expr.cpp).
    llvm::Value* value(const ir::ExprPtr& e);     // as a double
    llvm::Value* condition(const ir::ExprPtr& e); // as an i1
    llvm::Value* natural(const ir::ExprPtr& e);   // double or i1, as the IR types it
    llvm::Value* call(ir::Intrinsic fn, const std::vector<llvm::Value*>& args);
    llvm::Value* libm(const char* name, const std::vector<llvm::Value*>& args);
    llvm::Value* expm1(llvm::Value* x);
    llvm::Value* exprelr(llvm::Value* x);

    llvm::Module& module_;
    llvm::LLVMContext& context_;
    const ir::Mechanism& mechanism_;
    AbiTypes types_;
    llvm::IRBuilder<> builder_;
    llvm::IRBuilder<> entry_; // appends pointer loads to the entry block

    // Per-kernel state.
    const ir::Kernel* kernel_ = nullptr;
    KernelShape shape_ = KernelShape::Loop;
    llvm::Function* function_ = nullptr;
    llvm::Value* data_ = nullptr;
    llvm::Value* instance_ = nullptr; // i32 instance index
    llvm::Value* weight_ = nullptr;
    llvm::Value* flag_ = nullptr;
    std::vector<llvm::AllocaInst*> locals_;
    std::map<unsigned, llvm::Value*> headers_;
    std::map<int, llvm::Value*> field_bases_;
    std::map<std::pair<int, unsigned>, llvm::Value*> ion_members_;
    llvm::Value* ion_views_ = nullptr;
    llvm::Value* node_base_ = nullptr;       // node_index[0] in the contiguous copy of the loop
    std::map<int, llvm::Value*> ion_bases_; // ion[j].index[0] there
    std::vector<llvm::MDNode*> scopes_;
    std::vector<llvm::MDNode*> scope_lists_;   // !alias.scope operand per scope
    std::vector<llvm::MDNode*> noalias_lists_; // !noalias operand per scope
    llvm::MDNode* access_group_ = nullptr;     // set when the loop is parallel
};

} // namespace mech::codegen
