// Lowering, part 7: one SOLVE of a DERIVATIVE or KINETIC block (METHOD m, or STEADYSTATE m in
// INITIAL) into an ir::Solve that passes::solve_odes later turns into plain updates.
#include "ir/lower_context.hpp"

#include "ast/walk.hpp"

#include <fmt/format.h>

namespace mech::ir::detail {

namespace {

std::optional<SolveMethod> method_of(std::string_view name) {
    if (name == "cnexp")
        return SolveMethod::Cnexp;
    if (name == "euler")
        return SolveMethod::Euler;
    if (name == "derivimplicit")
        return SolveMethod::Derivimplicit;
    if (name == "sparse")
        return SolveMethod::Sparse;
    return std::nullopt;
}

} // namespace

StmtPtr Lowerer::solve_block(const ast::SolveStmt& solve, diag::SourceRange at) {
    auto eq = equations.find(solve.block.name);
    if (eq == equations.end()) {
        diags.error(solve.block.range,
                    fmt::format("SOLVE names '{}', which is no DERIVATIVE or KINETIC block",
                                solve.block.name));
        return nullptr;
    }
    const ast::EquationBlock& e = *eq->second;
    if (e.kind == ast::EquationKind::Linear || e.kind == ast::EquationKind::Nonlinear) {
        unsupported(at, "SOLVE of LINEAR/NONLINEAR blocks");
        return nullptr;
    }
    bool is_kinetic = e.kind == ast::EquationKind::Kinetic;
    bool steady = solve.kind == ast::SolveKind::SteadyState;
    std::string method_name = solve.method ? solve.method->name : "";
    auto method = method_of(method_name);
    diag::SourceRange where_method = solve.method ? solve.method->range : at;
    if (!method) {
        diags.error(where_method,
                    method_name.empty()
                        ? fmt::format("SOLVE {} needs a METHOD: {}", solve.block.name,
                                      is_kinetic ? "sparse" : "cnexp, derivimplicit or euler")
                        : fmt::format("METHOD {} is not supported by mech; use {}", method_name,
                                      is_kinetic ? "sparse"
                                                 : "cnexp (linear ODEs), derivimplicit or euler"));
        return nullptr;
    }
    if (is_kinetic && *method != SolveMethod::Sparse) {
        diags.error(where_method,
                    fmt::format("a KINETIC block is solved with METHOD sparse, not {}",
                                method_name));
        return nullptr;
    }
    if (!is_kinetic && *method == SolveMethod::Sparse) {
        diags.error(where_method, "METHOD sparse solves KINETIC blocks; for a DERIVATIVE block "
                                  "use derivimplicit");
        return nullptr;
    }
    if (steady && *method != SolveMethod::Sparse && *method != SolveMethod::Derivimplicit) {
        diags.error(where_method, fmt::format("STEADYSTATE needs an implicit method (sparse for "
                                              "KINETIC, derivimplicit for DERIVATIVE), not {}",
                                              method_name));
        return nullptr;
    }
    Block body;
    Block* saved = out;
    out = &body;
    Where saved_where = where;
    where = is_kinetic ? Where::Kinetic : Where::Derivative;
    if (is_kinetic)
        kinetic.emplace();
    last_flux = {-1, -1};
    names_flux = false;
    for (const auto& sym : an.symbols)
        if ((sym.name == "f_flux" || sym.name == "b_flux") && sym.scope == e.name.name &&
            sym.reads > 0)
            names_flux = true;
    // The block's LOCALs live in their own frame; the caller's names stay visible.
    scopes.push_back(scopes.empty() ? std::unordered_map<SymbolId, Var>{} : scopes.back());
    block(e.body);
    scopes.pop_back();
    if (is_kinetic) {
        finish_kinetic();
        kinetic.reset();
    }
    where = saved_where;
    out = saved;
    return Solve::make(*method, e.name.name, std::move(body), at, steady);
}

void Lowerer::warn_uncalled_solves() {
    // cabpump.mod's FUNCTION ss() { SOLVE state STEADYSTATE sparse ... } is there for hoc to
    // call (ss_cadifpmp()). mech inlines functions where the file calls them and offers no
    // other way in, so such a SOLVE never runs: say so rather than drop it silently.
    struct FindSolves : ast::Walker {
        std::vector<const ast::Stmt*> found;
        bool enter(const ast::Stmt& s) override {
            if (s.is<ast::SolveStmt>())
                found.push_back(&s);
            return true;
        }
    };
    for (const auto& [name, f] : functions) {
        if (inlined.count(f))
            continue;
        FindSolves solves;
        solves.walk(f->body);
        for (const ast::Stmt* s : solves.found)
            diags.warning(s->range,
                          fmt::format("this SOLVE never runs: {} '{}' is not called in this file, "
                                      "and mech does not call a mechanism's functions from "
                                      "outside it (NEURON's hoc could, as {}_{}()); call it from "
                                      "INITIAL to run it at initialisation",
                                      f->is_procedure ? "PROCEDURE" : "FUNCTION", name, name,
                                      m.name));
    }
}

} // namespace mech::ir::detail
