// Checks --cpu before any code is generated: LLVM aborts the process on some unknown names.
#pragma once

#include <string>

namespace mech::driver {

// Whether LLVM knows `cpu` for this machine's target triple ("" and "native" always do).
// On false, `message` says why and names a few valid CPUs.
bool valid_target_cpu(const std::string& cpu, std::string& message);

} // namespace mech::driver
