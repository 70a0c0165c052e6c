// The printed form of the IR: stable and readable, used by golden tests and `mechc --emit=ir`.
#pragma once

#include "ir/mechanism.hpp"

#include <string>

namespace mech::ir {

/// Whole mechanism: header lines for metadata, then each non-empty kernel.
std::string print(const Mechanism& mechanism);
/// One expression, with names taken from `mechanism` and `kernel` (locals) when given.
std::string print(const ExprPtr& e, const Mechanism* mechanism = nullptr,
                  const Kernel* kernel = nullptr);

} // namespace mech::ir
