// Stage 2: walks INITIAL, BREAKPOINT, DERIVATIVE, KINETIC, FUNCTION, PROCEDURE and
// NET_RECEIVE bodies statement by statement, with LOCAL scopes.
#include "sema/body_checker.hpp"

namespace mech::sema {

void check_bodies(Context& cx) {
    BodyChecker checker(cx);
    checker.run();
}

void BodyChecker::enter_body(std::string where) {
    where_ = std::move(where);
    scopes_.clear();
    scopes_.emplace_back();
    initial_depth_ = 0;
    in_breakpoint_ = in_net_receive_ = in_kinetic_ = in_equations_ = has_compartments_ = false;
    function_ = nullptr;
}

void BodyChecker::declare_local(const ast::Ident& name, SymbolKind kind,
                                std::optional<units::Unit> unit) {
    auto& scope = scopes_.back();
    if (auto it = scope.find(name.name); it != scope.end()) {
        cx_.diags.error(name.range, "'" + name.name + "' is already declared in this block");
        cx_.diags.note(cx_.sym(it->second).decl, "the first declaration is here");
        return;
    }
    SymbolId outer = cx_.lookup(name.name);
    if (kind == SymbolKind::Local && outer != kNoSymbol &&
        cx_.sym(outer).visibility == Visibility::Range && cx_.sym(outer).kind != SymbolKind::Special) {
        cx_.diags.warning(name.range, "LOCAL '" + name.name + "' shadows the RANGE variable '" +
                                          name.name + "'");
        if (cx_.sym(outer).decl.valid())
            cx_.diags.note(cx_.sym(outer).decl, "the RANGE variable is declared here");
    }
    Symbol s;
    s.name = name.name;
    s.kind = kind;
    s.decl = name.range;
    s.scope = where_;
    s.units_known = unit.has_value();
    if (unit) {
        s.unit = *unit;
        s.unit_text = unit->str();
    }
    SymbolId id = cx_.add_symbol(std::move(s));
    scope[name.name] = id;
    cx_.out.ident_uses[&name] = id;
}

void BodyChecker::run() {
    for (const ast::Block& b : cx_.module.blocks) {
        if (auto* body = b.as<ast::BodyBlock>()) {
            switch (body->kind) {
            case ast::BodyKind::Initial: enter_body("INITIAL"); initial_depth_ = 1; break;
            case ast::BodyKind::Breakpoint: enter_body("BREAKPOINT"); in_breakpoint_ = true; break;
            case ast::BodyKind::Constructor: enter_body("CONSTRUCTOR"); break;
            case ast::BodyKind::Destructor: enter_body("DESTRUCTOR"); break;
            case ast::BodyKind::Before: enter_body("BEFORE"); break;
            case ast::BodyKind::After: enter_body("AFTER"); break;
            }
            block(body->body);
        } else if (auto* eq = b.as<ast::EquationBlock>()) {
            enter_body(eq->name.name);
            in_equations_ = true;
            equations_ = eq->kind;
            in_kinetic_ = eq->kind == ast::EquationKind::Kinetic;
            if (in_kinetic_) {
                for (const char* flux : {"f_flux", "b_flux"}) {
                    Symbol s;
                    s.name = flux;
                    s.kind = SymbolKind::Local;
                    s.scope = where_;
                    s.units_known = false;
                    scopes_.back()[flux] = cx_.add_symbol(std::move(s));
                }
                for (const ast::StmtPtr& st : eq->body.stmts)
                    if (st && st->is<ast::CompartmentStmt>())
                        has_compartments_ = true;
            }
            block(eq->body);
        } else if (auto* f = b.as<ast::FunctionBlock>()) {
            enter_body(f->name.name);
            function_ = f;
            for (const ast::Param& p : f->params) {
                std::optional<units::Unit> u;
                if (p.unit) {
                    units::ParseResult r = units::parse_unit(p.unit->text, cx_.table);
                    if (r.ok())
                        u = r.unit; // bad texts were reported with the declaration
                } else if (cx_.strict()) {
                    u = units::Unit();
                }
                declare_local(p.name, SymbolKind::Argument, u);
            }
            block(f->body);
        } else if (auto* nr = b.as<ast::NetReceiveBlock>()) {
            enter_body("NET_RECEIVE");
            in_net_receive_ = true;
            if (!cx_.facts.has_net_receive) {
                cx_.facts.has_net_receive = true;
                cx_.facts.net_receive_range = b.range;
            }
            {
                // NET_RECEIVE's implicit event flag (set by net_send).
                Symbol flag;
                flag.name = "flag";
                flag.kind = SymbolKind::Argument;
                flag.scope = where_;
                scopes_.back()["flag"] = cx_.add_symbol(std::move(flag));
            }
            for (const ast::Param& p : nr->params) {
                std::optional<units::Unit> u;
                if (p.unit) {
                    units::ParseResult r = units::parse_unit(p.unit->text, cx_.table);
                    if (r.ok())
                        u = r.unit;
                    else
                        cx_.parse_units(*p.unit); // reports it
                } else if (cx_.strict()) {
                    u = units::Unit();
                }
                declare_local(p.name, SymbolKind::Argument, u);
            }
            block(nr->body);
        }
    }
    enter_body("CHANNEL");
    check_channels();
    enter_body("POOL");
    check_pools();
}

void BodyChecker::block(const ast::StmtBlock& b) {
    scopes_.emplace_back();
    for (const ast::StmtPtr& s : b.stmts)
        if (s)
            stmt(*s);
    scopes_.pop_back();
}

void BodyChecker::stmt(const ast::Stmt& s) {
    if (auto* local = s.as<ast::LocalStmt>()) {
        for (const ast::LocalVar& v : local->vars) {
            declare_local(v.name, SymbolKind::Local, std::nullopt);
            if (auto it = cx_.out.ident_uses.find(&v.name); it != cx_.out.ident_uses.end())
                cx_.sym(it->second).array_size = array_size(v.array_size, v.array_size_name, cx_);
        }
    } else if (auto* a = s.as<ast::AssignStmt>()) {
        assign(*a, s);
    } else if (auto* e = s.as<ast::ExprStmt>()) {
        if (!e->expr)
            return;
        if (auto* c = e->expr->as<ast::CallExpr>())
            call(*e->expr, *c, /*as_statement=*/true);
        else
            expr(*e->expr);
    } else if (auto* i = s.as<ast::IfStmt>()) {
        if (i->cond)
            expr(*i->cond);
        block(i->then_body);
        if (i->else_body)
            block(*i->else_body);
    } else if (auto* w = s.as<ast::WhileStmt>()) {
        if (w->cond)
            expr(*w->cond);
        block(w->body);
    } else if (auto* f = s.as<ast::FromStmt>()) {
        SymbolId id = resolve(f->var.name, f->var.range, /*report=*/false);
        if (id == kNoSymbol)
            declare_local(f->var, SymbolKind::Local, units::Unit());
        else
            cx_.out.ident_uses[&f->var] = id;
        for (const ast::ExprPtr* p : {&f->from, &f->to, &f->by})
            if (*p)
                expr(**p);
        block(f->body);
    } else if (auto* sv = s.as<ast::SolveStmt>()) {
        solve(*sv, s);
    } else if (auto* r = s.as<ast::ReactionStmt>()) {
        reaction(*r, s);
    } else if (auto* l = s.as<ast::LinearEqStmt>()) {
        Inferred lhs = l->lhs ? expr(*l->lhs) : Inferred::unknown();
        Inferred rhs = l->rhs ? expr(*l->rhs) : Inferred::unknown();
        if (lhs.known)
            require(rhs, lhs.unit, s.range, "equating", "with");
    } else if (auto* c = s.as<ast::ConserveStmt>()) {
        Inferred lhs = c->lhs ? expr(*c->lhs) : Inferred::unknown();
        Inferred rhs = c->rhs ? expr(*c->rhs) : Inferred::unknown();
        if (lhs.known)
            require(rhs, lhs.unit, s.range, "conserving", "as");
    } else if (auto* comp = s.as<ast::CompartmentStmt>()) {
        if (comp->index) {
            // COMPARTMENT i, vol[i] { ca }: the index runs over the species array.
            SymbolId id = resolve(comp->index->name, comp->index->range, false);
            if (id == kNoSymbol)
                declare_local(*comp->index, SymbolKind::Local, units::Unit());
            else
                cx_.out.ident_uses[&*comp->index] = id;
            ++cx_.sym(cx_.out.ident_uses[&*comp->index]).reads;
        }
        if (comp->volume)
            expr(*comp->volume);
        for (const ast::Ident& sp : comp->species) {
            SymbolId id = resolve(sp.name, sp.range, true);
            if (id != kNoSymbol)
                cx_.out.ident_uses[&sp] = id;
        }
    } else if (auto* t = s.as<ast::TableStmt>()) {
        for (const auto* list : {&t->names, &t->depend})
            for (const ast::Ident& n : *list) {
                SymbolId id = resolve(n.name, n.range, true);
                if (id != kNoSymbol)
                    cx_.out.ident_uses[&n] = id;
            }
        for (const ast::ExprPtr* p : {&t->from, &t->to, &t->with})
            if (*p)
                expr(**p);
    } else if (auto* w = s.as<ast::WatchStmt>()) {
        for (const ast::WatchItem& item : w->items) {
            if (item.cond)
                expr(*item.cond);
            if (item.flag)
                expr(*item.flag);
        }
    } else if (auto* init = s.as<ast::InitialStmt>()) {
        ++initial_depth_;
        block(init->body);
        --initial_depth_;
    } else if (auto* nested = s.as<ast::BlockStmt>()) {
        block(nested->body);
    }
}

void BodyChecker::assign(const ast::AssignStmt& a, const ast::Stmt& s) {
    if (!a.lhs || !a.rhs)
        return;
    const ast::NameExpr* target = a.lhs->as<ast::NameExpr>();
    Inferred rhs = expr(*a.rhs);
    if (!target) {
        cx_.diags.error(a.lhs->range, "only a variable can be assigned to");
        return;
    }
    if (target->index)
        expr(*target->index);
    SymbolId id = resolve(target->name, a.lhs->range, true);
    if (id == kNoSymbol)
        return;
    Symbol& sym = cx_.sym(id);
    if (is_event_flag(sym)) {
        cx_.diags.error(a.lhs->range, "cannot assign to 'flag': it is the flag of the event "
                                      "being received (set by net_send)");
        return;
    }
    cx_.out.name_uses[a.lhs.get()] = id;
    // PROTECT needs no code of its own: NEURON guards a write to a shared GLOBAL, and mech gives
    // every GLOBAL a kernel writes one value per instance, so no two threads share it.
    if (target->primes > 0) {
        if (a.protect)
            cx_.diags.error(a.lhs->range, "PROTECT guards an assignment, not a derivative equation");
        if (sym.kind != SymbolKind::State && sym.kind != SymbolKind::Gate &&
            sym.kind != SymbolKind::Pool) {
            cx_.diags.error(a.lhs->range, "'" + sym.name + "' is a " + kind_name(sym.kind) +
                                              ", not a STATE: only states have derivatives");
            return;
        }
        cx_.facts.with_dynamics.insert(id);
        ++sym.writes;
        if (sym.units_known) {
            units::Unit want = sym.unit / cx_.time_unit();
            require(rhs, want, a.rhs->range, "assigning", "to the derivative of '" + sym.name + "' in");
        }
        return;
    }
    bool own_result = function_ && sym.kind == SymbolKind::Function && function_->name.name == sym.name;
    if (own_result) {
        require(rhs, sym.result_unit, a.rhs->range, "assigning", "to the result of '" + sym.name + "' in");
        return;
    }
    switch (sym.kind) {
    case SymbolKind::Constant:
        cx_.diags.error(a.lhs->range, "cannot assign to the constant '" + sym.name + "'");
        if (sym.decl.valid())
            cx_.diags.note(sym.decl, "declared here");
        return;
    case SymbolKind::Special:
        if (sym.name == "v")
            cx_.diags.error(a.lhs->range, "cannot assign to 'v': the membrane potential is computed "
                                          "by the simulator; write a current instead");
        else
            cx_.diags.error(a.lhs->range, "cannot assign to the special variable '" + sym.name + "'");
        return;
    case SymbolKind::Function:
    case SymbolKind::Procedure:
    case SymbolKind::EquationBlock:
        cx_.diags.error(a.lhs->range, "cannot assign to the " + std::string(kind_name(sym.kind)) +
                                          " '" + sym.name + "'");
        return;
    case SymbolKind::Parameter:
        if (initial_depth_ == 0)
            cx_.facts.parameter_writes.push_back({id, a.lhs->range, where_});
        break;
    default: break;
    }
    if (sym.ion && sym.ion->read && !sym.ion->written && sym.kind != SymbolKind::Pool) {
        cx_.diags.error(a.lhs->range, "'" + sym.name + "' is read from ion '" + sym.ion->ion +
                                          "' but not written: add it to WRITE in 'USEION " +
                                          sym.ion->ion + "' to assign it");
        return;
    }
    ++sym.writes;
    cx_.facts.writes[where_].insert(id);
    if (!sym.units_known) {
        if ((sym.kind == SymbolKind::Local || sym.mechanism_local) && rhs.known && !rhs.zero) {
            sym.unit = rhs.unit;
            sym.unit_text = rhs.unit.str();
            sym.units_known = true;
        }
        return;
    }
    require(rhs, sym.unit, a.rhs->range, "assigning", "to");
    (void)s;
}

void BodyChecker::solve(const ast::SolveStmt& sv, const ast::Stmt& st) {
    SymbolId id = cx_.lookup(sv.block.name);
    Solve out;
    out.block = sv.block.name;
    out.steady_state = sv.kind == ast::SolveKind::SteadyState;
    out.range = st.range;
    if (sv.method)
        out.method = sv.method->name;
    // STEADYSTATE solves may also run from INITIAL or a FUNCTION/PROCEDURE (NEURON allows it).
    if (!in_breakpoint_ && !(out.steady_state && !in_equations_) && where_ != "INITIAL") {
        cx_.diags.error(st.range, "SOLVE belongs in BREAKPOINT (or in INITIAL with STEADYSTATE)");
    }
    if (id == kNoSymbol || (cx_.sym(id).kind != SymbolKind::EquationBlock &&
                            cx_.sym(id).kind != SymbolKind::Procedure)) {
        std::vector<std::string> blocks;
        for (const Symbol& s : cx_.out.symbols)
            if (s.kind == SymbolKind::EquationBlock)
                blocks.push_back(s.name);
        std::string msg = "SOLVE names '" + sv.block.name +
                          "', which is not a DERIVATIVE, KINETIC, LINEAR or NONLINEAR block";
        std::string hint = closest(sv.block.name, blocks);
        if (!hint.empty())
            msg += "; did you mean '" + hint + "'?";
        cx_.diags.error(sv.block.range, msg);
        return;
    }
    out.symbol = id;
    cx_.out.ident_uses[&sv.block] = id;
    const Symbol& target = cx_.sym(id);
    if (sv.method) {
        const std::string& m = sv.method->name;
        std::vector<std::string> ok;
        std::string what = "a PROCEDURE";
        if (target.kind == SymbolKind::EquationBlock) {
            switch (target.equations) {
            case ast::EquationKind::Derivative:
                what = "a DERIVATIVE block";
                ok = out.steady_state ? std::vector<std::string>{"derivimplicit"}
                                      : std::vector<std::string>{"cnexp", "derivimplicit", "euler",
                                                                 "runge"};
                break;
            case ast::EquationKind::Kinetic:
                what = "a KINETIC block";
                ok = {"sparse"};
                break;
            case ast::EquationKind::Linear: what = "a LINEAR block"; break;
            case ast::EquationKind::Nonlinear:
                what = "a NONLINEAR block";
                ok = {"newton"};
                break;
            }
        }
        bool fits = false;
        for (const std::string& x : ok)
            fits = fits || x == m;
        if (!fits) {
            std::string msg = "METHOD " + m + " does not fit '" + sv.block.name + "', which is " + what;
            if (ok.empty()) {
                msg += "; solve it without METHOD";
            } else {
                msg += "; use ";
                for (std::size_t i = 0; i < ok.size(); ++i)
                    msg += (i ? (i + 1 == ok.size() ? " or " : ", ") : "") + ok[i];
            }
            cx_.diags.error(sv.method->range, msg);
        }
    }
    cx_.facts.calls[where_].insert(sv.block.name);
    cx_.out.solves.push_back(std::move(out));
}

} // namespace mech::sema
