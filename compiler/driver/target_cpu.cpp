// The --cpu check, asked of LLVM's subtarget tables for the host's triple (the triple mech's JIT
// and AOT back ends compile for).
#include "driver/target_cpu.hpp"

#include "jit/target.hpp"

#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/TargetParser/Host.h>

#include <memory>

namespace mech::driver {

bool valid_target_cpu(const std::string& cpu, std::string& message) {
    if (cpu.empty() || cpu == "native")
        return true;
    jit::initialise_llvm();
    const std::string triple = llvm::sys::getProcessTriple();
    std::string error;
    const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, error);
    if (!target) {
        message = "no code generator for this machine (" + triple + "): " + error;
        return false;
    }
    std::unique_ptr<llvm::MCSubtargetInfo> info(target->createMCSubtargetInfo(triple, "", ""));
    if (info && info->isCPUStringValid(cpu))
        return true;
    message = "unknown --cpu '" + cpu + "' for " + triple +
              "; use e.g. x86-64-v2, x86-64-v3, x86-64-v4, skylake-avx512, znver4, or native";
    return false;
}

} // namespace mech::driver
