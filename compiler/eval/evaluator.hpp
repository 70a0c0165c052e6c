// The reference evaluator: runs an ir::Mechanism's kernels on mech_instance_data exactly as
// compiled code does (per instance, IEEE double, operations in the order written). The oracle
// for JIT tests.
#pragma once

#include "ir/mechanism.hpp"
#include "mech/mechanism_abi.h"

#include <stdexcept>

namespace mech::eval {

/// Thrown for IR the evaluator cannot run (an unsolved SOLVE, a missing ion view): such IR is
/// a compiler bug, not a user mistake.
struct EvalError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Runs one per-instance kernel (init, compute_currents, advance_state) over all instances.
void run_kernel(const ir::Mechanism& mechanism, const ir::Kernel& kernel, mech_instance_data& data);

void init(const ir::Mechanism& m, mech_instance_data& data);
void compute_currents(const ir::Mechanism& m, mech_instance_data& data);
void advance_state(const ir::Mechanism& m, mech_instance_data& data);
/// Tests the armed WATCH conditions (see mech_mechanism::check_watch).
void check_watch(const ir::Mechanism& m, mech_instance_data& data);
/// Delivers one event to one instance (see mech_mechanism::net_receive).
void net_receive(const ir::Mechanism& m, mech_instance_data& data, mech_index_t instance,
                 mech_value_t* weight, mech_value_t flag);
void net_receive_init(const ir::Mechanism& m, mech_instance_data& data, mech_index_t instance,
                      mech_value_t* weight);

/// The value of one expression for one instance (locals given by the caller).
double evaluate(const ir::ExprPtr& e, const ir::Mechanism& m, const mech_instance_data& data,
                mech_index_t instance, const std::vector<double>& locals = {});

} // namespace mech::eval
