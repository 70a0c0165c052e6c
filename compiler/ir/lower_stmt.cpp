// Lowering, part 3: statements of INITIAL, BREAKPOINT, DERIVATIVE, KINETIC, NET_RECEIVE and of
// inlined FUNCTION/PROCEDURE bodies.
#include "ir/lower_context.hpp"

#include <fmt/format.h>

namespace mech::ir::detail {

void Lowerer::block(const ast::StmtBlock& b) {
    for (const auto& s : b.stmts)
        stmt(*s);
}

namespace {

Block sub_block(Lowerer& l, const ast::StmtBlock& b) {
    Block body;
    Block* saved = l.out;
    l.out = &body;
    l.block(b);
    l.out = saved;
    return body;
}

} // namespace

void Lowerer::stmt(const ast::Stmt& s) {
    if (auto* loc = s.as<ast::LocalStmt>()) {
        for (const auto& v : loc->vars) {
            if (v.array_size || v.array_size_name) {
                local_array(v);
                continue;
            }
            scopes.back()[symbol_of(v.name)] = Var::local(fresh_local(v.name.name));
        }
        return;
    }
    if (auto* a = s.as<ast::AssignStmt>()) {
        auto* name = a->lhs->as<ast::NameExpr>();
        if (!name) {
            diags.error(a->lhs->range, "only a variable can be assigned");
            return;
        }
        SymbolId id = symbol_of(*a->lhs);
        if (loop_values.count(id)) {
            diags.error(a->lhs->range, fmt::format("'{}' is the variable of a FROM loop; it "
                                                   "cannot be assigned inside the loop",
                                                   name->name));
            return;
        }
        if (name->primes > 0) {
            if (where != Where::Derivative || name->primes != 1) {
                diags.error(s.range, "derivative equations (x' = ...) belong in a DERIVATIVE "
                                     "block, one prime each");
                return;
            }
            int k = state_field(*a->lhs, a->lhs->range);
            if (k >= 0)
                emit(Derivative::make(k, expr(*a->rhs)));
            return;
        }
        auto value = expr(*a->rhs);
        bool indexed = name->index || array_length(id) > 0;
        auto target = indexed ? place(*a->lhs) : lookup(id);
        if (!target && indexed)
            return; // place() said why
        if (!target) {
            diags.internal_error(a->lhs->range, fmt::format("no storage for '{}'", name->name));
            return;
        }
        switch (target->kind) {
        case VarKind::Local: emit(AssignLocal::make(target->index, value)); return;
        case VarKind::Field:
        case VarKind::WeightArg: emit(Store::make(*target, value, false, s.range)); return;
        case VarKind::Ion:
            if (target->ion_quantity == IonQuantity::Current) {
                diags.error(a->lhs->range, fmt::format("the ion current '{}' can only be "
                                                       "assigned in BREAKPOINT",
                                                       name->name));
                return;
            }
            emit(Store::make(*target, value, false, s.range));
            return;
        default:
            diags.error(a->lhs->range, fmt::format("'{}' cannot be assigned here", name->name));
            return;
        }
    }
    if (auto* e = s.as<ast::ExprStmt>()) {
        auto* c = e->expr->as<ast::CallExpr>();
        if (!c) {
            expr(*e->expr); // a value nobody uses
            return;
        }
        const std::string& name = c->callee.name;
        auto args = [&](size_t want) {
            std::vector<ExprPtr> out_args;
            if (c->args.size() != want) {
                diags.error(e->expr->range, fmt::format("'{}' takes {} argument{}", name, want,
                                                        want == 1 ? "" : "s"));
                return out_args;
            }
            for (const auto& a : c->args)
                out_args.push_back(expr(*a));
            return out_args;
        };
        if (name == "net_send") {
            auto a = args(2);
            if (a.size() == 2)
                emit(NetSend::make(a[0], a[1]));
            return;
        }
        if (name == "net_event") {
            auto a = args(1);
            if (a.size() == 1)
                emit(NetEvent::make(a[0]));
            return;
        }
        if (name == "net_move") {
            if (where != Where::NetReceive) {
                diags.error(e->expr->range, "net_move belongs in NET_RECEIVE (it moves this "
                                            "instance's pending self-event)");
                return;
            }
            auto a = args(1);
            if (a.size() == 1)
                emit(NetMove::make(a[0]));
            return;
        }
        if (name == "printf")
            return; // diagnostics output of old models; kernels print nothing
        if (auto f = functions.find(name); f != functions.end()) {
            inline_call(*f->second, *c, *e->expr);
            return;
        }
        expr(*e->expr);
        return;
    }
    if (auto* i = s.as<ast::IfStmt>()) {
        auto cond = expr(*i->cond);
        Block then_body = sub_block(*this, i->then_body);
        Block else_body = i->else_body ? sub_block(*this, *i->else_body) : Block{};
        emit(If::make(cond, std::move(then_body), std::move(else_body)));
        return;
    }
    if (auto* w = s.as<ast::WhileStmt>()) {
        // The condition may need statements (an inlined FUNCTION): evaluate it into a local
        // before the loop and again at the end of each iteration.
        int c = fresh_local("while_cond");
        emit(AssignLocal::make(c, select(expr(*w->cond), num(1), num(0))));
        Block body = sub_block(*this, w->body);
        Block* saved = out;
        out = &body;
        emit(AssignLocal::make(c, select(expr(*w->cond), num(1), num(0))));
        out = saved;
        emit(While::make(compare(BinaryOp::Ne, local(c), num(0)), std::move(body)));
        return;
    }
    if (auto* f = s.as<ast::FromStmt>()) {
        if (unrolled_from(*f))
            return;
        int i = fresh_local(f->var.name);
        scopes.back()[symbol_of(f->var)] = Var::local(i);
        emit(AssignLocal::make(i, expr(*f->from)));
        int last = fresh_local(f->var.name + "_to");
        emit(AssignLocal::make(last, expr(*f->to)));
        ExprPtr step = f->by ? expr(*f->by) : num(1);
        Block body = sub_block(*this, f->body);
        body.push_back(AssignLocal::make(i, add(local(i), step)));
        emit(While::make(compare(BinaryOp::Le, local(i), local(last)), std::move(body)));
        return;
    }
    if (auto* solve = s.as<ast::SolveStmt>()) {
        // INITIAL { SOLVE scheme STEADYSTATE sparse } (mcna.mod), or a plain SOLVE there; also
        // inside a FUNCTION/PROCEDURE that INITIAL calls, which is inlined there.
        if (where != Where::Init) {
            if (inlining.empty())
                diags.error(s.range, "SOLVE belongs in BREAKPOINT or INITIAL");
            else
                diags.error(s.range,
                            fmt::format("SOLVE inside {} '{}' runs only when INITIAL calls it "
                                        "(mech inlines the call, and a SOLVE outside INITIAL "
                                        "belongs directly in BREAKPOINT)",
                                        inlining.back()->is_procedure ? "PROCEDURE" : "FUNCTION",
                                        inlining.back()->name.name));
            return;
        }
        if (auto lowered = solve_block(*solve, s.range))
            emit(std::move(lowered));
        return;
    }
    if (auto* r = s.as<ast::ReactionStmt>()) {
        reaction(*r, s);
        return;
    }
    if (auto* c = s.as<ast::ConserveStmt>()) {
        conserve(*c, s);
        return;
    }
    if (auto* c = s.as<ast::CompartmentStmt>()) {
        compartment(*c);
        return;
    }
    if (s.is<ast::LinearEqStmt>()) {
        unsupported(s.range, "LINEAR/NONLINEAR equations");
        return;
    }
    if (auto* w = s.as<ast::WatchStmt>()) {
        watch(*w, s);
        return;
    }
    if (auto* i = s.as<ast::InitialStmt>()) {
        if (where != Where::NetReceive) {
            diags.error(s.range, "an INITIAL block inside a block is only allowed in NET_RECEIVE");
            return;
        }
        // Only the weight arguments are shared: locals belong to the other kernel.
        auto frame = scopes;
        for (auto& f : frame)
            std::erase_if(f, [](const auto& kv) { return kv.second.kind == VarKind::Local; });
        in(m.net_receive_init, m.net_receive_init.body, Where::NetReceiveInit, [&] {
            scopes = frame;
            block(i->body);
        });
        return;
    }
    if (auto* b = s.as<ast::BlockStmt>()) {
        block(b->body);
        return;
    }
    // TABLE (we compute exactly), UNITSON/UNITSOFF: nothing to run.
}

} // namespace mech::ir::detail
