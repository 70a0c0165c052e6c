// Model: what to simulate, described by name, independent of any compiled mechanism —
// sections and how they connect, mechanisms inserted on them, point processes, stimuli and
// what to record. Names are resolved (and checked) when a Simulation is built from it.
#pragma once

#include "mech/gap_junction.hpp"
#include "mech/ids.hpp"
#include "mech/spike_source.hpp"
#include "mech/stimulus.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace mech {

// NEURON's section defaults.
struct SectionGeometry {
    double length = 100; // L, um
    double diam = 500;   // um
    int nseg = 1;
    double cm = 1;    // uF/cm2
    double Ra = 35.4; // axial resistivity, ohm cm
};

// The initial/default state of one ion species (NEURON's <ion>i0_<ion>_ion etc.).
struct IonDefaults {
    double internal = 1; // mM
    double external = 1; // mM
    double reversal = 0; // mV, used unless a mechanism reads or writes the concentrations
    int valence = 0;     // 0: taken from the mechanisms' USEION ... VALENCE
};

// A value assignment recorded by the Model and applied (and checked) when a Simulation is built.
struct Assignment {
    std::string name; // "gnabar_hh", "cm", "ena", ...
    double value = 0;
    std::optional<double> x; // the segment holding x; all segments when empty
};

struct SectionSpec {
    std::string name;
    SectionGeometry geometry;
    bool sphere = false; // one spherical compartment: area = pi*diam^2, no end nodes
    int parent = -1;     // section index, -1 for a root
    double parent_x = 1; // where on the parent this section's 0 end attaches
    std::vector<std::string> mechanisms; // inserted density mechanisms, in insertion order
    std::vector<Assignment> assignments; // in the order given
};

struct PointProcessSpec {
    std::string mechanism;
    int section = -1; // -1 for an artificial cell
    double x = 0.5;
    std::vector<Assignment> assignments; // field names without suffix
};

struct StimulusSpec {
    int section = -1;
    double x = 0.5;
    std::variant<IClamp, SEClamp, VClamp, CurrentWaveform> source;
};

// One recorded column. `variable` is "v", a density field "<field>_<suffix>", an ion quantity
// ("ina", "ena", "cai", "cao"), a point-process field, or a stimulus quantity ("i", "vc").
// A spike detector: upward crossings of `threshold` by v at (section, x), as a NEURON NetCon
// watching that voltage sees them.
// Or, when `point_process` >= 0, the spikes that point process emits with net_event (an
// artificial cell such as NetStim, or a WATCH-based integrate-and-fire process).
// Or, when `generator` holds a NetStim or VecStim, a built-in spike source (no section, no
// point process).
struct SpikeDetectorSpec {
    std::string name;
    int section = -1;
    double x = 0.5;
    double threshold = 10; // mV (NetCon's default)
    int point_process = -1;
    std::variant<std::monostate, NetStim, VecStim> generator;
};

// An electrical synapse between (section_a, x_a) and (section_b, x_b); each end sits on the
// node holding x, as a point process does.
struct GapJunctionSpec {
    int section_a = -1;
    double x_a = 0.5;
    int section_b = -1;
    double x_b = 0.5;
    GapJunction junction;
};

// A NetCon from a spike detector to a point process: each spike at t_s is delivered to the
// target's NET_RECEIVE at t_s + delay with this weight vector.
struct ConnectionSpec {
    std::string detector;
    int target = -1; // point process index
    std::vector<double> weight;
    double delay = 1; // ms
};

struct ProbeSpec {
    enum class Target { Location, PointProcess, Stimulus, GapJunction };
    std::string column;
    Target target = Target::Location;
    int index = -1; // section, point process or stimulus index
    double x = 0.5;
    std::string variable;
};

class Model {
public:
    // Sections. Names must be unique and non-empty; nseg >= 1; lengths and diameters > 0.
    SectionId add_section(std::string name, SectionGeometry geometry = {});
    // One spherical compartment of the given diameter (area pi*d^2), as teaching simulators use.
    SectionId add_sphere(std::string name, double diam, double cm = 1);
    SectionId section(std::string_view name) const; // throws if unknown
    void set_geometry(SectionId section, const SectionGeometry& geometry);

    // Attach `child`'s 0 end to `parent` at x (NEURON: child.connect(parent(x), 0)); the child
    // joins the node of the parent that holds x. Reconnecting replaces the old parent; a loop
    // is an error.
    void connect(SectionId child, SectionId parent, double parent_x = 1.0);
    void disconnect(SectionId child);

