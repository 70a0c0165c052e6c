// Turns MechanismTables into constant LLVM globals that match mechanism_abi.h byte for byte,
// so the same module serves the JIT (symbol lookup) and an AOT catalogue (dlsym).
#include "codegen/emit_metadata.hpp"

#include "codegen/abi_types.hpp"

#include <llvm/IR/Constants.h>
#include <llvm/IR/DerivedTypes.h>
#include <llvm/IR/Function.h>
#include <llvm/IR/GlobalVariable.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Module.h>

namespace mech::codegen {

namespace {

class TableEmitter {
public:
    TableEmitter(llvm::Module& module, const std::string& prefix)
        : module_(module), context_(module.getContext()), types_(AbiTypes::get(context_)),
          prefix_(prefix) {}

    llvm::Constant* string(const std::string& text, const std::string& what) {
        auto* init = llvm::ConstantDataArray::getString(context_, text, true);
        auto* global =
            new llvm::GlobalVariable(module_, init->getType(), true,
                                     llvm::GlobalValue::PrivateLinkage, init, prefix_ + what);
        global->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
        global->setAlignment(llvm::Align(1));
        return global;
    }
    llvm::Constant* f64(double value) { return llvm::ConstantFP::get(types_.value, value); }
    llvm::Constant* i32(int64_t value) {
        return llvm::ConstantInt::get(types_.index, static_cast<uint64_t>(value), true);
    }
    llvm::Constant* null() { return llvm::ConstantPointerNull::get(types_.ptr); }
    llvm::Constant* function(llvm::Function* f) {
        return f ? static_cast<llvm::Constant*>(f) : null();
    }

    // A private constant array of `type`, or null when empty (the ABI allows null with n = 0).
    llvm::Constant* array(llvm::StructType* type, const std::vector<llvm::Constant*>& rows,
                          const std::string& what) {
        if (rows.empty()) {
            return null();
        }
        auto* array_type = llvm::ArrayType::get(type, rows.size());
        auto* init = llvm::ConstantArray::get(array_type, rows);
        return new llvm::GlobalVariable(module_, array_type, true,
                                        llvm::GlobalValue::PrivateLinkage, init, prefix_ + what);
    }

    const AbiTypes& types() const { return types_; }
    llvm::Module& module() { return module_; }
    const std::string& prefix() const { return prefix_; }

private:
    llvm::Module& module_;
    llvm::LLVMContext& context_;
    AbiTypes types_;
    std::string prefix_;
};

} // namespace

llvm::GlobalVariable* emit_mechanism(llvm::Module& module, const MechanismTables& tables,
                                     const KernelFunctions& kernels) {
    TableEmitter emit(module, "mech." + tables.name + ".");
    const auto& types = emit.types();

    std::vector<llvm::Constant*> fields;
    for (const auto& field : tables.fields) {
        fields.push_back(llvm::ConstantStruct::get(
            types.field_info,
            {emit.string(field.name, "field.name." + field.name),
             emit.string(field.units, "field.units." + field.name), emit.f64(field.default_value),
             emit.f64(field.lower_limit), emit.f64(field.upper_limit), emit.i32(field.role)}));
    }
    std::vector<llvm::Constant*> globals;
    for (const auto& global : tables.globals) {
        globals.push_back(llvm::ConstantStruct::get(
            types.global_info, {emit.string(global.name, "global.name." + global.name),
                                emit.string(global.units, "global.units." + global.name),
                                emit.f64(global.default_value)}));
    }
    std::vector<llvm::Constant*> ions;
    for (const auto& ion : tables.ions) {
        ions.push_back(llvm::ConstantStruct::get(
            types.ion_info, {emit.string(ion.name, "ion.name." + ion.name), emit.i32(ion.valence),
                             emit.i32(ion.reads), emit.i32(ion.writes)}));
    }

    auto* init = llvm::ConstantStruct::get(
        types.mechanism,
        {emit.i32(MECH_ABI_VERSION), emit.string(tables.name, "name"), emit.i32(tables.kind),
         emit.i32(tables.has_electrode_current ? 1 : 0),
         emit.i32(static_cast<int64_t>(fields.size())),
         emit.array(types.field_info, fields, "fields"),
         emit.i32(static_cast<int64_t>(globals.size())),
         emit.array(types.global_info, globals, "globals"),
         emit.i32(static_cast<int64_t>(ions.size())), emit.array(types.ion_info, ions, "ions"),
         emit.i32(tables.n_net_receive_args), emit.function(kernels.init),
         emit.function(kernels.compute_currents), emit.function(kernels.advance_state),
         emit.function(kernels.net_receive), emit.function(kernels.net_receive_init),
         emit.function(kernels.check_watch)});
    return new llvm::GlobalVariable(module, types.mechanism, true,
                                    llvm::GlobalValue::PrivateLinkage, init, "mech." + tables.name);
}

llvm::Function* emit_catalogue(llvm::Module& module,
                               std::span<llvm::GlobalVariable* const> mechanisms) {
    auto& context = module.getContext();
    const auto types = AbiTypes::get(context);

    auto* list_type = llvm::ArrayType::get(types.ptr, mechanisms.size());
    std::vector<llvm::Constant*> entries(mechanisms.begin(), mechanisms.end());
    auto* list = new llvm::GlobalVariable(
        module, list_type, true, llvm::GlobalValue::PrivateLinkage,
        llvm::ConstantArray::get(list_type, entries), "mech.catalogue.list");

    auto* fn_type = llvm::FunctionType::get(types.ptr, {types.ptr}, false);
    auto* fn = llvm::Function::Create(fn_type, llvm::GlobalValue::ExternalLinkage,
                                      MECH_CATALOGUE_SYMBOL, module);
    fn->setDoesNotThrow();
    fn->getArg(0)->setName("count");
    llvm::IRBuilder<> builder(llvm::BasicBlock::Create(context, "entry", fn));
    // A null count is tolerated: callers that only want the list need not pass one.
    auto* count = fn->getArg(0);
    auto* has_count = builder.CreateIsNotNull(count);
    auto* store_block = llvm::BasicBlock::Create(context, "store", fn);
    auto* done_block = llvm::BasicBlock::Create(context, "done", fn);
    builder.CreateCondBr(has_count, store_block, done_block);
    builder.SetInsertPoint(store_block);
    builder.CreateStore(builder.getInt32(static_cast<uint32_t>(mechanisms.size())), count);
    builder.CreateBr(done_block);
    builder.SetInsertPoint(done_block);
    builder.CreateRet(list);
    return fn;
}

} // namespace mech::codegen
