// Networks in the C++ API: populations of cells built from a template and numbered by global id
// (gid), connection rules whose random choices, weights and delays come from counter-based
// streams keyed by (seed, projection, gids, k) — so a network never depends on build order or
// threads — stimuli on subsets of cells, gap junctions, validation before the run, and spikes as
// (gid, t). A Network writes into a Model; everything a Model can do stays available.
#pragma once

#include "mech/catalogue.hpp"
#include "mech/distribution.hpp"
#include "mech/gap_junction.hpp"
#include "mech/model.hpp"
#include "mech/simulation.hpp"
#include "mech/spike_source.hpp"
#include "mech/stimulus.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace mech {

struct Location {
    SectionId section;
    double x = 0.5;
};

// What a cell template reports about the cell it built.
struct CellPorts {
    std::string spike_source;                        // a detector or source name in the Model
    std::map<std::string, PointProcessId> receptors; // event targets by name ("syn", "ampa")
    std::map<std::string, Location> locations;       // sites for stimuli and gap junctions
};
// Builds the cell `gid` into `model` (section names must be unique: put the gid in them).
using CellTemplate = std::function<CellPorts(Model& model, int gid)>;

// Connection rules (NEST's names). Sources and targets are the two populations' cells.
struct AllToAll {};
struct FixedProbability {
    double p = 0.1; // each (source, target) pair independently
};
struct FixedInDegree {
    int n = 1;             // sources per target
    bool multapses = true; // the same source may be drawn twice
};
struct FixedOutDegree {
    int n = 1; // targets per source
    bool multapses = true;
};
struct ExplicitConnection {
    int source = 0; // gids
    int target = 0;
    std::optional<std::vector<double>> weight; // overrides the projection's weight
    std::optional<double> delay;               // ms, overrides the projection's delay
};
struct ExplicitList {
    std::vector<ExplicitConnection> connections;
};
using ConnectionRule =
    std::variant<AllToAll, FixedProbability, FixedInDegree, FixedOutDegree, ExplicitList>;

struct Projection {
    std::string source;   // population name
    std::string target;   // population name
    std::string receptor; // receptor name in the target cells' CellPorts
    ConnectionRule rule = AllToAll{};
    // The NET_RECEIVE weight vector: one distribution per argument given (1 .. the target's
    // argument count; the rest are 0, as NEURON's NetCon weight vector).
    std::vector<Distribution> weight = {Distribution::constant(1)};
    Distribution delay = Distribution::constant(1); // ms; must be >= dt (checked before the run)
    bool autapses = false;                          // a cell may connect to itself (same gid)
    // Keys the projection's random stream together with (source, target, receptor): two
    // projections between the same populations and receptor need different values.
    uint64_t stream = 0;
};

// Cells by gid: a half-open range or an explicit list.
struct GidSet {
    std::vector<int> gids;
    static GidSet range(int first, int end); // first .. end-1
    static GidSet list(std::vector<int> gids) { return GidSet{std::move(gids)}; }
};

struct Spike {
    int gid = 0;
    double t = 0; // ms
    friend bool operator==(const Spike&, const Spike&) = default;
};

struct NetConnection {
    int source = 0, target = 0; // gids; source is -1 for a drive (its private NetStim)
    std::vector<double> weight;
    double delay = 0;
    int projection = -1; // index in projections(); -1 for drives
};

class Network {
public:
    explicit Network(uint64_t seed = 0) : seed_(seed) {}

    Model& model() { return model_; }
    const Model& model() const { return model_; }
    uint64_t seed() const { return seed_; }

    // `size` cells built by `cell(model, gid)` with consecutive gids; returns the first gid.
    int add_population(const std::string& name, int size, const CellTemplate& cell);
    // `size` NetStims (each stream = its gid, seed = the network's), or one VecStim per train.
    int add_spike_sources(const std::string& name, int size, NetStim source);
    int add_spike_sources(const std::string& name, std::vector<VecStim> trains);

    // Generates the connections of `p` now; throws mech::Error naming the projection for an
    // unknown population or receptor, an explicit gid outside its population, a negative
    // delay, an empty weight vector, or a rule that cannot be met.
    void connect(const Projection& p);

    // An IClamp at the named location of each listed cell.
    void add_stimulus(const GidSet& cells, const std::string& location, IClamp clamp);
    // A private NetStim for each listed cell (its own stream), feeding `receptor` through a
    // NetCon with this weight and delay.
    void add_drive(const GidSet& cells, const std::string& receptor, NetStim source,
                   std::vector<double> weight, double delay = 1);
    // An electrical synapse between named locations of two cells (or of one).
    GapJunctionId add_gap_junction(int gid_a, const std::string& location_a, int gid_b,
                                   const std::string& location_b, GapJunction junction);

    // Checks what needs the compiled mechanisms and the step: each receptor's mechanism exists
    // and has NET_RECEIVE, each weight vector fits its argument count, each delay >= dt.
    // Throws mech::Error naming the first offending connection.
    void check(const Catalogue& catalogue, const SimOptions& options) const;
    // check(), then a Simulation of the model.
    Simulation simulate(const Catalogue& catalogue, const SimOptions& options) const;

    int size() const { return static_cast<int>(cells_.size()); } // gids are 0 .. size()-1
    const CellPorts& cell(int gid) const;                        // throws if unknown
    // (first gid, size) of a population; throws if unknown.
    std::pair<int, int> population(const std::string& name) const;
    const std::vector<NetConnection>& connections() const { return connections_; }
    const std::vector<Projection>& projections() const { return projections_; }

    // Every spike of the last run, sorted by time then gid.
    std::vector<Spike> spikes(const Simulation& sim) const;

private:
    struct Population {
        std::string name;
        int first = 0, size = 0;
        bool cells = true; // false: spike sources (no receptors)
    };
    int add_cells(const std::string& name, int size, bool cells,
                  const std::function<CellPorts(int gid)>& make);
    const Population& population_named(const std::string& name, const std::string& where) const;
    void add_connection(NetConnection c, PointProcessId target, const std::string& where);

    uint64_t seed_;
    Model model_;
    std::vector<Population> populations_;
    std::vector<CellPorts> cells_; // by gid
    std::vector<Projection> projections_;
    std::vector<NetConnection> connections_;
    std::vector<PointProcessId> connection_target_; // per connection
    int drives_ = 0;
};

// Writes "gid,t" lines (t as %.10g) after a header; throws mech::Error on I/O errors.
void write_spikes_csv(const std::string& path, const std::vector<Spike>& spikes);

} // namespace mech
