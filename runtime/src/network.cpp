// Network: populations by gid, stimuli and drives on subsets of cells, gap junctions, the checks
// that need the compiled mechanisms, and spikes as (gid, t). Connection rules:
// connection_rules.cpp.
#include "mech/network.hpp"

#include "mech/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fmt/format.h>
#include <memory>

namespace mech {

GidSet GidSet::range(int first, int end) {
    if (end < first)
        throw Error(fmt::format("GidSet::range: end {} is before first {}", end, first));
    GidSet s;
    for (int g = first; g < end; ++g)
        s.gids.push_back(g);
    return s;
}

int Network::add_cells(const std::string& name, int size, bool cells,
                       const std::function<CellPorts(int gid)>& make) {
    if (name.empty())
        throw Error("add_population: a population needs a non-empty name");
    if (size < 0)
        throw Error(fmt::format("population '{}': size must be >= 0 (got {})", name, size));
    for (const auto& p : populations_)
        if (p.name == name)
            throw Error(fmt::format("a population named '{}' already exists", name));
    const int first = static_cast<int>(cells_.size());
    for (int i = 0; i < size; ++i) {
        CellPorts ports = make(first + i);
        const bool known =
            std::any_of(model_.spike_detectors().begin(), model_.spike_detectors().end(),
                        [&](const SpikeDetectorSpec& d) { return d.name == ports.spike_source; });
        if (!known)
            throw Error(fmt::format("population '{}', gid {}: the cell template reported spike "
                                    "source '{}', which the model does not have (make it with "
                                    "record_spikes or add_spike_source)",
                                    name, first + i, ports.spike_source));
        cells_.push_back(std::move(ports));
    }
    populations_.push_back(Population{name, first, size, cells});
    return first;
}

int Network::add_population(const std::string& name, int size, const CellTemplate& cell) {
    if (!cell)
        throw Error(fmt::format("population '{}': no cell template given", name));
    return add_cells(name, size, true, [&](int gid) { return cell(model_, gid); });
}

int Network::add_spike_sources(const std::string& name, int size, NetStim source) {
    return add_cells(name, size, false, [&](int gid) {
        NetStim s = source;
        s.seed = seed_;
        s.stream = static_cast<uint64_t>(gid);
        CellPorts ports;
        ports.spike_source = fmt::format("{}[{}]", name, gid);
        model_.add_spike_source(ports.spike_source, s);
        return ports;
    });
}

int Network::add_spike_sources(const std::string& name, std::vector<VecStim> trains) {
    const int first = size();
    return add_cells(name, static_cast<int>(trains.size()), false, [&](int gid) {
        CellPorts ports;
        ports.spike_source = fmt::format("{}[{}]", name, gid);
        model_.add_spike_source(ports.spike_source, std::move(trains[gid - first]));
        return ports;
    });
}

const CellPorts& Network::cell(int gid) const {
    if (gid < 0 || gid >= size())
        throw Error(
            fmt::format("no cell with gid {} (the network has gids 0 to {})", gid, size() - 1));
    return cells_[static_cast<std::size_t>(gid)];
}

std::pair<int, int> Network::population(const std::string& name) const {
    const Population& p = population_named(name, "population");
    return {p.first, p.size};
}

const Network::Population& Network::population_named(const std::string& name,
                                                     const std::string& where) const {
    for (const auto& p : populations_)
        if (p.name == name)
            return p;
    std::string known;
    for (const auto& p : populations_)
        known += (known.empty() ? "" : ", ") + p.name;
    throw Error(fmt::format("{}: no population named '{}' (known: {})", where, name,
                            known.empty() ? "none" : known));
}

namespace {

const Location& location_of(const CellPorts& cell, int gid, const std::string& name,
                            const std::string& where) {
    auto it = cell.locations.find(name);
    if (it == cell.locations.end())
        throw Error(fmt::format("{}: cell gid {} has no location named '{}'", where, gid, name));
    return it->second;
}

} // namespace

void Network::add_stimulus(const GidSet& cells, const std::string& location, IClamp clamp) {
    for (int gid : cells.gids) {
        const auto where = fmt::format("IClamp at '{}' of gid {}", location, gid);
        const Location& at = location_of(cell(gid), gid, location, where);
        model_.add_stimulus(at.section, at.x, clamp);
    }
}

void Network::add_drive(const GidSet& cells, const std::string& receptor, NetStim source,
                        std::vector<double> weight, double delay) {
    if (!(delay >= 0) || !std::isfinite(delay))
        throw Error(fmt::format("drive {}: delay must be >= 0 (got {} ms)", drives_, delay));
    const int drive = drives_++;
    for (int gid : cells.gids) {
        const auto where = fmt::format("drive {} of gid {}", drive, gid);
        const CellPorts& ports = cell(gid);
        auto it = ports.receptors.find(receptor);
        if (it == ports.receptors.end())
            throw Error(fmt::format("{}: the cell has no receptor named '{}'", where, receptor));
        NetStim s = source;
        s.seed = seed_;
        // Streams of drives never meet those of source populations (stream = gid < 2^32).
        s.stream = random::hash_keys(0xD41F3, static_cast<uint64_t>(drive),
                                     static_cast<uint64_t>(gid), 0) |
                   (1ull << 63);
        const auto name = fmt::format("drive{}[{}]", drive, gid);
        model_.add_spike_source(name, s);
        NetConnection c{-1, gid, weight, delay, -1};
        model_.connect_spikes(name, it->second, weight, delay);
        connections_.push_back(std::move(c));
        connection_target_.push_back(it->second);
    }
}

GapJunctionId Network::add_gap_junction(int gid_a, const std::string& location_a, int gid_b,
                                        const std::string& location_b, GapJunction junction) {
    const auto where =
        fmt::format("gap junction gid {} '{}' - gid {} '{}'", gid_a, location_a, gid_b, location_b);
    const Location& a = location_of(cell(gid_a), gid_a, location_a, where);
    const Location& b = location_of(cell(gid_b), gid_b, location_b, where);
    return model_.add_gap_junction(a.section, a.x, b.section, b.x, junction);
}

void Network::check(const Catalogue& catalogue, const SimOptions& options) const {
    const auto& points = model_.point_processes();
    for (std::size_t k = 0; k < connections_.size(); ++k) {
        const NetConnection& c = connections_[k];
        const auto where =
            c.projection >= 0
                ? fmt::format("projection '{}' -> '{}' ({}), connection gid {} -> gid {}",
                              projections_[c.projection].source, projections_[c.projection].target,
                              projections_[c.projection].receptor, c.source, c.target)
                : fmt::format("drive of gid {}", c.target);
        const std::string& mech_name = points[connection_target_[k].index].mechanism;
        const mech_mechanism* m = catalogue.find(mech_name);
        if (m == nullptr)
            throw Error(fmt::format("{}: the target mechanism '{}' is not in the catalogue", where,
                                    mech_name));
        if (m->net_receive == nullptr)
            throw Error(fmt::format("{}: the target mechanism '{}' has no NET_RECEIVE block, so it "
                                    "cannot receive events",
                                    where, mech_name));
        const auto n_args = static_cast<std::size_t>(m->n_net_receive_args);
        if (c.weight.empty() || c.weight.size() > n_args)
            throw Error(fmt::format("{}: weight vector of length {}, but {}'s NET_RECEIVE takes {} "
                                    "argument(s) (give 1 to {})",
                                    where, c.weight.size(), mech_name, n_args, n_args));
        if (c.delay < options.dt)
            throw Error(fmt::format("{}: delay {} ms is shorter than the time step dt = {} ms (an "
                                    "event must not arrive within the step that sent it)",
                                    where, c.delay, options.dt));
    }
}

Simulation Network::simulate(const Catalogue& catalogue, const SimOptions& options) const {
    check(catalogue, options);
    return Simulation(model_, catalogue, options);
}

std::vector<Spike> Network::spikes(const Simulation& sim) const {
    std::vector<Spike> out;
    for (int gid = 0; gid < size(); ++gid)
        for (double t : sim.spikes(cells_[static_cast<std::size_t>(gid)].spike_source))
            out.push_back(Spike{gid, t});
    std::stable_sort(out.begin(), out.end(),
                     [](const Spike& a, const Spike& b) { return a.t < b.t; });
    return out;
}

void write_spikes_csv(const std::string& path, const std::vector<Spike>& spikes) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "w"), &std::fclose);
    if (!f)
        throw Error(fmt::format("cannot write spikes to '{}'", path));
    bool ok = std::fputs("gid,t\n", f.get()) >= 0;
    for (const Spike& s : spikes)
        ok = ok && std::fprintf(f.get(), "%d,%.10g\n", s.gid, s.t) > 0;
    if (!ok || std::fflush(f.get()) != 0)
        throw Error(fmt::format("error while writing spikes to '{}'", path));
}

} // namespace mech
