// The instance loop of a kernel, and the once-per-call check that lets density mechanisms use a
// second copy of it that reads node and ion arrays contiguously.
#include "codegen/kernel_emitter.hpp"

#include <llvm/IR/Function.h>

namespace mech::codegen {

namespace {

unsigned member(InstanceDataField f) {
    return static_cast<unsigned>(f);
}

} // namespace

// for (i = begin; i < end; ++i) body, from `first` (entered from `from`, where begin < end),
// with the loop marked parallel when iterations are independent.
void KernelEmitter::instance_loop(const ir::Kernel& kernel, std::size_t prefix,
                                  const std::vector<bool>& per_instance, llvm::Value* begin,
                                  llvm::Value* end, llvm::BasicBlock* first,
                                  llvm::BasicBlock* from, llvm::BasicBlock* exit, LoopPart part) {
    builder_.SetInsertPoint(first);
    auto* i = builder_.CreatePHI(types_.index, 2, "i");
    i->addIncoming(begin, from);
    instance_ = i;
    for (std::size_t k = 0; k < locals_.size(); ++k) {
        if (per_instance[k]) {
            builder_.CreateStore(llvm::ConstantFP::get(types_.value, 0.0), locals_[k]);
        }
    }
    for (std::size_t k = prefix; k < kernel.body.size(); ++k) {
        statement(*kernel.body[k]);
    }
    auto* next =
        builder_.CreateAdd(i, llvm::ConstantInt::get(types_.index, 1), "i.next", true, true);
    // `!=` for the vector part: its trip count is then `end` itself for ScalarEvolution, a
    // known multiple of vector_block (with `<` it would be max(end, 1), unless it saw the
    // guard, which the contiguity scan hides), and the vectoriser leaves no remainder.
    auto* latch = builder_.CreateCondBr(part == LoopPart::Vector
                                            ? builder_.CreateICmpNE(next, end)
                                            : builder_.CreateICmpSLT(next, end),
                                        first, exit);
    i->addIncoming(next, builder_.GetInsertBlock());
    latch->setMetadata(llvm::LLVMContext::MD_loop,
                       loop_id(access_group_,
                               part == LoopPart::Rest ? VectorWidth::None : VectorWidth::Any));
}

llvm::MDNode* KernelEmitter::loop_id(llvm::MDNode* parallel_group, VectorWidth width) {
    auto* i32 = llvm::Type::getInt32Ty(context_);
    llvm::SmallVector<llvm::Metadata*, 5> loop_md{nullptr};
    loop_md.push_back(
        llvm::MDNode::get(context_, {llvm::MDString::get(context_, "llvm.loop.mustprogress")}));
    // One vector body per loop, not unrolled again: the loops stream through memory and call
    // libmvec, so more copies buy little and cost compile time (the JIT compiles on start-up).
    loop_md.push_back(llvm::MDNode::get(
        context_, {llvm::MDString::get(context_, "llvm.loop.interleave.count"),
                   llvm::ConstantAsMetadata::get(llvm::ConstantInt::get(i32, 1))}));
    loop_md.push_back(
        llvm::MDNode::get(context_, {llvm::MDString::get(context_, "llvm.loop.unroll.disable")}));
    if (width == VectorWidth::None) {
        loop_md.push_back(llvm::MDNode::get(
            context_, {llvm::MDString::get(context_, "llvm.loop.vectorize.enable"),
                       llvm::ConstantAsMetadata::get(llvm::ConstantInt::getFalse(context_))}));
    } else if (width == VectorWidth::Block) {
        loop_md.push_back(llvm::MDNode::get(
            context_, {llvm::MDString::get(context_, "llvm.loop.vectorize.width"),
                       llvm::ConstantAsMetadata::get(llvm::ConstantInt::get(i32, vector_block))}));
    }
    if (parallel_group) {
        loop_md.push_back(llvm::MDNode::get(
            context_,
            {llvm::MDString::get(context_, "llvm.loop.parallel_accesses"), parallel_group}));
    }
    auto* id = llvm::MDNode::getDistinct(context_, loop_md);
    id->replaceOperandWith(0, id);
    return id;
}

// In `check`: d = OR over i of (index[i] XOR (index[0] + i)) for every index array the kernel
// uses (a reduction LLVM vectorises), then to `contiguous` when d == 0, else to `general`.
// Sets node_base_ / ion_bases_ (index[0]) for the contiguous copy. Returns the deciding block.
llvm::BasicBlock* KernelEmitter::check_contiguity(const KernelTraits& traits, llvm::Value* width,
                                                  llvm::BasicBlock* check,
                                                  llvm::BasicBlock* contiguous,
                                                  llvm::BasicBlock* general) {
    struct Run {
        llvm::Value* array;
        unsigned scope;
        llvm::Value* first;
    };
    std::vector<Run> runs;
    builder_.SetInsertPoint(check);
    auto* zero = llvm::ConstantInt::get(types_.index, 0);
    auto add_run = [&](llvm::Value* array, unsigned scope) {
        auto* first = tag(builder_.CreateLoad(types_.index, array), scope);
        runs.push_back({array, scope, first});
        return first;
    };
    if (traits.indexes_nodes) {
        node_base_ = add_run(header(member(InstanceDataField::node_index), types_.ptr), NodeIndex);
    }
    const auto idx = static_cast<unsigned>(IonViewField::index);
    for (int j : traits.indexed_ions) {
        ion_bases_[j] = add_run(ion_member(j, idx), ion_scope(j, idx));
    }
    auto* scan = llvm::BasicBlock::Create(context_, "contiguity.scan", function_);
    auto* decided = llvm::BasicBlock::Create(context_, "contiguity.done", function_);
    builder_.CreateBr(scan);
    builder_.SetInsertPoint(scan);
    auto* j = builder_.CreatePHI(types_.index, 2, "j");
    auto* seen = builder_.CreatePHI(types_.index, 2, "breaks");
    j->addIncoming(zero, check);
    seen->addIncoming(zero, check);
    llvm::Value* breaks = seen;
    for (const auto& run : runs) {
        auto* at = load_tagged(builder_.CreateInBoundsGEP(types_.index, run.array, j), run.scope,
                               types_.index);
        breaks = builder_.CreateOr(
            breaks, builder_.CreateXor(at, builder_.CreateAdd(run.first, j, "", false, true)));
    }
    auto* next =
        builder_.CreateAdd(j, llvm::ConstantInt::get(types_.index, 1), "j.next", true, true);
    auto* latch = builder_.CreateCondBr(builder_.CreateICmpSLT(next, width), scan, decided);
    j->addIncoming(next, scan);
    seen->addIncoming(breaks, scan);
    // At most vector_block lanes, so that the scan (over a multiple of the block) has no
    // remainder loop of its own, even where 16 lanes of i32 would fit.
    latch->setMetadata(llvm::LLVMContext::MD_loop, loop_id(nullptr, VectorWidth::Block));
    builder_.SetInsertPoint(decided);
    builder_.CreateCondBr(builder_.CreateICmpEQ(breaks, zero), contiguous, general);
    return decided;
}

} // namespace mech::codegen
