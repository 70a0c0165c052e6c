// How mechanisms are turned into machine code: shared by the JIT and ahead-of-time catalogues,
// so that both produce the same instructions (and so bit-identical results) for one Options.
#pragma once

#include <string>

namespace mech::jit {

struct Options {
    // 0..3, the LLVM optimisation level of the middle end and of the code generator.
    int opt_level = 3;
    // Vectorise exp/log/pow/sin/cos through glibc's libmvec (accurate to a few ulp).
    bool vector_math = true;
    // Target CPU; empty means the CPU of the machine that compiles ("native").
    // An AOT catalogue meant for other machines should name one, e.g. "x86-64-v3".
    std::string cpu;
};

} // namespace mech::jit
