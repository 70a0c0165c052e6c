// Kernel functions: the instance loop, statements, and every load and store of instance data
// (each tagged with its own alias scope, and with the loop's access group when iterations are
// independent, so that LLVM vectorises the loop).
#include "codegen/kernel_emitter.hpp"

#include <llvm/IR/Function.h>
#include <llvm/IR/MDBuilder.h>
#include <llvm/IR/Module.h>

#include <utility>

namespace mech::codegen {

namespace {

constexpr unsigned ion_member_count = static_cast<unsigned>(IonViewField::count_);

unsigned ion_view_member(ir::IonQuantity q) {
    switch (q) {
    case ir::IonQuantity::Reversal:
        return static_cast<unsigned>(IonViewField::reversal);
    case ir::IonQuantity::Current:
        return static_cast<unsigned>(IonViewField::current);
    case ir::IonQuantity::Internal:
        return static_cast<unsigned>(IonViewField::internal);
    case ir::IonQuantity::External:
        return static_cast<unsigned>(IonViewField::external);
    case ir::IonQuantity::Conductance:
        return static_cast<unsigned>(IonViewField::conductance);
    }
    return 0;
}

unsigned member(InstanceDataField f) {
    return static_cast<unsigned>(f);
}

[[noreturn]] void fail(std::string message, bool internal = false) {
    throw EmitError{std::move(message), std::nullopt, internal};
}

} // namespace

KernelEmitter::KernelEmitter(llvm::Module& module, const ir::Mechanism& mechanism)
    : module_(module), context_(module.getContext()), mechanism_(mechanism),
      types_(AbiTypes::get(context_)), builder_(context_), entry_(context_) {}

unsigned KernelEmitter::ion_scope(int j, unsigned ion_member) const {
    return FixedCount + static_cast<unsigned>(mechanism_.fields.size()) +
           static_cast<unsigned>(j) * ion_member_count + ion_member;
}

llvm::Function* KernelEmitter::emit(const ir::Kernel& kernel, KernelShape shape,
                                    const std::string& symbol) {
    kernel_ = &kernel;
    shape_ = shape;
    headers_.clear();
    field_bases_.clear();
    ion_members_.clear();
    ion_views_ = nullptr;
    node_base_ = nullptr;
    ion_bases_.clear();
    locals_.clear();
    access_group_ = nullptr;

    auto* void_type = llvm::Type::getVoidTy(context_);
    std::vector<llvm::Type*> params{types_.ptr};
    if (shape != KernelShape::Loop) {
        params.push_back(types_.index);
        params.push_back(types_.ptr);
    }
    if (shape == KernelShape::NetReceive) {
        params.push_back(types_.value);
    }
    function_ = llvm::Function::Create(llvm::FunctionType::get(void_type, params, false),
                                       llvm::GlobalValue::InternalLinkage, symbol, module_);
    function_->setDoesNotThrow();
    function_->addFnAttr(llvm::Attribute::NoUnwind);
    data_ = function_->getArg(0);
    data_->setName("data");
    function_->addParamAttr(0, llvm::Attribute::NoAlias);
    function_->addParamAttr(0, llvm::Attribute::NoUndef);

    // One alias scope per array the kernel can reach; the ABI gives each its own allocation.
    llvm::MDBuilder md(context_);
    auto* domain = md.createAnonymousAliasScopeDomain(symbol);
    const unsigned n_scopes = ion_scope(static_cast<int>(mechanism_.ions.size()), 0);
    scopes_.assign(n_scopes, nullptr);
    scope_lists_.assign(n_scopes, nullptr);
    noalias_lists_.assign(n_scopes, nullptr);
    for (unsigned s = 0; s < n_scopes; ++s) {
        scopes_[s] = md.createAnonymousAliasScope(domain);
        scope_lists_[s] = llvm::MDNode::get(context_, {scopes_[s]});
    }
    for (unsigned s = 0; s < n_scopes; ++s) {
        std::vector<llvm::Metadata*> others;
        for (unsigned o = 0; o < n_scopes; ++o) {
            if (o != s) {
                others.push_back(scopes_[o]);
            }
        }
        noalias_lists_[s] = llvm::MDNode::get(context_, others);
    }

    auto* entry = llvm::BasicBlock::Create(context_, "entry", function_);
    entry_.SetInsertPoint(entry);
    for (std::size_t k = 0; k < kernel.locals.size(); ++k) {
        locals_.push_back(entry_.CreateAlloca(types_.value, nullptr, kernel.locals[k]));
    }
    auto* body = llvm::BasicBlock::Create(context_, "body", function_);
    builder_.SetInsertPoint(body);

    auto zero_locals = [&] {
        // Locals belong to one instance: start every instance from 0 (and let SROA drop them).
        for (auto* slot : locals_) {
            builder_.CreateStore(llvm::ConstantFP::get(types_.value, 0.0), slot);
        }
    };

    if (shape != KernelShape::Loop) {
        instance_ = function_->getArg(1);
        instance_->setName("instance");
        weight_ = function_->getArg(2);
        weight_->setName("weight");
        flag_ = shape == KernelShape::NetReceive
                    ? static_cast<llvm::Value*>(function_->getArg(3))
                    : static_cast<llvm::Value*>(llvm::ConstantFP::get(types_.value, 0.0));
        if (shape == KernelShape::NetReceive) {
            flag_->setName("flag");
        }
        zero_locals();
        block(kernel.body);
        builder_.CreateRetVoid();
        entry_.CreateBr(body);
        return function_;
    }

    // for (i = 0; i < width; ++i) body — with the loop parallel when iterations are independent.
    weight_ = nullptr;
    flag_ = nullptr;
    const auto traits = traits_of(kernel);
    if (traits.reads_weight) {
        fail("NET_RECEIVE arguments used outside NET_RECEIVE (in " + kernel.name + ")", true);
    }
    if (loop_is_parallel(traits, mechanism_.kind)) {
        access_group_ = llvm::MDNode::getDistinct(context_, {});
    }
    if (&kernel == &mechanism_.init) {
        // Runs once per simulation: compile it small and fast (no vector copies of the loop),
        // leaving the compile time to the kernels that run every step.
        function_->addFnAttr(llvm::Attribute::OptimizeForSize);
        function_->addFnAttr(llvm::Attribute::MinSize);
    }
    auto* width = header(member(InstanceDataField::width), types_.index);
    auto* exit = llvm::BasicBlock::Create(context_, "exit", function_);
    auto* entry_end = entry_.GetInsertBlock();

    // Work that is the same for every instance runs once, before the loop (kernel-level locals).
    const std::size_t prefix = invariant_prefix(kernel);
    std::vector<bool> per_instance(locals_.size(), true);
    builder_.SetInsertPoint(entry_end);
    for (std::size_t k = 0; k < prefix; ++k) {
        statement(*kernel.body[k]);
        per_instance.at(static_cast<std::size_t>(kernel.body[k]->as<ir::AssignLocal>()->local)) =
            false;
    }

    // Density instances almost always sit one per node in node order: when every index array
    // the kernel goes through is an unbroken run (index[i] == index[0] + i), a second copy of
    // the loop reads and writes v, rhs, d and the ion arrays contiguously instead of gathering
    // and scattering. Point processes share nodes and keep the one, in-order loop. Only the
    // current kernel gets the copy: it scatters into rhs, d and the ion currents every step,
    // while the state kernel only gathers v once per instance beside its costly maths, and a
    // copy of it would double the compile time for a few per cent.
    const bool versioned = mechanism_.kind == ir::Kind::Density &&
                           &kernel == &mechanism_.compute_currents &&
                           (traits.indexes_nodes || !traits.indexed_ions.empty());
    auto* zero = llvm::ConstantInt::get(types_.index, 0);
    // A loop the vectoriser may take runs in two parts: the vector loop over the largest
    // multiple of vector_block instances (a trip count LLVM then knows to be a multiple of the
    // vector width, so it adds no scalar remainder of its own), and one scalar loop for the
    // last few. The contiguous and gathering copies share that scalar loop (it gathers), and
    // the contiguity scan covers only the vector part. init stays one loop: it is compiled
    // for size, without a scalar remainder.
    const bool split = access_group_ != nullptr && &kernel != &mechanism_.init;
    auto* start = versioned ? llvm::BasicBlock::Create(context_, "contiguity", function_) : body;
    llvm::Value* vector_count = width;
    llvm::BasicBlock* after_vector = exit;
    llvm::BasicBlock* pick = entry_end;
    // init runs once per simulation: a scalar loop, compiled for size, and no vectoriser time.
    const LoopPart part = split                          ? LoopPart::Vector
                          : &kernel == &mechanism_.init ? LoopPart::Rest
                                                        : LoopPart::Whole;
    if (split) {
        vector_count = entry_.CreateAnd(
            width, llvm::ConstantInt::get(types_.index, -int64_t{vector_block}), "vector.count");
        pick = llvm::BasicBlock::Create(context_, "pick", function_);
        after_vector = llvm::BasicBlock::Create(context_, "vector.done", function_);
    }
    if (!versioned) {
        instance_loop(kernel, prefix, per_instance, zero, vector_count, body, pick, after_vector,
                      part);
    } else {
        auto* contiguous = llvm::BasicBlock::Create(context_, "body.contiguous", function_);
        auto* decided = check_contiguity(traits, vector_count, start, contiguous, body);
        auto* node_base = std::exchange(node_base_, nullptr);
        auto ion_bases = std::exchange(ion_bases_, {});
        instance_loop(kernel, prefix, per_instance, zero, vector_count, body, decided,
                      after_vector, part);
        node_base_ = node_base;
        ion_bases_ = std::move(ion_bases);
        instance_loop(kernel, prefix, per_instance, zero, vector_count, contiguous, decided,
                      after_vector, part);
        node_base_ = nullptr;
        ion_bases_.clear();
    }
    if (split) {
        auto* rest = llvm::BasicBlock::Create(context_, "rest", function_);
        auto* rest_body = llvm::BasicBlock::Create(context_, "body.rest", function_);
        // `vector.count > block - 1` rather than `> 0`: the same operand and constant as the
        // vectoriser's minimum-iterations check, which InstCombine then folds away.
        builder_.SetInsertPoint(pick);
        builder_.CreateCondBr(
            builder_.CreateICmpSGT(vector_count,
                                   llvm::ConstantInt::get(types_.index, vector_block - 1)),
            start, rest);
        builder_.SetInsertPoint(after_vector);
        builder_.CreateCondBr(builder_.CreateICmpSLT(vector_count, width), rest, exit);
        builder_.SetInsertPoint(rest);
        builder_.CreateBr(rest_body);
        instance_loop(kernel, prefix, per_instance, vector_count, width, rest_body, rest, exit,
                      LoopPart::Rest);
        start = pick;
    }
    // Last: header() and ion_member() append their loads to the entry block until here.
    entry_.CreateCondBr(entry_.CreateICmpSGT(width, zero), start, exit);
    builder_.SetInsertPoint(exit);
    builder_.CreateRetVoid();
    return function_;
}

void KernelEmitter::block(const ir::Block& body) {
    for (const auto& s : body) {
        statement(*s);
    }
}

void KernelEmitter::statement(const ir::Stmt& s) {
    try {
        statement_unlocated(s);
    } catch (EmitError& e) {
        if (!e.where) {
            ir::Location loc;
            if (const auto* store = s.as<ir::Store>()) {
                loc = store->loc;
            } else if (const auto* current = s.as<ir::AccumulateCurrent>()) {
                loc = current->loc;
            }
            if (loc.valid()) {
                e.where = loc;
            }
        }
        throw;
    }
}

void KernelEmitter::statement_unlocated(const ir::Stmt& s) {
    if (const auto* assign = s.as<ir::AssignLocal>()) {
        auto* v = value(assign->value);
        builder_.CreateStore(v, local_slot(assign->local));
    } else if (const auto* store = s.as<ir::Store>()) {
        store_var(store->target, value(store->value), store->accumulate);
    } else if (const auto* branch = s.as<ir::If>()) {
        auto* cond = condition(branch->cond);
        auto* then_block = llvm::BasicBlock::Create(context_, "then", function_);
        auto* else_block = llvm::BasicBlock::Create(context_, "else", function_);
        auto* join = llvm::BasicBlock::Create(context_, "endif", function_);
        builder_.CreateCondBr(cond, then_block, else_block);
        builder_.SetInsertPoint(then_block);
        block(branch->then_body);
        builder_.CreateBr(join);
        builder_.SetInsertPoint(else_block);
        block(branch->else_body);
        builder_.CreateBr(join);
        builder_.SetInsertPoint(join);
    } else if (const auto* loop = s.as<ir::While>()) {
        auto* test = llvm::BasicBlock::Create(context_, "while.test", function_);
        auto* body = llvm::BasicBlock::Create(context_, "while.body", function_);
        auto* done = llvm::BasicBlock::Create(context_, "while.done", function_);
        builder_.CreateBr(test);
        builder_.SetInsertPoint(test);
        builder_.CreateCondBr(condition(loop->cond), body, done);
        builder_.SetInsertPoint(body);
        block(loop->body);
        builder_.CreateBr(test);
        builder_.SetInsertPoint(done);
    } else if (const auto* current = s.as<ir::AccumulateCurrent>()) {
        accumulate_current(*current);
    } else if (const auto* send = s.as<ir::NetSend>()) {
        call_runtime(InstanceDataField::net_send, value(send->delay), value(send->flag));
    } else if (const auto* event = s.as<ir::NetEvent>()) {
        call_runtime(InstanceDataField::net_event, value(event->time), nullptr);
    } else if (const auto* move = s.as<ir::NetMove>()) {
        call_runtime(InstanceDataField::net_move, value(move->time), nullptr);
    } else if (const auto* derivative = s.as<ir::Derivative>()) {
        fail("a derivative of '" + mechanism_.fields.at(derivative->state).name +
                 "' reached code generation outside a solved SOLVE block",
             true);
    } else if (s.is<ir::Conserve>()) {
        fail("a CONSERVE statement reached code generation unsolved", true);
    } else if (const auto* solve = s.as<ir::Solve>()) {
        throw EmitError{"SOLVE " + solve->block + " METHOD " +
                            std::string(ir::solve_method_name(solve->method)) +
                            " was not turned into updates before code generation",
                        solve->loc, true};
    }
}

void KernelEmitter::accumulate_current(const ir::AccumulateCurrent& s) {
    if (!s.conductance) {
        fail("a current reached code generation without its conductance dI/dv "
             "(passes::differentiate did not run)",
             true);
    }
    if (mechanism_.kind == ir::Kind::Artificial) {
        fail("artificial cell '" + mechanism_.name + "' has no membrane to carry a current");
    }
    auto* current = value(s.current);
    auto* conductance = value(s.conductance);
    // Density mechanisms have scale 1 by the ABI; point processes convert nA to mA/cm2.
    if (mechanism_.kind == ir::Kind::Point) {
        auto* scale = load_tagged(
            builder_.CreateInBoundsGEP(
                types_.value, header(member(InstanceDataField::scale), types_.ptr), instance_),
            Scale, types_.value);
        current = builder_.CreateFMul(scale, current);
        conductance = builder_.CreateFMul(scale, conductance);
    }
    auto add_to = [&](llvm::Value* address, unsigned scope, llvm::Value* amount, bool subtract) {
        auto* old = load_tagged(address, scope, types_.value);
        store_tagged(subtract ? builder_.CreateFSub(old, amount) : builder_.CreateFAdd(old, amount),
                     address, scope);
    };
    if (s.ion < 0) {
        auto* n = node();
        auto* rhs = builder_.CreateInBoundsGEP(
            types_.value, header(member(InstanceDataField::vec_rhs), types_.ptr), n);
        auto* d = builder_.CreateInBoundsGEP(
            types_.value, header(member(InstanceDataField::vec_d), types_.ptr), n);
        add_to(rhs, VecRhs, current, !s.electrode);
        add_to(d, VecD, conductance, s.electrode);
        return;
    }
    if (s.ion >= static_cast<int>(mechanism_.ions.size())) {
        fail("current for ion " + std::to_string(s.ion) + " of " +
                 std::to_string(mechanism_.ions.size()),
             true);
    }
    auto* slot = ion_slot(s.ion);
    const auto cur = static_cast<unsigned>(IonViewField::current);
    const auto cond = static_cast<unsigned>(IonViewField::conductance);
    add_to(builder_.CreateInBoundsGEP(types_.value, ion_member(s.ion, cur), slot),
           ion_scope(s.ion, cur), current, false);
    add_to(builder_.CreateInBoundsGEP(types_.value, ion_member(s.ion, cond), slot),
           ion_scope(s.ion, cond), conductance, false);
}

void KernelEmitter::call_runtime(InstanceDataField which, llvm::Value* first, llvm::Value* second) {
    auto* runtime = header(member(InstanceDataField::runtime), types_.ptr);
    auto* callee = header(member(which), types_.ptr);
    std::vector<llvm::Type*> params{types_.ptr, types_.index, types_.value};
    std::vector<llvm::Value*> args{runtime, instance_, first};
    if (second) {
        params.push_back(types_.value);
        args.push_back(second);
    }
    auto* type = llvm::FunctionType::get(llvm::Type::getVoidTy(context_), params, false);
    if (which != InstanceDataField::net_move) {
        builder_.CreateCall(type, callee, args);
        return;
    }
    // net_move came after the first ABI: a runtime that leaves it null is not called.
    auto* call = llvm::BasicBlock::Create(context_, "net_move.call", function_);
    auto* done = llvm::BasicBlock::Create(context_, "net_move.done", function_);
    builder_.CreateCondBr(builder_.CreateIsNotNull(callee), call, done);
    builder_.SetInsertPoint(call);
    builder_.CreateCall(type, callee, args);
    builder_.CreateBr(done);
    builder_.SetInsertPoint(done);
}

// ---- memory ----

llvm::Value* KernelEmitter::header(unsigned index, llvm::Type* type) {
    auto found = headers_.find(index);
    if (found != headers_.end()) {
        return found->second;
    }
    auto* address = entry_.CreateStructGEP(types_.instance_data, data_, index);
    auto* loaded = entry_.CreateLoad(type, address);
    headers_.emplace(index, loaded);
    return loaded;
}

llvm::Value* KernelEmitter::field_base(int k) {
    auto found = field_bases_.find(k);
    if (found != field_bases_.end()) {
        return found->second;
    }
    auto* table = header(member(InstanceDataField::field), types_.ptr);
    auto* address = entry_.CreateConstInBoundsGEP1_32(types_.ptr, table, static_cast<unsigned>(k));
    auto* base = entry_.CreateLoad(types_.ptr, address, mechanism_.fields[k].name);
    field_bases_.emplace(k, base);
    return base;
}

llvm::Value* KernelEmitter::ion_member(int j, unsigned ion_member) {
    auto key = std::make_pair(j, ion_member);
    auto found = ion_members_.find(key);
    if (found != ion_members_.end()) {
        return found->second;
    }
    if (!ion_views_) {
        ion_views_ = header(member(InstanceDataField::ion), types_.ptr);
    }
    auto* view =
        entry_.CreateConstInBoundsGEP1_32(types_.ion_view, ion_views_, static_cast<unsigned>(j));
    auto* address = entry_.CreateStructGEP(types_.ion_view, view, ion_member);
    auto* loaded = entry_.CreateLoad(types_.ptr, address, mechanism_.ions[j].name + ".view");
    ion_members_.emplace(key, loaded);
    return loaded;
}

llvm::Value* KernelEmitter::node() {
    if (node_base_) {
        return contiguous_index(node_base_, "node");
    }
    auto* index = header(member(InstanceDataField::node_index), types_.ptr);
    return load_tagged(builder_.CreateInBoundsGEP(types_.index, index, instance_), NodeIndex,
                       types_.index);
}

// index[0] + i in the contiguous copy, in 64 bits: the sum cannot wrap there, so the vectoriser
// needs no run-time overflow check (and no scalar loop to fall back to) before its vector loads.
llvm::Value* KernelEmitter::contiguous_index(llvm::Value* base, const char* name) {
    auto* i64 = llvm::Type::getInt64Ty(context_);
    return builder_.CreateAdd(builder_.CreateSExt(base, i64), builder_.CreateSExt(instance_, i64),
                              name, false, true);
}

llvm::Value* KernelEmitter::ion_slot(int j) {
    if (auto found = ion_bases_.find(j); found != ion_bases_.end()) {
        return contiguous_index(found->second, "slot");
    }
    const auto idx = static_cast<unsigned>(IonViewField::index);
    return load_tagged(builder_.CreateInBoundsGEP(types_.index, ion_member(j, idx), instance_),
                       ion_scope(j, idx), types_.index);
}

llvm::Value* KernelEmitter::local_slot(int k) {
    if (k < 0 || k >= static_cast<int>(locals_.size())) {
        fail("local " + std::to_string(k) + " of " + std::to_string(locals_.size()) + " in " +
                 kernel_->name,
             true);
    }
    return locals_[k];
}

llvm::Instruction* KernelEmitter::tag(llvm::Instruction* access, unsigned scope) {
    access->setMetadata(llvm::LLVMContext::MD_alias_scope, scope_lists_[scope]);
    access->setMetadata(llvm::LLVMContext::MD_noalias, noalias_lists_[scope]);
    if (access_group_) {
        access->setMetadata(llvm::LLVMContext::MD_access_group, access_group_);
    }
    return access;
}

llvm::Value* KernelEmitter::load_tagged(llvm::Value* address, unsigned scope, llvm::Type* type) {
    return tag(builder_.CreateLoad(type, address), scope);
}

void KernelEmitter::store_tagged(llvm::Value* value, llvm::Value* address, unsigned scope) {
    tag(builder_.CreateStore(value, address), scope);
}

void KernelEmitter::check_index(const ir::Var& var) const {
    auto bad = [&](const char* what, std::size_t size) {
        if (var.index < 0 || static_cast<std::size_t>(var.index) >= size) {
            fail(std::string(what) + " " + std::to_string(var.index) + " out of range (" +
                     std::to_string(size) + ") in " + kernel_->name,
                 true);
        }
    };
    switch (var.kind) {
    case ir::VarKind::Field:
        bad("field", mechanism_.fields.size());
        break;
    case ir::VarKind::Global:
        bad("global", mechanism_.globals.size());
        break;
    case ir::VarKind::Ion:
        bad("ion", mechanism_.ions.size());
        break;
    case ir::VarKind::WeightArg:
        bad("NET_RECEIVE argument", mechanism_.net_receive_args.size());
        break;
    default:
        break;
    }
}

llvm::Value* KernelEmitter::element(const ir::Var& var, unsigned& scope) {
    check_index(var);
    switch (var.kind) {
    case ir::VarKind::Field:
        scope = field_scope(var.index);
        return builder_.CreateInBoundsGEP(types_.value, field_base(var.index), instance_);
    case ir::VarKind::Global:
        scope = GlobalScope;
        return builder_.CreateConstInBoundsGEP1_32(
            types_.value, header(member(InstanceDataField::global), types_.ptr),
            static_cast<unsigned>(var.index));
    case ir::VarKind::Ion: {
        const unsigned m = ion_view_member(var.ion_quantity);
        scope = ion_scope(var.index, m);
        return builder_.CreateInBoundsGEP(types_.value, ion_member(var.index, m),
                                          ion_slot(var.index));
    }
    case ir::VarKind::Voltage:
        scope = VecV;
        return builder_.CreateInBoundsGEP(
            types_.value, header(member(InstanceDataField::vec_v), types_.ptr), node());
    case ir::VarKind::WeightArg:
        if (!weight_) {
            fail("NET_RECEIVE argument used outside NET_RECEIVE", true);
        }
        scope = Weight;
        return builder_.CreateConstInBoundsGEP1_32(types_.value, weight_,
                                                   static_cast<unsigned>(var.index));
    default:
        return nullptr;
    }
}

llvm::Value* KernelEmitter::load_var(const ir::Var& var) {
    switch (var.kind) {
    case ir::VarKind::Time:
        return header(member(InstanceDataField::t), types_.value);
    case ir::VarKind::Dt:
        return header(member(InstanceDataField::dt), types_.value);
    case ir::VarKind::Celsius:
        return header(member(InstanceDataField::celsius), types_.value);
    case ir::VarKind::Local:
        return builder_.CreateLoad(types_.value, local_slot(var.index));
    case ir::VarKind::Flag:
        if (!flag_) {
            fail("the NET_RECEIVE flag used outside NET_RECEIVE", true);
        }
        return flag_;
    case ir::VarKind::Area:
    case ir::VarKind::Diam: {
        const bool area = var.kind == ir::VarKind::Area;
        if (mechanism_.kind == ir::Kind::Artificial) {
            fail(std::string("'") + (area ? "area" : "diam") +
                 "' read by an artificial cell (mechanism '" + mechanism_.name +
                 "' sits on no segment)");
        }
        if (area && mechanism_.kind == ir::Kind::Point) {
            auto* scale = load_tagged(
                builder_.CreateInBoundsGEP(
                    types_.value, header(member(InstanceDataField::scale), types_.ptr), instance_),
                Scale, types_.value);
            return builder_.CreateFDiv(llvm::ConstantFP::get(types_.value, 100.0), scale, "area");
        }
        // node_area / node_diam are read-only, like scale, so they share its alias scope: a
        // scope only has to keep them apart from the arrays the kernel stores to.
        const auto geometry = area ? InstanceDataField::node_area : InstanceDataField::node_diam;
        return load_tagged(
            builder_.CreateInBoundsGEP(types_.value, header(member(geometry), types_.ptr), node()),
            Scale, types_.value);
    }
    default:
        break;
    }
    unsigned scope = 0;
    auto* address = element(var, scope);
    return load_tagged(address, scope, types_.value);
}

void KernelEmitter::store_var(const ir::Var& var, llvm::Value* value, bool accumulate) {
    if (var.kind == ir::VarKind::Local) {
        auto* slot = local_slot(var.index);
        if (accumulate) {
            value = builder_.CreateFAdd(builder_.CreateLoad(types_.value, slot), value);
        }
        builder_.CreateStore(value, slot);
        return;
    }
    const bool writable =
        var.kind == ir::VarKind::Field || var.kind == ir::VarKind::Global ||
        var.kind == ir::VarKind::WeightArg ||
        (var.kind == ir::VarKind::Ion && (var.ion_quantity == ir::IonQuantity::Reversal ||
                                          var.ion_quantity == ir::IonQuantity::Internal ||
                                          var.ion_quantity == ir::IonQuantity::External));
    if (!writable) {
        fail(
            "a store to a read-only quantity (v, t, dt, celsius, area, the flag or an ion current) "
            "in " +
                kernel_->name,
            true);
    }
    unsigned scope = 0;
    auto* address = element(var, scope);
    if (accumulate) {
        value = builder_.CreateFAdd(load_tagged(address, scope, types_.value), value);
    }
    store_tagged(value, address, scope);
}

} // namespace mech::codegen
