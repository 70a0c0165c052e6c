// Expressions and math built-ins: arithmetic as IEEE operations in source order (no fast-math:
// results must match NEURON's; the one liberty is division by a constant, see divide()),
// built-ins as LLVM intrinsics where one exists (so the loop vectoriser can map them to libmvec)
// and as libm calls otherwise.
#include "codegen/kernel_emitter.hpp"

#include <cmath>

#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/Module.h>

namespace mech::codegen {
namespace {

// Division by a constant is multiplication by its reciprocal: one rounding more (about an ulp),
// but a vector division costs several multiplications, and rate expressions divide by
// constants everywhere ((v + 40)/10, (v + 65)/-18: six of hh's divisions per instance).
llvm::Value* divide(llvm::IRBuilder<>& builder, llvm::Value* lhs, llvm::Value* rhs) {
    if (const auto* c = llvm::dyn_cast<llvm::ConstantFP>(rhs)) {
        const double reciprocal = 1.0 / c->getValueAPF().convertToDouble();
        if (std::isnormal(reciprocal))
            return builder.CreateFMul(lhs, llvm::ConstantFP::get(rhs->getType(), reciprocal));
    }
    return builder.CreateFDiv(lhs, rhs);
}

} // namespace

llvm::Value* KernelEmitter::value(const ir::ExprPtr& e) {
    auto* v = natural(e);
    // A condition used as a number is 1 or 0, as in C.
    return v->getType()->isIntegerTy(1) ? builder_.CreateUIToFP(v, types_.value) : v;
}

llvm::Value* KernelEmitter::condition(const ir::ExprPtr& e) {
    auto* v = natural(e);
    // A number used as a condition is true when non-zero, as in C (NaN is true).
    return v->getType()->isIntegerTy(1)
               ? v
               : builder_.CreateFCmpUNE(v, llvm::ConstantFP::get(types_.value, 0.0));
}

llvm::Value* KernelEmitter::natural(const ir::ExprPtr& e) {
    if (!e) {
        throw EmitError{"a missing expression in " + kernel_->name, std::nullopt, true};
    }
    if (const auto* c = e->as<ir::Constant>()) {
        return llvm::ConstantFP::get(types_.value, c->value);
    }
    if (const auto* r = e->as<ir::VarRef>()) {
        return load_var(r->var);
    }
    if (const auto* u = e->as<ir::Unary>()) {
        return u->op == ir::UnaryOp::Neg ? builder_.CreateFNeg(value(u->operand))
                                         : builder_.CreateNot(condition(u->operand));
    }
    if (const auto* b = e->as<ir::Binary>()) {
        if (ir::is_logic(b->op)) {
            // Both sides are evaluated: they have no side effects, and selects vectorise.
            auto* lhs = condition(b->lhs);
            auto* rhs = condition(b->rhs);
            return b->op == ir::BinaryOp::And ? builder_.CreateAnd(lhs, rhs)
                                              : builder_.CreateOr(lhs, rhs);
        }
        auto* lhs = value(b->lhs);
        auto* rhs = value(b->rhs);
        switch (b->op) {
        case ir::BinaryOp::Add:
            return builder_.CreateFAdd(lhs, rhs);
        case ir::BinaryOp::Sub:
            return builder_.CreateFSub(lhs, rhs);
        case ir::BinaryOp::Mul:
            return builder_.CreateFMul(lhs, rhs);
        case ir::BinaryOp::Div:
            return divide(builder_, lhs, rhs);
        // C's comparisons: ordered, except != which is true for NaN.
        case ir::BinaryOp::Lt:
            return builder_.CreateFCmpOLT(lhs, rhs);
        case ir::BinaryOp::Le:
            return builder_.CreateFCmpOLE(lhs, rhs);
        case ir::BinaryOp::Gt:
            return builder_.CreateFCmpOGT(lhs, rhs);
        case ir::BinaryOp::Ge:
            return builder_.CreateFCmpOGE(lhs, rhs);
        case ir::BinaryOp::Eq:
            return builder_.CreateFCmpOEQ(lhs, rhs);
        case ir::BinaryOp::Ne:
            return builder_.CreateFCmpUNE(lhs, rhs);
        default:
            break;
        }
    }
    if (const auto* c = e->as<ir::Call>()) {
        if (static_cast<int>(c->args.size()) != ir::intrinsic_arity(c->fn)) {
            throw EmitError{std::string(ir::intrinsic_name(c->fn)) + " called with " +
                                std::to_string(c->args.size()) + " arguments",
                            std::nullopt, true};
        }
        std::vector<llvm::Value*> args;
        for (const auto& a : c->args) {
            args.push_back(value(a));
        }
        return call(c->fn, args);
    }
    if (const auto* s = e->as<ir::Select>()) {
        auto* cond = condition(s->cond);
        auto* if_true = value(s->if_true);
        auto* if_false = value(s->if_false);
        return builder_.CreateSelect(cond, if_true, if_false);
    }
    throw EmitError{"an expression kind the code generator does not know", std::nullopt, true};
}

llvm::Value* KernelEmitter::libm(const char* name, const std::vector<llvm::Value*>& args) {
    std::vector<llvm::Type*> params(args.size(), types_.value);
    auto callee =
        module_.getOrInsertFunction(name, llvm::FunctionType::get(types_.value, params, false));
    auto* f = llvm::cast<llvm::Function>(callee.getCallee());
    // As with -fno-math-errno: a pure function, so it may be hoisted, merged or vectorised.
    f->setDoesNotThrow();
    f->setDoesNotAccessMemory();
    f->addFnAttr(llvm::Attribute::WillReturn);
    return builder_.CreateCall(callee, args);
}

llvm::Value* KernelEmitter::call(ir::Intrinsic fn, const std::vector<llvm::Value*>& a) {
    auto unary = [&](llvm::Intrinsic::ID id) { return builder_.CreateUnaryIntrinsic(id, a[0]); };
    auto binary = [&](llvm::Intrinsic::ID id) {
        return builder_.CreateBinaryIntrinsic(id, a[0], a[1]);
    };
    switch (fn) {
    case ir::Intrinsic::Exp:
        return unary(llvm::Intrinsic::exp);
    case ir::Intrinsic::Expm1:
        return expm1(a[0]);
    case ir::Intrinsic::Exprelr:
        return exprelr(a[0]);
    case ir::Intrinsic::Log:
        return unary(llvm::Intrinsic::log);
    case ir::Intrinsic::Log10:
        return unary(llvm::Intrinsic::log10);
    case ir::Intrinsic::Fabs:
        return unary(llvm::Intrinsic::fabs);
    case ir::Intrinsic::Sqrt:
        return unary(llvm::Intrinsic::sqrt);
    case ir::Intrinsic::Pow:
        return binary(llvm::Intrinsic::pow);
    case ir::Intrinsic::Sin:
        return unary(llvm::Intrinsic::sin);
    case ir::Intrinsic::Cos:
        return unary(llvm::Intrinsic::cos);
    case ir::Intrinsic::Tan:
        return unary(llvm::Intrinsic::tan);
    case ir::Intrinsic::Atan:
        return libm("atan", a);
    case ir::Intrinsic::Atan2:
        return libm("atan2", a);
    case ir::Intrinsic::Sinh:
        return libm("sinh", a);
    case ir::Intrinsic::Cosh:
        return libm("cosh", a);
    case ir::Intrinsic::Tanh:
        return libm("tanh", a);
    case ir::Intrinsic::Floor:
        return unary(llvm::Intrinsic::floor);
    case ir::Intrinsic::Ceil:
        return unary(llvm::Intrinsic::ceil);
    case ir::Intrinsic::Fmod:
        return builder_.CreateFRem(a[0], a[1]); // frem is C's fmod
    case ir::Intrinsic::Min:
        return binary(llvm::Intrinsic::minnum); // fmin: NaN loses
    case ir::Intrinsic::Max:
        return binary(llvm::Intrinsic::maxnum);
    }
    throw EmitError{"a math built-in the code generator does not know", std::nullopt, true};
}

// expm1 and exprelr call glibc's expm1, which libmvec has in vector form at every width (the
// JIT's vector library maps it), so the loops still vectorise. An earlier version built expm1
// from exp and log (Kahan's formula): as accurate, but a vector log more per call.
llvm::Value* KernelEmitter::expm1(llvm::Value* x) {
    return libm("expm1", {x});
}

// exprelr(x) = x / expm1(x), exactly 1 where 1 + x == 1 (NEURON's definition of the limit): the
// reference evaluator's formula. x = -inf gives +inf, x = +inf NaN, as there.
llvm::Value* KernelEmitter::exprelr(llvm::Value* x) {
    auto* one = llvm::ConstantFP::get(types_.value, 1.0);
    auto* quotient = builder_.CreateFDiv(x, expm1(x));
    auto* at_zero = builder_.CreateFCmpOEQ(builder_.CreateFAdd(one, x), one);
    return builder_.CreateSelect(at_zero, one, quotient, "exprelr");
}

} // namespace mech::codegen
