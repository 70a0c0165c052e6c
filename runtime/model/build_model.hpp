// Turns a checked ModelDescription into the runtime's mech::Model, loading the mechanisms it
// names and checking everything against them (names, kinds, declared limits) with located errors.
#pragma once

#include <string>
#include <vector>

#include <mech/model.hpp>
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

// A network event known before the run (from a spike source), queued after initialisation.
struct QueuedEvent {
    PointProcessId target;
    double time = 0;  // ms: spike time + connection delay
    std::vector<double> weight;
};

struct BuiltModel {
    mech::Model model;
    mech::SimOptions options;
    std::vector<ColumnInfo> columns;  // what the user asked to write (output.probes, or all probes)
    // One spike detector per cell (named after it) at its root section's middle, with
    // output.spike_threshold.
    std::vector<std::string> spike_detectors;
    std::vector<QueuedEvent> events;  // in time order
};

// Throws ModelError (located in the model file) for unknown mechanisms, fields, ion quantities,
// wrong mechanism kinds and values outside declared limits.
BuiltModel build_model(const ModelDescription& description, MechanismLoader& loader);

// The loader a model asks for: its catalogues, its search paths, then the standard library.
std::unique_ptr<MechanismLoader> make_loader(const ModelDescription& description);

}  // namespace mech::model
