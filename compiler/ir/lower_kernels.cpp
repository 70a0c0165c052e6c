// Lowering, part 6: assembling the kernels from the module's blocks, and the entry point.
#include "ir/lower_context.hpp"

#include <fmt/format.h>

namespace mech::ir::detail {

void Lowerer::lower_kernels() {
    const ast::BodyBlock* initial = nullptr;
    const ast::BodyBlock* breakpoint = nullptr;
    const ast::NetReceiveBlock* net_receive = nullptr;
    for (const auto& b : module.blocks) {
        if (auto* body = b.as<ast::BodyBlock>()) {
            if (body->kind == ast::BodyKind::Initial)
                initial = body;
            else if (body->kind == ast::BodyKind::Breakpoint)
                breakpoint = body;
            else
                unsupported(b.range, "CONSTRUCTOR/DESTRUCTOR/BEFORE/AFTER blocks");
        } else if (auto* eq = b.as<ast::EquationBlock>()) {
            equations[eq->name.name] = eq;
        } else if (auto* nr = b.as<ast::NetReceiveBlock>()) {
            net_receive = nr;
        } else if (b.is<ast::FunctionTableBlock>()) {
            unsupported(b.range, "FUNCTION_TABLE");
        }
    }

    // States that mirror an ion concentration are read from the ion at the start of a kernel
    // and written back at the end (as NEURON does for STATE cai with WRITE cai).
    std::vector<std::pair<Var, Var>> mirrored; // field, ion quantity
    for (const auto& [id, place] : places) {
        const auto& s = an.symbols[id];
        if (place.kind != VarKind::Field || !s.ion || m.fields[place.index].role != FieldRole::State)
            continue;
        auto q = s.ion->role == sema::IonRole::Internal ? IonQuantity::Internal
                 : s.ion->role == sema::IonRole::External ? IonQuantity::External
                                                           : IonQuantity::Reversal;
        mirrored.emplace_back(place, Var::ion(ion_index(s.ion->ion), q));
    }
    std::sort(mirrored.begin(), mirrored.end());
    auto read_ions = [&] {
        for (auto [f, ion] : mirrored)
            emit(Store::make(f, ref(ion)));
    };
    auto write_ions = [&] {
        for (auto [f, ion] : mirrored)
            emit(Store::make(ion, ref(f)));
    };

    // NEURON starts every STATE s at s0 before INITIAL runs: where the file declares a
    // PARAMETER s0 (cabpump.mod's pump0), the state starts at its value.
    std::vector<std::pair<Var, Var>> state_starts; // field, parameter
    for (const auto& [id, place] : places) {
        const auto& s = an.symbols[id];
        if (place.kind != VarKind::Field || s.ion || s.array_size ||
            m.fields[place.index].role != FieldRole::State)
            continue;
        const SymbolId start = an.find_id(s.name + "0");
        if (start == sema::kNoSymbol || an.symbols[start].kind != sema::SymbolKind::Parameter ||
            an.symbols[start].array_size)
            continue;
        if (auto v = lookup(start))
            state_starts.emplace_back(place, *v);
    }
    std::sort(state_starts.begin(), state_starts.end());

    in(m.init, m.init.body, Where::Init, [&] {
        read_ions();
        for (auto [field, start] : state_starts)
            emit(Store::make(field, ref(start)));
        for (const auto& c : an.channels)
            channel_init(c);
        if (initial)
            block(initial->body);
        write_ions();
    });

    std::vector<const ast::Stmt*> solves;
    in(m.compute_currents, m.compute_currents.body, Where::Breakpoint, [&] {
        for (const auto& ion : an.ions) {
            for (const auto& w : ion.write) {
                if (w != "i" + ion.name)
                    continue;
                SymbolId id = an.find_id(w);
                int k = fresh_local(w);
                emit(AssignLocal::make(k, num(0)));
                current_locals[id] = k;
            }
        }
        for (const auto& c : an.channels)
            if (auto v = lookup(c.current); v && v->kind == VarKind::Field)
                emit(Store::make(*v, num(0)));
        read_ions();
        if (breakpoint) {
            for (const auto& s : breakpoint->body.stmts) {
                if (s->is<ast::SolveStmt>())
                    solves.push_back(s.get());
                else
                    stmt(*s);
            }
        }
        for (const auto& c : an.channels)
            channel_current(c);
        for (SymbolId id : an.nonspecific_currents)
            if (auto v = lookup(id))
                emit(AccumulateCurrent::make(-1, false, ref(*v), nullptr, an.symbols[id].decl));
        for (SymbolId id : an.electrode_currents)
            if (auto v = lookup(id))
                emit(AccumulateCurrent::make(-1, true, ref(*v), nullptr, an.symbols[id].decl));
        for (const auto& [id, k] : current_locals) {
            const auto& s = an.symbols[id];
            int j = s.ion ? ion_index(s.ion->ion) : -1;
            emit(AccumulateCurrent::make(j, false, local(k), nullptr, s.decl));
            emit(AccumulateCurrent::make(-1, false, local(k), nullptr, s.decl));
        }
    });
    if (m.compute_currents.body.size() == 0)
        m.compute_currents.locals.clear();
    current_locals.clear();

    in(m.advance_state, m.advance_state.body, Where::Derivative, [&] {
        read_ions();
        for (const ast::Stmt* s : solves) {
            const auto& solve = *s->as<ast::SolveStmt>();
            if (auto f = functions.find(solve.block.name); f != functions.end()) {
                // SOLVE proc: a PROCEDURE run once per step.
                ast::CallExpr call{solve.block, {}};
                ast::Expr site{ast::ExprNode(ast::StringExpr{}), s->range};
                inline_call(*f->second, call, site);
                continue;
            }
            if (auto lowered = solve_block(solve, s->range))
                emit(std::move(lowered));
        }
        for (const auto& c : an.channels) {
            Block body;
            channel_states(c, body);
            if (!body.empty())
                emit(Solve::make(SolveMethod::Cnexp, "CHANNEL " + c.name, std::move(body),
                                 c.block ? c.block->name.range : diag::SourceRange{}));
        }
        for (const auto& p : an.pools) {
            Block body;
            pool_states(p, body);
            emit(Solve::make(SolveMethod::Cnexp, "POOL " + an.symbols[p.species].name,
                             std::move(body)));
        }
        write_ions();
    });

    if (net_receive) {
        for (const auto& p : net_receive->params)
            m.net_receive_args.push_back({p.name.name, p.unit ? p.unit->text : ""});
        declare_watches(*net_receive);
        in(m.net_receive, m.net_receive.body, Where::NetReceive, [&] {
            for (size_t k = 0; k < net_receive->params.size(); ++k)
                scopes.back()[symbol_of(net_receive->params[k].name)] =
                    Var::weight(static_cast<int>(k));
            block(net_receive->body);
        });
    }
}

} // namespace mech::ir::detail

namespace mech::ir {

Mechanism lower(const ast::Module& module, const sema::Analysis& analysis,
                diag::DiagnosticEngine& diags) {
    Mechanism m;
    detail::Lowerer lowerer(module, analysis, diags, m);
    lowerer.lay_out();
    lowerer.lower_kernels();
    lowerer.warn_uncalled_solves();
    return m;
}

} // namespace mech::ir
