// Turns a checked ModelDescription into the runtime's mech::Model, loading the mechanisms it
// names and checking everything against them (names, kinds, declared limits) with located errors.
#pragma once

#include <string>
#include <vector>

#include <mech/model.hpp>
#include <mech/network.hpp>
#include <mech/simulation.hpp>

#include "mechanism_loader.hpp"
#include "model_description.hpp"

namespace mech::model {

// One recorded column of the traces, in output order.
struct ColumnInfo {
    std::string name;
    std::string units;  // "mV", "nA", "mA/cm2", a mechanism field's declared units, ...
    bool voltage = false;  // a membrane potential: counted for spikes and summaries
    int every = 1;         // sampling period in steps
};

// A population or spike-source group of the network, for the run summary.
struct GroupInfo {
    std::string name;
    int first_gid = 0, count = 0;
    bool sources = false;
};

struct BuiltModel {
    // The model lives in the network (populations are built by it); a model without
    // populations is a network of its spike sources only.
    mech::Network network;
    mech::SimOptions options;
    std::vector<ColumnInfo> columns;  // what the user asked to write (output.probes, or all probes)
    // One spike detector per named cell (named after it) at its root section's middle, with
    // output.spike_threshold.
    std::vector<std::string> spike_detectors;
    std::vector<GroupInfo> groups;  // populations, then spike sources, in gid order
    bool has_populations = false;   // spikes.csv is "gid,t"
};

// Throws ModelError (located in the model file) for unknown mechanisms, fields, ion quantities,
// wrong mechanism kinds and values outside declared limits.
BuiltModel build_model(const ModelDescription& description, MechanismLoader& loader);

// The loader a model asks for: its catalogues, its search paths, then the standard library.
std::unique_ptr<MechanismLoader> make_loader(const ModelDescription& description);

}  // namespace mech::model
