// The plain description of a model file: what the user asked for, with the source position of
// every item so that later checks (against compiled mechanisms) can still point at the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mech::model {

// A position in the model file (1-based); line 0 means "not from the file" (e.g. a --set override).
struct Loc {
    int line = 0;
    int column = 0;
};

// A point on a cell, written "soma(0.5)" or "cell.soma(0.5)"; x = 0.5 when "(x)" is left out.
struct Location {
    std::string cell;  // empty: the model's only cell
    std::string section;
    double x = 0.5;
    Loc loc;
};

// One `name = number` setting of a mechanism or device.
struct ParamValue {
    std::string name;
    double value = 0;
    Loc loc;
};

// A density mechanism inserted in a section, with the parameters set in its own table.
struct MechanismUse {
    std::string name;  // SUFFIX, e.g. "hh"
    Loc loc;
    std::vector<ParamValue> params;  // the mechanism's own names, e.g. "gnabar"
};

struct SectionDesc {
    std::string name;
    Loc loc;
    double length = 0;  // L (um)
    double diam = 0;    // (um)
    int nseg = 1;
    double cm = 1.0;    // (uF/cm2)
    double Ra = 35.4;   // (ohm cm)
    std::string parent; // empty: a root section
    double parent_x = 1.0;  // where on the parent this section's 0 end attaches
    bool sphere = false;    // one spherical compartment of diameter `diam` (area pi diam^2)
    Loc parent_loc;
    std::vector<MechanismUse> mechanisms;
    // NEURON-style settings (gnabar_hh, ena, cai, ...): resolved once the mechanisms are loaded.
    std::vector<ParamValue> neuron_style;
};

struct CellDesc {
    std::string name;
    Loc loc;
    std::string template_name;  // empty when the sections are written inline
    int gid = -1;               // a population's cell "pop[k]": its gid; -1 for a named cell
    std::vector<SectionDesc> sections;  // in file order; the first root section is the cell's root
};

enum class StimulusKind { IClamp, SEClamp, Waveform };

struct StimulusDesc {
    std::string name;
    Loc loc;
    StimulusKind kind = StimulusKind::IClamp;
    Location at;
    // `cells`: gids of population cells; the stimulus is copied to each (as "name[gid]") at `at`.
    std::vector<int> gids;
    Loc cells_loc;
    std::vector<ParamValue> params;  // IClamp: amp, del, dur; SEClamp: dur1..3, amp1..3, rs
    // Waveform: a current (nA) as a piecewise-linear table of (t, i) or a muParser expression of t.
    std::vector<double> times;
    std::vector<double> values;  // linear interpolation, held at the end values outside
    std::string expression;
    Loc expression_loc;
};

struct PointProcessDesc {
    std::string name;
    Loc loc;
    std::string mechanism;  // POINT_PROCESS name, e.g. "ExpSyn"
    Loc mechanism_loc;
    Location at;
    std::vector<ParamValue> params;
};

struct ProbeDesc {
    std::string name;  // the CSV column
    Loc loc;
    std::string variable;  // "v", "m_hh", "m" (with mechanism), "ina", "cai", or a point field
    Loc variable_loc;
    std::string mechanism;  // optional: the density mechanism that owns `variable`
    std::optional<Location> at;  // for v, mechanism fields and ion quantities
    std::string point;  // a point process or stimulus name, for its fields
    Loc point_loc;
    int every = 0;  // sample every k steps; 0: output.every
};

struct SimulationDesc {
    double tstop = 0;  // (ms)
    double dt = 0.025; // (ms)
    double celsius = 6.3;
    double v_init = -65;
    int threads = 1;
    Loc loc;
    Loc tstop_loc;
};

struct OutputDesc {
    std::string traces = "traces.csv";
    bool plot = true;
    std::string plot_file = "traces.png";
    std::vector<std::string> probes;  // which probes to write; empty: all
    std::vector<Loc> probe_locs;
    int every = 1;  // probes sampled at this period go to `traces`; others to traces_every<k>.csv
    double spike_threshold = 0;  // (mV) upward crossings of voltage probes counted as spikes
    Loc loc;
};

// A spike source built into the runtime: NetStim (regular ... Poisson) or VecStim. Each of its
// `count` sources gets a gid after the populations' cells (file order), stream = gid.
struct SpikeSourceDesc {
    std::string name;
    Loc loc;
    bool vecstim = false;
    double interval = 10, number = 10, start = 50, noise = 0;  // NetStim, NEURON's defaults
    std::vector<double> times;  // VecStim: ms, non-decreasing
    int count = 1;
    bool has_count = false;  // a group (`count` given): only projections may use it
    int first_gid = 0;
};

