// Ahead-of-time catalogues: the module the JIT would run, written as an object file or linked
// into a shared library that load_catalogue() (or any dlopen user) reads later.
#pragma once

#include "jit/options.hpp"

#include <string>
#include <vector>

namespace llvm {
class Module;
}

namespace mech::jit {

// Optimises `module` (valid, as codegen::generate returns it; as the JIT would, for
// options.cpu) and returns the object file's bytes.
// On failure returns false and sets `error`.
bool compile_object(llvm::Module& module, const Options& options, std::vector<char>& object,
                    std::string& error);

// compile_object, then links `path` with the system C compiler (`cc -shared`, libm, libmvec).
bool compile_shared_library(llvm::Module& module, const Options& options, const std::string& path,
                            std::string& error);

// Links an object file already on disk into a shared library (what compile_shared_library does
// after writing its object). The C compiler is $MECH_CC, else `cc`.
bool link_shared_library(const std::string& object_path, const std::string& path,
                         std::string& error);

} // namespace mech::jit
