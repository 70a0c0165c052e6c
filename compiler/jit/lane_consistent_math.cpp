// See lane_consistent_math.hpp.
#include "jit/lane_consistent_math.hpp"

#include <llvm/Analysis/LoopInfo.h>
#include <llvm/IR/Dominators.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/Module.h>

#include <map>
#include <string>
#include <vector>

namespace mech::jit {
namespace {

// The libm name of the scalar maths a call computes ("" if none we map): intrinsics and the
// libm functions the code generator calls.
std::string scalar_name(const llvm::Function& callee) {
    const llvm::StringRef name = callee.getName();
    static const std::map<std::string, std::string, std::less<>> intrinsics{
        {"llvm.exp.f64", "exp"},
        {"llvm.log.f64", "log"},
        {"llvm.pow.f64", "pow"},
        {"llvm.sin.f64", "sin"},
        {"llvm.cos.f64", "cos"}};
    if (const auto it = intrinsics.find(name); it != intrinsics.end())
        return it->second;
    if (name == "exp" || name == "log" || name == "pow" || name == "sin" || name == "cos" ||
        name == "expm1")
        return name.str();
    return {};
}

// glibc vector ABI names: _ZGV <isa> N <lanes> <v per argument> _ <scalar name>.
std::string vector_scalar_name(llvm::StringRef name) {
    if (!name.starts_with("_ZGV"))
        return {};
    const auto underscore = name.find('_', 4);
    return underscore == llvm::StringRef::npos ? std::string{} : name.substr(underscore + 1).str();
}

} // namespace

void use_vector_math_in_scalar_calls(llvm::Module& module) {
    for (llvm::Function& function : module) {
        if (function.isDeclaration())
            continue;
        std::map<std::string, llvm::CallInst*> vector_calls; // scalar name -> one vector call
        std::vector<llvm::CallInst*> scalar_calls;
        for (auto& block : function)
            for (auto& inst : block) {
                auto* call = llvm::dyn_cast<llvm::CallInst>(&inst);
                const llvm::Function* callee = call ? call->getCalledFunction() : nullptr;
                if (!callee)
                    continue;
                if (const auto name = vector_scalar_name(callee->getName()); !name.empty())
                    vector_calls.try_emplace(name, call);
                else if (!scalar_name(*callee).empty() && call->getType()->isDoubleTy())
                    scalar_calls.push_back(call);
            }
        if (vector_calls.empty() || scalar_calls.empty())
            continue;
        // Only calls inside a loop (the scalar rest): the prefix before the loops computes
        // once per call what every instance shares, whichever loop it is in.
        const llvm::DominatorTree dominators(function);
        const llvm::LoopInfo loops(dominators);
        for (llvm::CallInst* call : scalar_calls) {
            if (!loops.getLoopFor(call->getParent()))
                continue;
            const auto it = vector_calls.find(scalar_name(*call->getCalledFunction()));
            if (it == vector_calls.end())
                continue;
            llvm::CallInst* vector = it->second;
            const auto* type = llvm::cast<llvm::FixedVectorType>(vector->getType());
            if (vector->arg_size() != call->arg_size())
                continue;
            llvm::IRBuilder<> builder(call);
            std::vector<llvm::Value*> args;
            for (llvm::Value* arg : call->args())
                args.push_back(builder.CreateVectorSplat(type->getNumElements(), arg));
            auto* lanes =
                builder.CreateCall(vector->getFunctionType(), vector->getCalledOperand(), args);
            lanes->setCallingConv(vector->getCallingConv());
            lanes->setAttributes(vector->getAttributes());
            call->replaceAllUsesWith(builder.CreateExtractElement(lanes, uint64_t{0}));
            call->eraseFromParent();
        }
    }
}

} // namespace mech::jit
