// IR statements of a kernel body: every kind listed once in Stmt::Node; blocks are vectors.
#pragma once

#include "ir/expr.hpp"

#include <string>

namespace mech::ir {

class Stmt;
using StmtPtr = std::shared_ptr<const Stmt>;
using Block = std::vector<StmtPtr>;

/// local[k] = value. Locals are registers of one kernel invocation for one instance.
struct AssignLocal {
    int local;
    ExprPtr value;
    static StmtPtr make(int local, ExprPtr value);
};

/// target = value (or target += value when `accumulate`). Target is a Field, Global,
/// WeightArg or Ion Reversal/Internal/External; ion currents go through AccumulateCurrent.
struct Store {
    Var target;
    ExprPtr value;
    bool accumulate = false;
    Location loc; ///< the statement written, when there is one (for codegen's messages)
    static StmtPtr make(Var target, ExprPtr value, bool accumulate = false, Location loc = {});
};

struct If {
    ExprPtr cond;
    Block then_body, else_body;
    static StmtPtr make(ExprPtr cond, Block then_body, Block else_body = {});
};

/// while (cond) body. FROM loops lower to a local counter and a While.
struct While {
    ExprPtr cond;
    Block body;
    static StmtPtr make(ExprPtr cond, Block body);
};

/// Adds one current to the node (ion < 0) or to ion `ion`'s current and conductance.
/// Node, membrane current:  vec_rhs[node] -= scale*current; vec_d[node] += scale*conductance.
/// Node, electrode current: vec_rhs[node] += scale*current; vec_d[node] -= scale*conductance.
/// Ion j:                   ion[j].current[slot] += scale*current;
///                          ion[j].conductance[slot] += scale*conductance.
/// `conductance` (dI/dv) is null until passes::differentiate fills it in.
struct AccumulateCurrent {
    int ion = -1;
    bool electrode = false;
    ExprPtr current;
    ExprPtr conductance;
    Location loc; ///< the current's declaration, when known (for codegen's messages)
    static StmtPtr make(int ion, bool electrode, ExprPtr current, ExprPtr conductance = nullptr,
                        Location loc = {});
};

/// net_send(delay, flag): data->net_send(runtime, i, delay, flag).
struct NetSend {
    ExprPtr delay, flag;
    static StmtPtr make(ExprPtr delay, ExprPtr flag);
};

/// net_event(time): data->net_event(runtime, i, time).
struct NetEvent {
    ExprPtr time;
    static StmtPtr make(ExprPtr time);
};

/// net_move(time): data->net_move(runtime, i, time): this instance's outstanding self-event
/// (the one net_send queued) is delivered at `time` instead (NET_RECEIVE only).
struct NetMove {
    ExprPtr time;
    static StmtPtr make(ExprPtr time);
};

/// state' = rhs, inside a Solve block only (removed by passes::solve_odes).
struct Derivative {
    int state; ///< field index of a STATE
    ExprPtr rhs;
    static StmtPtr make(int state, ExprPtr rhs);
};

/// CONSERVE Σ coeffs[n]·field[states[n]] = total, inside a kinetic Solve block only.
/// solve_odes replaces the last listed state's equation by this law, as NEURON does.
struct Conserve {
    std::vector<int> states;
    std::vector<ExprPtr> coeffs;
    ExprPtr total;
    static StmtPtr make(std::vector<int> states, std::vector<ExprPtr> coeffs, ExprPtr total);
};

enum class SolveMethod : std::uint8_t { Cnexp, Euler, Derivimplicit, Sparse };

/// SOLVE block METHOD method: the block's statements with Derivative (and Conserve) leaves.
/// passes::solve_odes turns it into plain updates; codegen never sees a Solve.
/// `steady_state` (SOLVE block STEADYSTATE sparse|derivimplicit, in INITIAL): one implicit step
/// with NEURON's steady-state step kSteadyStateDt instead of dt, which is how NEURON finds the
/// steady state (and keeps implicit conservation laws: the states' total is unchanged).
struct Solve {
    SolveMethod method;
    std::string block; ///< the DERIVATIVE/KINETIC block's name, for messages
    Block body;
    Location loc;
    bool steady_state = false;
    static StmtPtr make(SolveMethod method, std::string block, Block body, Location loc = {},
                        bool steady_state = false);
};

/// The time step (ms) of a steady-state Solve: NEURON's ss_dt.
inline constexpr double kSteadyStateDt = 1e9;

class Stmt {
public:
    /// The one list of statement kinds.
    using Node = std::variant<AssignLocal, Store, If, While, AccumulateCurrent, NetSend, NetEvent,
                              NetMove, Derivative, Conserve, Solve>;

    explicit Stmt(Node node) : node_(std::move(node)) {}
    const Node& node() const { return node_; }
    template <class T>
    const T* as() const {
        return std::get_if<T>(&node_);
    }
    template <class T>
    bool is() const {
        return std::holds_alternative<T>(node_);
    }

private:
    Node node_;
};

std::string_view solve_method_name(SolveMethod method);

} // namespace mech::ir
