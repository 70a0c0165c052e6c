// Tree-walking interpreter of the IR over the C ABI's instance data.
#include "eval/evaluator.hpp"

#include <fmt/format.h>

#include <cmath>

namespace mech::eval {

using namespace ir;

namespace {

constexpr int kMaxLoopIterations = 100000000; // a runaway WHILE is an error, not a hang

struct Frame {
    const Mechanism& m;
    mech_instance_data& data;
    mech_index_t i;
    std::vector<double> locals;
    mech_value_t* weight = nullptr;
    double flag = 0;

    double* ion_slot(const Var& v) const {
        if (v.index < 0 || v.index >= static_cast<int>(m.ions.size()))
            throw EvalError(fmt::format("ion index {} out of range", v.index));
        const mech_ion_view& view = data.ion[v.index];
        mech_value_t* base = nullptr;
        switch (v.ion_quantity) {
        case IonQuantity::Reversal: base = view.reversal; break;
        case IonQuantity::Current: base = view.current; break;
        case IonQuantity::Internal: base = view.internal; break;
        case IonQuantity::External: base = view.external; break;
        case IonQuantity::Conductance: base = view.conductance; break;
        }
        if (!base || !view.index)
            throw EvalError(fmt::format("ion '{}' has no view for a quantity the kernel uses",
                                        m.ions[v.index].name));
        return &base[view.index[i]];
    }

    double* place(const Var& v) {
        switch (v.kind) {
        case VarKind::Field: return &data.field[v.index][i];
        case VarKind::Global: return &data.global[v.index];
        case VarKind::Ion: return ion_slot(v);
        case VarKind::Local: return &locals.at(v.index);
        case VarKind::WeightArg:
            if (!weight)
                throw EvalError("weight argument read outside NET_RECEIVE");
            return &weight[v.index];
        default: throw EvalError("store to a read-only variable");
        }
    }

    // The node's area or diameter; compiled code reads the same array through node_index.
    double geometry(const mech_value_t* per_node, const char* what) const {
        if (m.kind == Kind::Artificial)
            throw EvalError(fmt::format("'{}' read by an artificial cell", what));
        if (!per_node)
            throw EvalError(fmt::format("no node_{} array for a kernel that reads '{}'", what,
                                        what));
        return per_node[data.node_index[i]];
    }

    double read(const Var& v) {
        switch (v.kind) {
        case VarKind::Voltage: return data.vec_v[data.node_index[i]];
        case VarKind::Time: return data.t;
        case VarKind::Dt: return data.dt;
        case VarKind::Celsius: return data.celsius;
        case VarKind::Area:
            if (m.kind == Kind::Point)
                return 100.0 / data.scale[i];
            return geometry(data.node_area, "area");
        case VarKind::Diam: return geometry(data.node_diam, "diam");
        case VarKind::Flag: return flag;
        default: return *place(v);
        }
    }

    double eval(const ExprPtr& e) {
        if (auto* c = e->as<Constant>())
            return c->value;
        if (auto* r = e->as<VarRef>())
            return read(r->var);
        if (auto* u = e->as<Unary>()) {
            double a = eval(u->operand);
            return u->op == UnaryOp::Neg ? -a : static_cast<double>(a == 0.0);
        }
        if (auto* b = e->as<Binary>()) {
            double x = eval(b->lhs);
            double y = eval(b->rhs);
            switch (b->op) {
            case BinaryOp::Add: return x + y;
            case BinaryOp::Sub: return x - y;
            case BinaryOp::Mul: return x * y;
            case BinaryOp::Div: return x / y;
            case BinaryOp::Lt: return x < y;
            case BinaryOp::Le: return x <= y;
            case BinaryOp::Gt: return x > y;
            case BinaryOp::Ge: return x >= y;
            case BinaryOp::Eq: return x == y;
            case BinaryOp::Ne: return x != y;
            case BinaryOp::And: return (x != 0) && (y != 0);
            case BinaryOp::Or: return (x != 0) || (y != 0);
            }
        }
        if (auto* c = e->as<Call>()) {
            double a = eval(c->args[0]);
            double b = c->args.size() > 1 ? eval(c->args[1]) : 0.0;
            return evaluate_intrinsic(c->fn, a, b);
        }
        auto* s = e->as<Select>();
        // Both arms are evaluated, as compiled code may (a select has no side effects).
        double c = eval(s->cond);
        double a = eval(s->if_true);
        double b = eval(s->if_false);
        return c != 0 ? a : b;
    }

