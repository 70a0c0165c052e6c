// Construction of IR statements.
#include "ir/stmt.hpp"

namespace mech::ir {

namespace {
template <class T>
StmtPtr wrap(T node) {
    return std::make_shared<const Stmt>(std::move(node));
}
} // namespace

StmtPtr AssignLocal::make(int local, ExprPtr value) { return wrap(AssignLocal{local, value}); }

StmtPtr Store::make(Var target, ExprPtr value, bool accumulate, Location loc) {
    return wrap(Store{target, std::move(value), accumulate, loc});
}

StmtPtr If::make(ExprPtr cond, Block then_body, Block else_body) {
    return wrap(If{std::move(cond), std::move(then_body), std::move(else_body)});
}

StmtPtr While::make(ExprPtr cond, Block body) { return wrap(While{std::move(cond), std::move(body)}); }

StmtPtr AccumulateCurrent::make(int ion, bool electrode, ExprPtr current, ExprPtr conductance,
                                Location loc) {
    return wrap(
        AccumulateCurrent{ion, electrode, std::move(current), std::move(conductance), loc});
}

StmtPtr NetSend::make(ExprPtr delay, ExprPtr flag) {
    return wrap(NetSend{std::move(delay), std::move(flag)});
}

StmtPtr NetEvent::make(ExprPtr time) { return wrap(NetEvent{std::move(time)}); }

StmtPtr NetMove::make(ExprPtr time) { return wrap(NetMove{std::move(time)}); }

StmtPtr Derivative::make(int state, ExprPtr rhs) { return wrap(Derivative{state, std::move(rhs)}); }

StmtPtr Conserve::make(std::vector<int> states, std::vector<ExprPtr> coeffs, ExprPtr total) {
    return wrap(Conserve{std::move(states), std::move(coeffs), std::move(total)});
}

StmtPtr Solve::make(SolveMethod method, std::string block, Block body, Location loc,
                    bool steady_state) {
    return wrap(Solve{method, std::move(block), std::move(body), std::move(loc), steady_state});
}

std::string_view solve_method_name(SolveMethod method) {
    switch (method) {
    case SolveMethod::Cnexp: return "cnexp";
    case SolveMethod::Euler: return "euler";
    case SolveMethod::Derivimplicit: return "derivimplicit";
    case SolveMethod::Sparse: return "sparse";
    }
    return "?";
}

} // namespace mech::ir
