// Writes the optimised mechanism module as native object code and links shared catalogues.
#include "jit/aot.hpp"

#include "jit/pipeline.hpp"
#include "jit/target.hpp"

#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

namespace mech::jit {

bool compile_object(llvm::Module& module, const Options& options, std::vector<char>& object,
                    std::string& error) {
    auto builder = target_builder(options, error);
    if (!builder) {
        return false;
    }
    auto target = builder->createTargetMachine();
    if (!target) {
        error = llvm::toString(target.takeError());
        return false;
    }
    optimise(module, **target, options);

    llvm::SmallVector<char, 0> buffer;
    llvm::raw_svector_ostream stream(buffer);
    llvm::legacy::PassManager passes;
    if ((*target)->addPassesToEmitFile(passes, stream, nullptr,
                                       llvm::CodeGenFileType::ObjectFile)) {
        error = "the target cannot emit object files";
        return false;
    }
    passes.run(module);
    object.assign(buffer.begin(), buffer.end());
    return true;
}

namespace {

// Quotes one argument for /bin/sh.
std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

} // namespace

bool link_shared_library(const std::string& object_path, const std::string& path,
                         std::string& error) {
    const char* cc = std::getenv("MECH_CC");
    std::string command = std::string(cc && *cc ? cc : "cc") + " -shared -o " + quoted(path) + " " +
                          quoted(object_path) + " -lmvec -lm 2>&1";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) {
        error = "cannot run the linker: " + command;
        return false;
    }
    std::string output;
    char chunk[512];
    while (std::size_t n = std::fread(chunk, 1, sizeof chunk, pipe)) {
        output.append(chunk, n);
    }
    int status = ::pclose(pipe);
    if (status != 0) {
        error = "linking " + path + " failed (" + command + "):\n" + output;
        return false;
    }
    return true;
}

bool compile_shared_library(llvm::Module& module, const Options& options, const std::string& path,
                            std::string& error) {
    std::vector<char> object;
    if (!compile_object(module, options, object, error)) {
        return false;
    }
    // The object goes next to the library, under a name no other process uses.
    const auto object_path = path + ".tmp." + std::to_string(::getpid()) + ".o";
    {
        std::ofstream out(object_path, std::ios::binary);
        out.write(object.data(), static_cast<std::streamsize>(object.size()));
        if (!out) {
            error = "cannot write " + object_path;
            return false;
        }
    }
    const bool linked = link_shared_library(object_path, path, error);
    std::error_code ignored;
    std::filesystem::remove(object_path, ignored);
    return linked;
}

} // namespace mech::jit
