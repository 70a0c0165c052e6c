// The math built-ins the IR calls by name, so codegen can map them to LLVM intrinsics or libmvec.
#pragma once

#include <optional>
#include <string_view>

namespace mech::ir {

/// X(enumerator, source name, argument count). fmin/fmax are spelled min/max in the IR.
#define MECH_IR_INTRINSICS(X)                                                                      \
    X(Exp, "exp", 1)                                                                               \
    X(Expm1, "expm1", 1)                                                                           \
    X(Exprelr, "exprelr", 1) /* x/(exp(x)-1), 1 at x = 0 (NEURON's definition) */                  \
    X(Log, "log", 1)                                                                               \
    X(Log10, "log10", 1)                                                                           \
    X(Fabs, "fabs", 1)                                                                             \
    X(Sqrt, "sqrt", 1)                                                                             \
    X(Pow, "pow", 2)                                                                               \
    X(Sin, "sin", 1)                                                                               \
    X(Cos, "cos", 1)                                                                               \
    X(Tan, "tan", 1)                                                                               \
    X(Atan, "atan", 1)                                                                             \
    X(Atan2, "atan2", 2)                                                                           \
    X(Sinh, "sinh", 1)                                                                             \
    X(Cosh, "cosh", 1)                                                                             \
    X(Tanh, "tanh", 1)                                                                             \
    X(Floor, "floor", 1)                                                                           \
    X(Ceil, "ceil", 1)                                                                             \
    X(Fmod, "fmod", 2)                                                                             \
    X(Min, "min", 2)                                                                               \
    X(Max, "max", 2)

enum class Intrinsic {
#define MECH_IR_X(e, name, arity) e,
    MECH_IR_INTRINSICS(MECH_IR_X)
#undef MECH_IR_X
};

std::string_view intrinsic_name(Intrinsic fn);
int intrinsic_arity(Intrinsic fn);
/// Looks a source-level name up ("fmin" and "fmax" map to Min and Max).
std::optional<Intrinsic> find_intrinsic(std::string_view name);
/// The value exactly as compiled code computes it (std:: functions; exprelr as NEURON defines it).
double evaluate_intrinsic(Intrinsic fn, double a, double b = 0.0);

} // namespace mech::ir
