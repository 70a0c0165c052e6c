// Names, arities and reference values of the IR's math built-ins.
#include "ir/intrinsic.hpp"

#include <algorithm>
#include <cmath>

namespace mech::ir {

std::string_view intrinsic_name(Intrinsic fn) {
    switch (fn) {
#define MECH_IR_X(e, name, arity)                                                                  \
    case Intrinsic::e:                                                                             \
        return name;
        MECH_IR_INTRINSICS(MECH_IR_X)
#undef MECH_IR_X
    }
    return "?";
}

int intrinsic_arity(Intrinsic fn) {
    switch (fn) {
#define MECH_IR_X(e, name, arity)                                                                  \
    case Intrinsic::e:                                                                             \
        return arity;
        MECH_IR_INTRINSICS(MECH_IR_X)
#undef MECH_IR_X
    }
    return 0;
}

std::optional<Intrinsic> find_intrinsic(std::string_view name) {
    if (name == "fmin")
        return Intrinsic::Min;
    if (name == "fmax")
        return Intrinsic::Max;
#define MECH_IR_X(e, spelled, arity)                                                               \
    if (name == spelled)                                                                           \
        return Intrinsic::e;
    MECH_IR_INTRINSICS(MECH_IR_X)
#undef MECH_IR_X
    return std::nullopt;
}

double evaluate_intrinsic(Intrinsic fn, double a, double b) {
    switch (fn) {
    case Intrinsic::Exp: return std::exp(a);
    case Intrinsic::Expm1: return std::expm1(a);
    // NEURON's exprelr: x/(exp(x)-1), with the removable singularity filled in at exactly 0.
    case Intrinsic::Exprelr: return (1.0 + a == 1.0) ? 1.0 : a / std::expm1(a);
    case Intrinsic::Log: return std::log(a);
    case Intrinsic::Log10: return std::log10(a);
    case Intrinsic::Fabs: return std::fabs(a);
    case Intrinsic::Sqrt: return std::sqrt(a);
    case Intrinsic::Pow: return std::pow(a, b);
    case Intrinsic::Sin: return std::sin(a);
    case Intrinsic::Cos: return std::cos(a);
    case Intrinsic::Tan: return std::tan(a);
    case Intrinsic::Atan: return std::atan(a);
    case Intrinsic::Atan2: return std::atan2(a, b);
    case Intrinsic::Sinh: return std::sinh(a);
    case Intrinsic::Cosh: return std::cosh(a);
    case Intrinsic::Tanh: return std::tanh(a);
    case Intrinsic::Floor: return std::floor(a);
    case Intrinsic::Ceil: return std::ceil(a);
    case Intrinsic::Fmod: return std::fmod(a, b);
    // fmin/fmax semantics: a NaN argument yields the other one.
    case Intrinsic::Min: return std::fmin(a, b);
    case Intrinsic::Max: return std::fmax(a, b);
    }
    return NAN;
}

} // namespace mech::ir