    // Density mechanisms and values on sections (NEURON-style names: "gnabar_hh", "ena", and the
    // per-segment geometry "cm" and "diam").
    void insert(SectionId section, std::string mechanism);
    void set(SectionId section, std::string name, double value);
    void set(SectionId section, double x, std::string name, double value);
    // A GLOBAL of a mechanism, "<name>_<suffix>".
    void set_global(std::string name, double value);
    void set_ion_defaults(std::string ion, IonDefaults defaults);

    // Point processes: x in [0, 1]; the process sits on the node holding x.
    PointProcessId add_point_process(SectionId section, double x, std::string mechanism);
    // An ARTIFICIAL_CELL mechanism (NetStim, IntFire...): event-driven, on no section.
    PointProcessId add_artificial_cell(std::string mechanism);
    void set(PointProcessId process, std::string field, double value);

    StimulusId add_stimulus(SectionId section, double x, IClamp clamp);
    StimulusId add_stimulus(SectionId section, double x, SEClamp clamp);
    StimulusId add_stimulus(SectionId section, double x, VClamp clamp);
    StimulusId add_stimulus(SectionId section, double x, CurrentWaveform waveform);

    // Recording: each call adds one named column (names unique; "t" is always recorded).
    void record_v(std::string column, SectionId section, double x);
    void record(std::string column, SectionId section, double x, std::string variable);
    void record(std::string column, PointProcessId process, std::string field);
    void record(std::string column, StimulusId stimulus, std::string variable);
    // Spike times: a crossing is seen at the first step start t_n with v(t_n) >= threshold
    // after a v below it, and reported as t_n (NEURON's fixed-step NetCon detection).
    void record_spikes(std::string name, SectionId section, double x, double threshold = 10);
    // A named spike source for the net_event calls of a point process or artificial cell.
    void record_spikes(std::string name, PointProcessId source);
    // A built-in spike source, named like a detector: connect_spikes and Simulation::spikes take
    // its name. NetStim needs interval, number >= 0 and finite start; VecStim times must be
    // finite, >= 0 and non-decreasing.
    void add_spike_source(std::string name, NetStim source);
    void add_spike_source(std::string name, VecStim source);
    // NetCon: spikes of the detector `detector` (made by record_spikes) reach `target` after
    // `delay` ms with `weight` (at most the target's NET_RECEIVE argument count). A delay must be
    // >= 0 here and >= dt for a Simulation: an event must not be due within the step that sent
    // it (threads exchange spikes once per minimum delay).
    void connect_spikes(std::string detector, PointProcessId target, std::vector<double> weight,
                        double delay = 1);

    // An electrical synapse between two locations (the same or different cells; not one node
    // with itself). g >= 0 and g_min in [0, g]; slope non-zero when rectifying.
    GapJunctionId add_gap_junction(SectionId a, double x_a, SectionId b, double x_b,
                                   GapJunction junction);
    // Records a junction's "i" (nA, from a to b) or "g" (uS), as computed in each step.
    void record(std::string column, GapJunctionId junction, std::string variable);

    // Read access for the simulator and for tools that print or save models.
    const std::vector<SectionSpec>& sections() const { return sections_; }
    const std::vector<PointProcessSpec>& point_processes() const { return points_; }
    const std::vector<StimulusSpec>& stimuli() const { return stimuli_; }
    const std::vector<ProbeSpec>& probes() const { return probes_; }
    const std::vector<SpikeDetectorSpec>& spike_detectors() const { return detectors_; }
    // Index in spike_detectors() of the detector called `name`, or -1.
    int32_t spike_detector_index(const std::string& name) const;
    const std::vector<ConnectionSpec>& connections() const { return connections_; }
    const std::vector<GapJunctionSpec>& gap_junctions() const { return gap_junctions_; }
    const std::vector<Assignment>& globals() const { return globals_; }
    const std::vector<std::pair<std::string, IonDefaults>>& ion_defaults() const {
        return ion_defaults_;
    }

private:
    SectionSpec& checked(SectionId id, const char* what);
    void add_probe(ProbeSpec probe);
    void add_detector(SpikeDetectorSpec spec);

    std::vector<SectionSpec> sections_;
    std::vector<PointProcessSpec> points_;
    std::vector<StimulusSpec> stimuli_;
    std::vector<ProbeSpec> probes_;
    std::vector<SpikeDetectorSpec> detectors_;
    std::unordered_map<std::string, int32_t> detector_index_; // name -> index in detectors_
    std::vector<ConnectionSpec> connections_;
    std::vector<GapJunctionSpec> gap_junctions_;
    std::vector<Assignment> globals_;
    std::vector<std::pair<std::string, IonDefaults>> ion_defaults_;
};

} // namespace mech