// A NetCon: spikes of a source reach a point process' NET_RECEIVE after `delay` with `weight`.
struct ConnectionDesc {
    std::string name;
    Loc loc;
    std::string source;             // a spike source, or a cell (v at its root section's middle)
    std::optional<Location> source_at;  // or v at this location
    Loc source_loc;
    double threshold = 10;  // mV, for voltage sources (NetCon's default)
    std::string target;     // a point process
    Loc target_loc;
    std::vector<double> weight = {1.0};
    Loc weight_loc;
    double delay = 1;  // ms
};

// Initial values of one ion species ([ions.na]); unset values keep the runtime's defaults.
struct IonDesc {
    std::string name;
    Loc loc;
    std::optional<double> internal;  // mM
    std::optional<double> external;  // mM
    std::optional<double> reversal;  // mV
    int valence = 0;                 // 0: from the mechanisms' USEION ... VALENCE
};

// [populations.NAME]: `count` cells built from a template; cell k is also a cell "NAME[k]" of
// the description (so probes, stimuli and gap junctions can name it) with gid first_gid + k.
struct PopulationDesc {
    std::string name;
    Loc loc;
    std::string template_name;
    int count = 0;
    double threshold = 10;  // mV, the cells' spike detector (NetCon's default)
    int first_gid = 0;
    std::size_t first_cell = 0;  // index of cell NAME[0] in ModelDescription::cells
};

// A weight or delay: a number or { dist = "uniform", low, high } / normal(mean, sd) /
// exponential(mean), optionally truncated to [min, max].
struct DistributionDesc {
    enum class Kind { Constant, Uniform, Normal, Exponential } kind = Kind::Constant;
    double p1 = 0, p2 = 0;
    std::optional<double> min, max;
    Loc loc;
};

// The point process a projection or drive creates in each target cell.
struct ReceptorDesc {
    std::string mechanism;
    Loc mechanism_loc;
    Location at;
    std::vector<ParamValue> params;
    Loc loc;
};

struct ExplicitPairDesc {
    int source = 0, target = 0;  // indices within the source and target populations
    std::optional<double> weight;  // [source, target, weight, delay]: override the projection's
    std::optional<double> delay;   // ms
    Loc loc;
};

struct ProjectionDesc {
    std::string name;  // `name`, or "projections[i]"
    std::string path;  // the table in messages: "projections[i]" or "projections.NAME"
    Loc loc;
    std::string source;  // a population or a spike-source group
    Loc source_loc;
    std::string target;  // a population
    Loc target_loc;
    ReceptorDesc receptor;
    enum class Rule { AllToAll, FixedProbability, FixedInDegree, FixedOutDegree, Explicit } rule = Rule::AllToAll;
    Loc rule_loc;
    double p = 0;
    int n = 0;
    bool multapses = true;
    std::vector<ExplicitPairDesc> pairs;
    std::vector<DistributionDesc> weight;  // one per NET_RECEIVE argument given
    Loc weight_loc;
    DistributionDesc delay;
    bool autapses = false;
};

// A private NetStim per listed cell feeding a receptor created in that cell.
struct DriveDesc {
    std::string name;
    std::string path;
    Loc loc;
    std::vector<int> gids;
    Loc cells_loc;
    ReceptorDesc receptor;
    double interval = 10, number = 10, start = 50, noise = 0;
    std::vector<double> weight = {1.0};
    Loc weight_loc;
    double delay = 1;
    Loc delay_loc;
};

struct GapJunctionDesc {
    std::string name;  // for probes "name.i", "name.g"; "gap_junctions[i]" when not given
    std::string path;
    Loc loc;
    Location a, b;
    double g = 0.001;  // uS
    bool rectifying = false;
    double g_min = 0, v_half = 0, slope = 1;
};

struct ModelDescription {
    std::string file;       // the model file, as given
    std::string directory;  // its folder: relative paths are resolved from here
    std::string title;
    SimulationDesc simulation;
    std::vector<std::string> mechanism_paths;  // absolute, in search order
    std::vector<std::string> catalogues;       // absolute paths of ahead-of-time catalogues
    Loc mechanism_paths_loc;
    std::vector<ParamValue> globals;  // GLOBALs by NEURON name, e.g. "usetable_hh"
    std::vector<IonDesc> ions;
    std::vector<CellDesc> cells;
    std::vector<StimulusDesc> stimuli;
    std::vector<PointProcessDesc> point_processes;
    std::vector<ProbeDesc> probes;
    std::vector<SpikeSourceDesc> spike_sources;
    std::vector<ConnectionDesc> connections;
    std::vector<PopulationDesc> populations;
    std::vector<ProjectionDesc> projections;
    std::vector<DriveDesc> drives;
    std::vector<GapJunctionDesc> gap_junctions;
    std::uint64_t seed = 0;  // [network] seed: connection rules, distributions, noisy NetStims
    OutputDesc output;
};

}  // namespace mech::model
