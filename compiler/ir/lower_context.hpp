// The state of lowering one module (internal to compiler/ir's lower_*.cpp files).
#pragma once

#include "ir/build.hpp"
#include "ir/lower.hpp"

#include <map>
#include <set>
#include <unordered_map>

namespace mech::ir::detail {

using sema::SymbolId;

/// Which block is being lowered: decides what derivative equations, reactions, ion currents and
/// event calls mean.
enum class Where { Init, Breakpoint, Derivative, Kinetic, NetReceive, NetReceiveInit, Watch };

class Lowerer {
public:
    Lowerer(const ast::Module& module, const sema::Analysis& analysis, diag::DiagnosticEngine& d,
            Mechanism& m);

    const ast::Module& module;
    const sema::Analysis& an;
    diag::DiagnosticEngine& diags;
    Mechanism& m;

    // lower_layout.cpp
    void lay_out();
    std::unordered_map<SymbolId, Var> places;      ///< mechanism-level symbol -> storage
    std::unordered_map<SymbolId, double> constants; ///< CONSTANT/DEFINE/UNITS constants
    int ion_index(const std::string& ion) const { return m.find_ion(ion); }

    // lower_kernels.cpp
    void lower_kernels();
    std::map<std::string, const ast::EquationBlock*, std::less<>> equations;

    // lower_solve.cpp: SOLVE of a DERIVATIVE/KINETIC block (METHOD or STEADYSTATE) as one
    // ir::Solve, or null after a located error.
    StmtPtr solve_block(const ast::SolveStmt& solve, diag::SourceRange at);

    // lower_expr.cpp / lower_stmt.cpp: emit into `out` of `kernel`.
    Kernel* kernel = nullptr;
    Block* out = nullptr;
    Where where = Where::Init;
    ExprPtr expr(const ast::Expr& e);
    void stmt(const ast::Stmt& s);
    void block(const ast::StmtBlock& b);
    void emit(StmtPtr s) { out->push_back(std::move(s)); }
    int fresh_local(const std::string& name) { return kernel->add_local(name); }

    /// Runs `f` with `k`/`b` as the emission target, restoring the previous one after.
    template <class F>
    void in(Kernel& k, Block& b, Where w, F&& f) {
        auto saved = std::tuple(kernel, out, where, scopes);
        kernel = &k;
        out = &b;
        where = w;
        scopes.assign(1, {});
        f();
        std::tie(kernel, out, where, scopes) = saved;
    }

    // Names: innermost inline frame first, then the mechanism.
    std::vector<std::unordered_map<SymbolId, Var>> scopes;
    std::optional<Var> lookup(SymbolId id) const;
    SymbolId symbol_of(const ast::Expr& e) const;
    SymbolId symbol_of(const ast::Ident& i) const;
    /// Written ion currents in compute_currents: symbol -> local accumulating the value.
    std::map<SymbolId, int> current_locals;

    // Inlining (lower_expr.cpp): the function being inlined, to reject recursion.
    std::vector<const ast::FunctionBlock*> inlining;
    std::set<const ast::FunctionBlock*> inlined; ///< every function inlined at least once
    /// Warns about each SOLVE inside a FUNCTION/PROCEDURE that nothing calls (it never runs).
    void warn_uncalled_solves();
    std::map<std::string, const ast::FunctionBlock*, std::less<>> functions;
    /// Inlines a FUNCTION/PROCEDURE call; returns the result local (FUNCTION) or nullptr.
    ExprPtr inline_call(const ast::FunctionBlock& f, const ast::CallExpr& call,
                        const ast::Expr& site);

    // Kinetic schemes (lower_kinetic.cpp): accumulated rates per state while lowering one block.
    struct KineticState {
        std::map<int, ExprPtr> rate;           ///< state field -> d/dt (amount)
        std::map<int, ExprPtr> volume;         ///< state field -> COMPARTMENT volume
        std::vector<int> order;                ///< states in first-touched order
        std::vector<StmtPtr> conserve;
    };
    std::optional<KineticState> kinetic;
    std::pair<int, int> last_flux{-1, -1}; ///< locals of f_flux, b_flux (-1: none yet / zero)
    bool names_flux = false; ///< the block reads f_flux/b_flux: keep each reaction's fluxes
    bool is_state(const ast::Expr& species);
    void reaction(const ast::ReactionStmt& r, const ast::Stmt& s);
    void conserve(const ast::ConserveStmt& c, const ast::Stmt& s);
    void compartment(const ast::CompartmentStmt& c);
    void finish_kinetic();

    // lower_watch.cpp: WATCH items, their hidden fields and the check_watch kernel.
    struct WatchSlot {
        const ast::WatchItem* item = nullptr;
        int state = -1; ///< field: 0 inactive, 1 armed and false, 2 armed and true
        int flag = -1;  ///< field holding the flag when it is not a number, else -1
    };
    std::vector<WatchSlot> watches;
    std::map<const Kernel*, int> watch_disarmed; ///< kernel -> 1 + its "watches disarmed" local
    void declare_watches(const ast::NetReceiveBlock& net_receive);
    void watch(const ast::WatchStmt& w, const ast::Stmt& s);

    // lower_channels.cpp: CHANNEL and POOL desugaring.
    void channel_init(const sema::Channel& c);
    void channel_current(const sema::Channel& c);
    void channel_states(const sema::Channel& c, Block& solve_body);
    void pool_states(const sema::Pool& p, Block& solve_body);

    int state_field(SymbolId id, diag::SourceRange where_used);
    int state_field(const ast::Expr& species, diag::SourceRange where_used);

    // lower_arrays.cpp: arrays of constant size, one scalar per element.
    std::unordered_map<SymbolId, double> loop_values;      ///< unrolled FROM variable -> value
    std::unordered_map<SymbolId, std::int64_t> local_arrays; ///< LOCAL x[n] -> n
    std::optional<double> constant_of(const ast::Expr& e) const;
    std::int64_t array_length(SymbolId id) const; ///< 0 for a scalar
    /// The storage of a (possibly indexed) name, after a located error if the index is not a
    /// constant in range; the base place of element 0 is shifted by the index.
    std::optional<Var> place(const ast::Expr& name);
    void local_array(const ast::LocalVar& v);
    bool unrolled_from(const ast::FromStmt& f); ///< false: bounds not constant, lower a loop
    void unsupported(diag::SourceRange r, const std::string& what);
    std::set<std::tuple<std::uint32_t, std::uint32_t, std::string>> reported; ///< said once
};

} // namespace mech::ir::detail
