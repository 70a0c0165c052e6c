// derivimplicit and sparse: one backward-Euler step per call, solved by Newton iteration with a
// symbolic Jacobian and dense Gaussian elimination unrolled into the IR (no pivoting: the
// matrix I - dt·J is diagonally dominant for the step sizes these methods are used with).
#include "passes/solve_implicit.hpp"

#include "ir/build.hpp"
#include "ir/visitor.hpp"
#include "passes/symbolic/derivative.hpp"
#include "passes/symbolic/simplify.hpp"

#include <fmt/format.h>

namespace mech::passes::detail {

using namespace ir;
namespace sym = symbolic;

namespace {

constexpr int kMaxIterations = 50;  // NEURON's MAXITERS
constexpr double kConverge = 1e-6;  // NEURON's CONVERGE (relative change)
constexpr double kZero = 1e-8;      // below this |x| the change is measured absolutely

struct Builder {
    Kernel& kernel;
    Block out;

    // A fresh local holding `value`, unless `value` is a literal or already a variable.
    ExprPtr bind(const std::string& name, ExprPtr value) {
        value = sym::simplify(value);
        if (value->is<Constant>() || value->is<VarRef>())
            return value;
        int k = kernel.add_local(name);
        out.push_back(AssignLocal::make(k, value));
        return local(k);
    }
};

// IF/WHILE in an implicit block (rate functions of .mod files) are fine when no equation sits
// inside one and the locals they assign either do not depend on the states or are not read by
// the equations: then the symbolic Jacobian is exact and the branches rerun each iteration.
bool branches_allowed(const Block& body, const ExpandedSystem& sys) {
    struct Nested : Visitor {
        bool equation = false;
        int depth = 0;
        void on(const If& i) override {
            ++depth;
            Visitor::on(i);
            --depth;
        }
        void on(const While& w) override {
            ++depth;
            Visitor::on(w);
            --depth;
        }
        void on(const Derivative&) override { equation |= depth > 0; }
        void on(const Conserve&) override { equation |= depth > 0; }
    } nested;
    nested.visit(body);
    if (nested.equation)
        return false;
    for (int k : sys.opaque_locals) {
        if (!sys.state_dependent_locals.count(k))
            continue;
        for (const auto& e : sys.expanded)
            if (sym::depends_on(e, Var::local(k)))
                return false;
        for (const Conserve* c : sys.conserve)
            if (sym::depends_on(c->total, Var::local(k)))
                return false;
    }
    return true;
}

} // namespace

std::optional<Block> solve_implicit(const Solve& solve, Kernel& kernel, const Mechanism& m,
                                    diag::DiagnosticEngine& diags) {
    auto sys = expand_system(solve.body, m);
    const char* method = solve.method == SolveMethod::Sparse ? "sparse" : "derivimplicit";
    if (!sys.straight_line && !branches_allowed(solve.body, sys)) {
        diags.error(solve.loc, fmt::format("METHOD {} needs the equations of block '{}' outside "
                                           "IF/WHILE, and no IF/WHILE deciding a value they "
                                           "read from the states",
                                           method, solve.block));
        return std::nullopt;
    }
    size_t n = sys.states.size();
    if (n == 0)
        return sys.other;
    // A steady-state solve takes one step of NEURON's ss_dt instead of dt.
    auto dt = [&] { return solve.steady_state ? num(kSteadyStateDt) : ir::dt(); };
    std::vector<Var> x;
    for (int s : sys.states)
        x.push_back(Var::field(s));

    // Residual rows F_k = x_k - x_old_k - dt·f_k and Jacobian J_kl = δ_kl - dt·∂f_k/∂x_l.
    std::vector<std::vector<ExprPtr>> jac(n, std::vector<ExprPtr>(n));
    bool linear = true;
    for (size_t k = 0; k < n; ++k) {
        for (size_t l = 0; l < n; ++l) {
            auto df = sym::derivative(sys.expanded[k], x[l]);
            if (!df) {
                diags.error(solve.loc, fmt::format("the equation for '{}' in block '{}' cannot be "
                                                   "differentiated symbolically (fmod)",
                                                   m.fields[sys.states[k]].name, solve.block));
                return std::nullopt;
            }
            for (const auto& xv : x)
                linear &= !sym::depends_on(df, xv);
            jac[k][l] = sym::simplify(sub(num(k == l ? 1.0 : 0.0), mul(dt(), df)));
        }
    }
    // CONSERVE: the row of the last listed state becomes Σ c·x - total = 0.
    std::vector<std::pair<size_t, const Conserve*>> conserved;
    for (const Conserve* c : sys.conserve) {
        size_t row = n;
        for (size_t k = 0; k < n; ++k)
            if (sys.states[k] == c->states.back())
                row = k;
        if (row == n) {
            diags.error(solve.loc, "CONSERVE names a state without a reaction in this block");
            return std::nullopt;
        }
        for (size_t l = 0; l < n; ++l)
            jac[row][l] = num(0);
        for (size_t t = 0; t < c->states.size(); ++t)
            for (size_t l = 0; l < n; ++l)
                if (sys.states[l] == c->states[t])
                    jac[row][l] = sym::simplify(add(jac[row][l], c->coeffs[t]));
        conserved.emplace_back(row, c);
    }

    Builder top{kernel, {}};
    std::vector<int> old(n);
    for (size_t k = 0; k < n; ++k) {
        old[k] = kernel.add_local(m.fields[sys.states[k]].name + "_old");
        top.out.push_back(AssignLocal::make(old[k], ref(x[k])));
    }

    // One Newton iteration.
    Builder it{kernel, sys.other};
    std::vector<ExprPtr> f(n);
    for (size_t k = 0; k < n; ++k)
        f[k] = sub(sub(ref(x[k]), local(old[k])), mul(dt(), sys.rhs[k]));
    for (auto [row, c] : conserved) {
        ExprPtr sum = num(0);
        for (size_t t = 0; t < c->states.size(); ++t)
            sum = add(sum, mul(c->coeffs[t], field(c->states[t])));
        f[row] = sub(sum, c->total);
    }
    std::vector<std::vector<ExprPtr>> a(n, std::vector<ExprPtr>(n));
    std::vector<ExprPtr> b(n);
    for (size_t k = 0; k < n; ++k) {
        b[k] = it.bind(fmt::format("F{}", k), f[k]);
        for (size_t l = 0; l < n; ++l)
            a[k][l] = it.bind(fmt::format("J{}_{}", k, l), jac[k][l]);
    }
    // Forward elimination.
    for (size_t p = 0; p < n; ++p) {
        for (size_t r = p + 1; r < n; ++r) {
            if (sym::is_constant(a[r][p], 0))
                continue;
            auto factor = it.bind(fmt::format("m{}_{}", r, p), div(a[r][p], a[p][p]));
            for (size_t c = p + 1; c < n; ++c)
                if (!sym::is_constant(a[p][c], 0))
                    a[r][c] = it.bind(fmt::format("J{}_{}", r, c), sub(a[r][c], mul(factor, a[p][c])));
            b[r] = it.bind(fmt::format("F{}", r), sub(b[r], mul(factor, b[p])));
        }
    }
    // Back substitution: J·Δ = F, then x ← x - Δ.
    std::vector<ExprPtr> delta(n);
    for (size_t p = n; p-- > 0;) {
        ExprPtr acc = b[p];
        for (size_t c = p + 1; c < n; ++c)
            if (!sym::is_constant(a[p][c], 0))
                acc = sub(acc, mul(a[p][c], delta[c]));
        int d = kernel.add_local(fmt::format("delta{}", p));
        it.out.push_back(AssignLocal::make(d, sym::simplify(div(acc, a[p][p]))));
        delta[p] = local(d);
    }
    for (size_t k = 0; k < n; ++k) {
        it.out.push_back(Store::make(x[k], sub(ref(x[k]), delta[k])));
        // NEURON's sparse solver keeps concentrations non-negative in non-linear schemes.
        if (solve.method == SolveMethod::Sparse && !linear)
            it.out.push_back(If::make(compare(BinaryOp::Lt, ref(x[k]), num(0)),
                                      {Store::make(x[k], num(0))}));
    }
    if (linear) {
        // Linear system: one iteration from the present state is the exact backward-Euler step.
        for (auto& s : it.out)
            top.out.push_back(s);
        return top.out;
    }
    int iter = kernel.add_local("newton_iter");
    int change = kernel.add_local("newton_change");
    top.out.push_back(AssignLocal::make(iter, num(0)));
    top.out.push_back(AssignLocal::make(change, num(1)));
    ExprPtr worst = num(0);
    for (size_t k = 0; k < n; ++k) {
        auto rel = select(compare(BinaryOp::Gt, call(Intrinsic::Fabs, ref(x[k])), num(kZero)),
                          call(Intrinsic::Fabs, div(delta[k], ref(x[k]))),
                          call(Intrinsic::Fabs, delta[k]));
        worst = k == 0 ? rel : call(Intrinsic::Max, worst, rel);
    }
    it.out.push_back(AssignLocal::make(change, worst));
    it.out.push_back(AssignLocal::make(iter, add(local(iter), num(1))));
    auto cond = Binary::make(BinaryOp::And, compare(BinaryOp::Lt, local(iter), num(kMaxIterations)),
                             compare(BinaryOp::Gt, local(change), num(kConverge)));
    top.out.push_back(While::make(cond, std::move(it.out)));
    return top.out;
}

} // namespace mech::passes::detail
