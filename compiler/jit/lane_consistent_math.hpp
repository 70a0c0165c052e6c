// After vectorisation: the scalar calls left beside a vector loop compute with the same libmvec
// function as the loop's lanes, so that an instance gives the same bits in either loop.
#pragma once

namespace llvm {
class Module;
}

namespace mech::jit {

// In every function that calls a libmvec vector function (e.g. _ZGVeN8v_exp), each remaining
// scalar call of the same maths (llvm.exp.f64 or exp) inside a loop becomes: broadcast the argument, call the
// vector function, take lane 0. Why: the kernels run a vector loop over a multiple of 8
// instances and a scalar loop over the rest, and which instances fall in the rest depends on how
// the runtime splits instances between threads. libmvec's results differ from libm's in the
// last bit, so without this an instance's result would depend on the number of threads.
void use_vector_math_in_scalar_calls(llvm::Module& module);

} // namespace mech::jit
