// The short wrapper over ORC LLJIT: optimise the module once for the host, add it, and ask it
// for `mech_catalogue`, which lists the mechanisms it defines.
#include "jit/jit_catalogue.hpp"

#include "jit/pipeline.hpp"
#include "jit/target.hpp"

#include <llvm/ExecutionEngine/Orc/CompileUtils.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/Support/raw_ostream.h>

#include <cstring>

namespace mech::jit {

struct JitCatalogue::Impl {
    std::unique_ptr<llvm::orc::LLJIT> jit;
    std::vector<const mech_mechanism*> mechanisms;
};

JitCatalogue::JitCatalogue(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
JitCatalogue::~JitCatalogue() = default;

std::span<const mech_mechanism* const> JitCatalogue::mechanisms() const {
    return impl_->mechanisms;
}

const mech_mechanism* JitCatalogue::find(std::string_view name) const {
    for (const auto* mechanism : impl_->mechanisms) {
        if (name == mechanism->name) {
            return mechanism;
        }
    }
    return nullptr;
}

void* JitCatalogue::lookup(std::string_view symbol) const {
    auto address = impl_->jit->lookup(llvm::StringRef(symbol.data(), symbol.size()));
    if (!address) {
        llvm::consumeError(address.takeError());
        return nullptr;
    }
    return address->toPtr<void*>();
}

std::unique_ptr<JitCatalogue> jit_module(std::unique_ptr<llvm::LLVMContext> context,
                                         std::unique_ptr<llvm::Module> module,
                                         const Options& options, std::string& error,
                                         CompileTimings* timings) {
    auto builder = target_builder(options, error);
    if (!builder) {
        return nullptr;
    }
    auto target = builder->createTargetMachine();
    if (!target) {
        error = llvm::toString(target.takeError());
        return nullptr;
    }
    {
        StageTimer timer(timings ? &timings->optimise_ms : nullptr);
        optimise(*module, **target, options);
    }
    StageTimer timer(timings ? &timings->machine_code_ms : nullptr);

    // The machine that optimised the module also compiles it: LLJIT would otherwise build a
    // second one for its compile layer and a third for the default data layout (each a few
    // hundred thousand instructions of subtarget set-up).
    auto layout = (*target)->createDataLayout();
    auto machine = std::make_shared<std::unique_ptr<llvm::TargetMachine>>(std::move(*target));
    auto jit = llvm::orc::LLJITBuilder()
                   .setJITTargetMachineBuilder(std::move(*builder))
                   .setDataLayout(std::move(layout))
                   .setCompileFunctionCreator(
                       [machine](llvm::orc::JITTargetMachineBuilder)
                           -> llvm::Expected<std::unique_ptr<llvm::orc::IRCompileLayer::IRCompiler>> {
                           return std::make_unique<llvm::orc::TMOwningSimpleCompiler>(
                               std::move(*machine));
                       })
                   .create();
    if (!jit) {
        error = llvm::toString(jit.takeError());
        return nullptr;
    }
    if (auto added = (*jit)->addIRModule(
            llvm::orc::ThreadSafeModule(std::move(module), std::move(context)))) {
        error = llvm::toString(std::move(added));
        return nullptr;
    }
    auto symbol = (*jit)->lookup(MECH_CATALOGUE_SYMBOL);
    if (!symbol) {
        error = llvm::toString(symbol.takeError());
        return nullptr;
    }

    auto impl = std::make_unique<JitCatalogue::Impl>();
    impl->jit = std::move(*jit);
    int32_t count = 0;
    const auto* list = symbol->toPtr<mech_catalogue_fn>()(&count);
    impl->mechanisms.assign(list, list + count);
    for (const auto* mechanism : impl->mechanisms) {
        if (mechanism->abi_version != MECH_ABI_VERSION) {
            error = "mechanism '" + std::string(mechanism->name) + "' has ABI version " +
                    std::to_string(mechanism->abi_version);
            return nullptr;
        }
    }
    return std::make_unique<JitCatalogue>(std::move(impl));
}

} // namespace mech::jit
