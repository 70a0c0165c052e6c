// solve_odes: dispatch on the SOLVE method; cnexp and euler here, implicit methods in
// solve_implicit.cpp.
#include "passes/solve_odes.hpp"

#include "ir/build.hpp"
#include "ir/print.hpp"
#include "ir/visitor.hpp"
#include "passes/solve_implicit.hpp"
#include "passes/symbolic/cancel.hpp"
#include "passes/symbolic/derivative.hpp"
#include "passes/symbolic/simplify.hpp"

#include <fmt/format.h>

#include <functional>
#include <map>

namespace mech::passes {

using namespace ir;
namespace sym = symbolic;

namespace detail {

namespace {

// Locals assigned anywhere inside an If/While of `s`, and whether any of those assignments (or
// the conditions guarding them) read something `is_state` accepts.
void collect_branch_writes(const StmtPtr& s, const std::function<bool(const ExprPtr&)>& reads_state,
                           std::set<int>& written, bool& state_dependent) {
    struct Writes : Visitor {
        using Visitor::on;
        std::set<int>& written;
        bool& dependent;
        const std::function<bool(const ExprPtr&)>& reads_state;
        Writes(std::set<int>& w, bool& d, const std::function<bool(const ExprPtr&)>& r)
            : written(w), dependent(d), reads_state(r) {}
        void on(const AssignLocal& a) override {
            written.insert(a.local);
            dependent = dependent || reads_state(a.value);
        }
        void on(const If& i) override {
            dependent = dependent || reads_state(i.cond);
            Visitor::on(i);
        }
        void on(const While& w) override {
            dependent = dependent || reads_state(w.cond);
            Visitor::on(w);
        }
    } writes(written, state_dependent, reads_state);
    writes.visit(s);
}

} // namespace

ExpandedSystem expand_system(const Block& body, const Mechanism& m) {
    ExpandedSystem sys;
    std::map<int, ExprPtr> definitions; // local -> expanded value
    auto expand = [&](const ExprPtr& e) {
        struct Expander : Mutator {
            std::map<int, ExprPtr>& defs;
            explicit Expander(std::map<int, ExprPtr>& d) : defs(d) {}
            using Mutator::on;
            ExprPtr on(const ExprPtr& self, const VarRef& r) override {
                if (r.var.kind == VarKind::Local) {
                    auto it = defs.find(r.var.index);
                    if (it != defs.end())
                        return it->second;
                }
                return self;
            }
        } expander(definitions);
        return expander.mutate(e);
    };
    // A value reads a state when it reads a STATE field or a local already known to.
    auto reads_state = [&](const ExprPtr& e) {
        return sym::depends_on_any(e, [&](const Var& v) {
            return (v.kind == VarKind::Field && m.fields[v.index].role == FieldRole::State) ||
                   (v.kind == VarKind::Local && sys.state_dependent_locals.count(v.index));
        });
    };
    for (const auto& s : body) {
        if (auto* a = s->as<AssignLocal>()) {
            definitions[a->local] = expand(a->value);
            if (reads_state(definitions[a->local]))
                sys.state_dependent_locals.insert(a->local);
            else
                sys.state_dependent_locals.erase(a->local);
            sys.other.push_back(s);
        } else if (auto* d = s->as<Derivative>()) {
            sys.states.push_back(d->state);
            sys.rhs.push_back(d->rhs);
            sys.expanded.push_back(expand(d->rhs));
        } else if (auto* c = s->as<Conserve>()) {
            sys.conserve.push_back(c);
        } else {
            if (s->is<If>() || s->is<While>()) {
                sys.straight_line = false;
                // A local assigned under a condition has no single definition: it stays an
                // opaque local in the expansion (substituting its earlier value would drop
                // the branch's assignment), state-dependent if the branch reads a state.
                std::set<int> written;
                bool dependent = false;
                collect_branch_writes(s, reads_state, written, dependent);
                for (int k : written) {
                    definitions.erase(k);
                    sys.opaque_locals.insert(k);
                    if (dependent)
                        sys.state_dependent_locals.insert(k);
                }
            }
            sys.other.push_back(s);
        }
    }
    return sys;
}

} // namespace detail

namespace {

const std::string& state_name(const Mechanism& m, int k) { return m.fields[k].name; }

// x' = (inf - x)/tau, as written (inf and tau not reading x): {inf, tau}.
std::optional<std::pair<ExprPtr, ExprPtr>> relaxation_form(const ExprPtr& rhs, const Var& x) {
    auto* quotient = rhs->as<Binary>();
    if (!quotient || quotient->op != BinaryOp::Div)
        return std::nullopt;
    auto* difference = quotient->lhs->as<Binary>();
    if (!difference || difference->op != BinaryOp::Sub)
        return std::nullopt;
    auto* state = difference->rhs->as<VarRef>();
    if (!state || state->var != x || sym::depends_on(difference->lhs, x) ||
        sym::depends_on(quotient->rhs, x))
        return std::nullopt;
    return std::pair{difference->lhs, quotient->rhs};
}

// Drops what `known` says about `v` and about every value that reads `v`: `v` is written again.
void forget(sym::KnownValues& known, const Var& v) {
    std::erase_if(known, [&](const auto& entry) {
        return entry.first == v || sym::depends_on(entry.second, v);
    });
}

// Follows a statement of a SOLVE body: a plain assignment makes its value known (unless it reads
// its own target); anything else may write anything, so nothing stays known.
void remember(sym::KnownValues& known, const StmtPtr& s) {
    auto assigned = [&](const Var& v, const ExprPtr& value) {
        forget(known, v);
        if (!sym::depends_on(value, v))
            known[v] = value;
    };
    if (auto* a = s->as<AssignLocal>())
        assigned(Var::local(a->local), a->value);
    else if (auto* st = s->as<Store>(); st && !st->accumulate)
        assigned(st->target, st->value);
    else
        known.clear();
}

// x' = a + c·x  ->  x + (1 - exp(dt·c))·(-a/c - x), NEURON's cnexp form; for the relaxation
// form x' = (inf - x)/tau the target -a/c is inf itself: x + (1 - exp(dt·(-1/tau)))·(inf - x),
// which stays finite (x -> inf) when tau is 0 at run time. Factors shared by a and c are divided
// out of -a/c: x' = k·(x∞ - x) has target x∞, not (k·x∞)/k, so a rate k = 0 at run time leaves
// x unchanged (1 - exp(0) = 0 times a finite target) instead of giving 0·NaN.
std::optional<Block> solve_cnexp(const Solve& solve, const Mechanism& m,
                                 diag::DiagnosticEngine& diags) {
    auto sys = detail::expand_system(solve.body, m);
    Block out;
    bool ok = true;
    sym::KnownValues known; // values written so far in the block, as cancellation sees them
    for (const auto& s : solve.body) {
        auto* d = s->as<Derivative>();
        if (!d) {
            if (s->is<Conserve>()) {
                diags.error(solve.loc, "CONSERVE is only meaningful in a KINETIC block solved "
                                       "with METHOD sparse");
                ok = false;
                continue;
            }
            remember(known, s);
            out.push_back(s);
            continue;
        }
        size_t n = 0;
        while (sys.rhs[n] != d->rhs || sys.states[n] != d->state)
            ++n;
        Var x = Var::field(d->state);
        auto not_linear = [&](std::string_view why) {
            diags.error(solve.loc,
                        fmt::format("the equation {}' = {} {}, so METHOD cnexp cannot solve it "
                                    "exactly; use METHOD derivimplicit for non-linear ODEs",
                                    state_name(m, d->state), print(d->rhs, &m), why));
            ok = false;
        };
        // A local assigned under IF/WHILE from a state cannot be expanded: linearity unknown.
        bool reads_branch_state = sym::depends_on_any(sys.expanded[n], [&](const Var& v) {
            return v.kind == VarKind::Local && sys.state_dependent_locals.count(v.index);
        });
        if (reads_branch_state) {
            not_linear(fmt::format("reads a value computed under IF/WHILE from {}",
                                   state_name(m, d->state)));
            continue;
        }
        auto lin = sym::linear_in(sys.expanded[n], x);
        if (!lin) {
            not_linear(fmt::format("is not linear in {}", state_name(m, d->state)));
            continue;
        }
        // Coefficients from the written form (reading locals) when that is also linear, so the
        // update reuses the block's locals instead of duplicating their definitions.
        bool reads_state_locals = sym::depends_on_any(d->rhs, [&](const Var& v) {
            return v.kind == VarKind::Local && sys.state_dependent_locals.count(v.index);
        });
        auto xs = field(d->state);
        ExprPtr update;
        std::optional<std::pair<ExprPtr, ExprPtr>> relax;
        if (!reads_state_locals)
            relax = relaxation_form(d->rhs, x);
        if (relax) {
            auto [inf, tau] = *relax;
            update = add(xs, mul(sub(num(1), exp(mul(dt(), div(num(-1), tau)))), sub(inf, xs)));
        } else {
            if (auto direct = sym::linear_in(d->rhs, x); direct && !reads_state_locals)
                lin = direct;
            if (sym::is_constant(lin->coefficient, 0)) {
                update = add(xs, mul(lin->constant, dt()));
            } else {
                auto c = lin->coefficient;
                auto target = sym::cancel_common_factors(neg(lin->constant), c, known);
                if (!target)
                    target = sym::simplify(div(neg(lin->constant), c));
                update = add(xs, mul(sub(num(1), exp(mul(dt(), c))), sub(target, xs)));
            }
        }
        forget(known, x);
        out.push_back(Store::make(x, update));
    }
    if (!ok)
        return std::nullopt;
    return out;
}

// Explicit Euler: every derivative from the old states, then all updates.
Block solve_euler(const Solve& solve, Kernel& kernel, const Mechanism& m) {
    Block out;
    std::vector<std::pair<int, int>> updates; // state field, derivative local
    for (const auto& s : solve.body) {
        if (auto* d = s->as<Derivative>()) {
            int local = kernel.add_local("D" + state_name(m, d->state));
            out.push_back(AssignLocal::make(local, d->rhs));
            updates.emplace_back(d->state, local);
        } else {
            out.push_back(s);
        }
    }
    for (auto [state, local] : updates)
        out.push_back(Store::make(Var::field(state), add(field(state), mul(dt(), ir::local(local)))));
    return out;
}

class SolveRewriter : public Mutator {
public:
    SolveRewriter(Kernel& kernel, const Mechanism& m, diag::DiagnosticEngine& diags)
        : kernel_(kernel), m_(m), diags_(diags) {}
    using Mutator::on;

    Block on(const StmtPtr&, const Solve& s) override {
        std::optional<Block> out;
        switch (s.method) {
        case SolveMethod::Cnexp: out = solve_cnexp(s, m_, diags_); break;
        case SolveMethod::Euler: out = solve_euler(s, kernel_, m_); break;
        case SolveMethod::Derivimplicit:
        case SolveMethod::Sparse: out = detail::solve_implicit(s, kernel_, m_, diags_); break;
        }
        return out ? *out : Block{};
    }

    Block on(const StmtPtr&, const Derivative& d) override {
        diags_.internal_error({}, fmt::format("derivative of '{}' outside a SOLVE block",
                                              state_name(m_, d.state)));
        return {};
    }

private:
    Kernel& kernel_;
    const Mechanism& m_;
    diag::DiagnosticEngine& diags_;
};

} // namespace

void solve_odes(Mechanism& mechanism, diag::DiagnosticEngine& diags) {
    for (Kernel* kernel : mechanism.kernels()) {
        SolveRewriter rewriter(*kernel, mechanism, diags);
        kernel->body = rewriter.mutate(kernel->body);
    }
}

} // namespace mech::passes
