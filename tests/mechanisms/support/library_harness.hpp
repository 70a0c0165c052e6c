// Compiles a file of the mechanism library through the whole pipeline (parse, sema, lower,
// passes, LLVM, ORC JIT) and drives one instance of it the way the runtime's fixed step does.
#pragma once

#include "instance_store.hpp"
#include "jit/jit_catalogue.hpp"

#include <mech/mechanism_abi.h>

#include <string>
#include <string_view>
#include <vector>

namespace mech::library_test {

// The JIT-compiled mechanism `name` from mechanisms/<file>; compiled once per file and kept
// for the whole test run. Returns null after reporting every diagnostic as a test failure.
const mech_mechanism* load(const std::string& file, std::string_view name);

// The JIT catalogue of several files compiled together (cached like load); null after
// reporting. Names starting with '/' are used as they are, others are taken in mechanisms/.
const jit::JitCatalogue* load_together(const std::vector<std::string>& files);

// NEURON's passive leak `pas`: mechanisms/pas.mech, or tests/golden/pas.mod until that lands.
std::string pas_file();

// One instance at a node whose potential the test sets (a voltage clamp).
class Instance {
public:
    explicit Instance(const mech_mechanism& mechanism, double v = -65.0);

    double& field(std::string_view name);   // a RANGE quantity; fails the test when absent
    double& global(std::string_view name);  // a GLOBAL; fails the test when absent
    testing::InstanceStore::Ion& ion(std::string_view name);
    bool has_field(std::string_view name) const;

    void set_v(double v) { store_.v[0] = v; }
    void set_dt(double dt) { store_.data()->dt = dt; }
    void set_celsius(double c) { store_.data()->celsius = c; }
    double t() const { return t_; }

    // finitialize: t = 0, then the mechanism's INITIAL (NET_RECEIVE INITIAL is not run).
    void init();
    // One fixed step: currents at t + dt/2 (accumulators cleared first), then states to t + dt.
    void step();
    // The second half of a step alone: states from t to t + dt (after currents()).
    void advance();
    void steps(int n);
    // Currents alone at the present state (accumulators cleared first), as stage 2 of a step.
    void currents();
    // Delivers an event at the present t.
    void deliver(double weight, double flag = 0.0);

    mech_instance_data& data() { return *store_.data(); }
    testing::InstanceStore& store() { return store_; }

private:
    void clear_accumulators();
    const mech_mechanism* mechanism_;
    testing::InstanceStore store_;
    double t_ = 0.0;
};

} // namespace mech::library_test
