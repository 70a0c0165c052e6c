// What a kernel body does that decides how its instance loop may be compiled (no LLVM here).
#pragma once

#include "ir/mechanism.hpp"

#include <cstddef>
#include <set>

namespace mech::codegen {

struct KernelTraits {
    bool stores_global = false; // a Store to a Global: iterations depend on each other
    bool calls_runtime = false; // net_send / net_event: calls out of the kernel
    bool scatters = false;      // writes node or ion arrays through an index
    bool reads_weight = false;  // uses NET_RECEIVE arguments or the flag
    bool indexes_nodes = false; // reads v or adds a current to the node (through node_index)
    std::set<int> indexed_ions; // ions whose quantities it reaches (through ion[j].index)
};

KernelTraits traits_of(const ir::Kernel& kernel);

// Whether the instance loop may be marked parallel (no two iterations touch the same memory):
// density mechanisms have at most one instance per node and ion slot; point processes may
// share a node, so their scatters must stay in order.
bool loop_is_parallel(const KernelTraits& traits, ir::Kind kind);

// How many leading statements of the kernel are assignments computed once per call, before the
// instance loop: each assigns a local assigned nowhere else, from constants, t, dt, celsius,
// globals the kernel does not store, and locals assigned earlier in the prefix
// (passes::hoist_invariants moves such assignments to the front).
std::size_t invariant_prefix(const ir::Kernel& kernel);

} // namespace mech::codegen