    void run(const Block& block) {
        for (const auto& s : block)
            exec(*s);
    }

    void exec(const Stmt& s) {
        if (auto* a = s.as<AssignLocal>()) {
            locals.at(a->local) = eval(a->value);
        } else if (auto* st = s.as<Store>()) {
            double value = eval(st->value);
            double* p = place(st->target);
            *p = st->accumulate ? *p + value : value;
        } else if (auto* f = s.as<If>()) {
            run(eval(f->cond) != 0 ? f->then_body : f->else_body);
        } else if (auto* w = s.as<While>()) {
            int n = 0;
            while (eval(w->cond) != 0) {
                if (++n > kMaxLoopIterations)
                    throw EvalError("WHILE loop did not terminate");
                run(w->body);
            }
        } else if (auto* c = s.as<AccumulateCurrent>()) {
            accumulate(*c);
        } else if (auto* n = s.as<NetSend>()) {
            double delay = eval(n->delay);
            double fl = eval(n->flag);
            if (data.net_send)
                data.net_send(data.runtime, i, delay, fl);
        } else if (auto* n = s.as<NetEvent>()) {
            double time = eval(n->time);
            if (data.net_event)
                data.net_event(data.runtime, i, time);
        } else if (auto* n = s.as<NetMove>()) {
            double time = eval(n->time);
            if (data.net_move)
                data.net_move(data.runtime, i, time);
        } else {
            throw EvalError("unsolved SOLVE block reached the evaluator (run passes first)");
        }
    }

    void accumulate(const AccumulateCurrent& c) {
        if (!c.conductance)
            throw EvalError("current without conductance (run passes::differentiate first)");
        double current = eval(c.current);
        double g = eval(c.conductance);
        double scale = data.scale ? data.scale[i] : 1.0;
        if (c.ion >= 0) {
            *ion_slot(Var::ion(c.ion, IonQuantity::Current)) += scale * current;
            const mech_ion_view& view = data.ion[c.ion];
            if (view.conductance)
                view.conductance[view.index[i]] += scale * g;
            return;
        }
        mech_index_t node = data.node_index[i];
        if (c.electrode) {
            data.vec_rhs[node] += scale * current;
            data.vec_d[node] -= scale * g;
        } else {
            data.vec_rhs[node] -= scale * current;
            data.vec_d[node] += scale * g;
        }
    }
};

} // namespace

void run_kernel(const Mechanism& m, const Kernel& kernel, mech_instance_data& data) {
    for (mech_index_t i = 0; i < data.width; ++i) {
        Frame frame{m, data, i, std::vector<double>(kernel.locals.size(), 0.0)};
        frame.run(kernel.body);
    }
}

void init(const Mechanism& m, mech_instance_data& data) { run_kernel(m, m.init, data); }
void compute_currents(const Mechanism& m, mech_instance_data& data) {
    run_kernel(m, m.compute_currents, data);
}
void advance_state(const Mechanism& m, mech_instance_data& data) {
    run_kernel(m, m.advance_state, data);
}

void check_watch(const Mechanism& m, mech_instance_data& data) {
    run_kernel(m, m.check_watch, data);
}

void net_receive(const Mechanism& m, mech_instance_data& data, mech_index_t instance,
                 mech_value_t* weight, mech_value_t flag) {
    Frame frame{m, data, instance, std::vector<double>(m.net_receive.locals.size(), 0.0), weight,
                flag};
    frame.run(m.net_receive.body);
}

void net_receive_init(const Mechanism& m, mech_instance_data& data, mech_index_t instance,
                      mech_value_t* weight) {
    Frame frame{m, data, instance, std::vector<double>(m.net_receive_init.locals.size(), 0.0),
                weight};
    frame.run(m.net_receive_init.body);
}

double evaluate(const ExprPtr& e, const Mechanism& m, const mech_instance_data& data,
                mech_index_t instance, const std::vector<double>& locals) {
    Frame frame{m, const_cast<mech_instance_data&>(data), instance, locals};
    return frame.eval(e);
}

} // namespace mech::eval
