// Model building: checks each request where it is made (so errors point at the call) and
// records it by name for the Simulation to resolve.
#include "mech/model.hpp"

#include "mech/error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace mech {

namespace {

void check_geometry(const std::string& name, const SectionGeometry& g) {
    if (g.nseg < 1)
        throw Error(fmt::format("section '{}': nseg must be at least 1 (got {})", name, g.nseg));
    if (!(g.length > 0) || !std::isfinite(g.length))
        throw Error(fmt::format("section '{}': L must be positive (got {} um)", name, g.length));
    if (!(g.diam > 0) || !std::isfinite(g.diam))
        throw Error(fmt::format("section '{}': diam must be positive (got {} um)", name, g.diam));
    if (!(g.cm >= 0) || !std::isfinite(g.cm))
        throw Error(fmt::format("section '{}': cm must be >= 0 (got {} uF/cm2)", name, g.cm));
    if (!(g.Ra > 0) || !std::isfinite(g.Ra))
        throw Error(fmt::format("section '{}': Ra must be positive (got {} ohm cm)", name, g.Ra));
}

void check_x(const std::string& where, double x) {
    if (!(x >= 0 && x <= 1))
        throw Error(fmt::format("{}: position x = {} is outside [0, 1]", where, x));
}

} // namespace

SectionSpec& Model::checked(SectionId id, const char* what) {
    if (id.index < 0 || id.index >= static_cast<int32_t>(sections_.size()))
        throw Error(fmt::format("{}: invalid section handle {}", what, id.index));
    return sections_[id.index];
}

SectionId Model::add_section(std::string name, SectionGeometry geometry) {
    if (name.empty())
        throw Error("a section needs a non-empty name");
    for (const auto& s : sections_)
        if (s.name == name)
            throw Error(fmt::format("a section named '{}' already exists", name));
    check_geometry(name, geometry);
    SectionSpec s;
    s.name = std::move(name);
    s.geometry = geometry;
    sections_.push_back(std::move(s));
    return SectionId{static_cast<int32_t>(sections_.size() - 1)};
}

SectionId Model::add_sphere(std::string name, double diam, double cm) {
    SectionGeometry g;
    g.length = diam;
    g.diam = diam;
    g.cm = cm;
    SectionId id = add_section(std::move(name), g);
    sections_[id.index].sphere = true;
    return id;
}

SectionId Model::section(std::string_view name) const {
    for (std::size_t i = 0; i < sections_.size(); ++i)
        if (sections_[i].name == name)
            return SectionId{static_cast<int32_t>(i)};
    throw Error(fmt::format("no section named '{}'", name));
}

void Model::set_geometry(SectionId id, const SectionGeometry& geometry) {
    auto& s = checked(id, "set_geometry");
    check_geometry(s.name, geometry);
    if (s.sphere && geometry.nseg != 1)
        throw Error(fmt::format("section '{}': a spherical compartment has nseg = 1", s.name));
    s.geometry = geometry;
}

void Model::connect(SectionId child, SectionId parent, double parent_x) {
    auto& c = checked(child, "connect");
    auto& p = checked(parent, "connect");
    check_x(fmt::format("connect '{}' to '{}'", c.name, p.name), parent_x);
    if (c.sphere)
        throw Error(fmt::format("connect '{}' to '{}': a spherical compartment can only be the "
                                "root of a cell",
                                c.name, p.name));
    for (int s = parent.index; s >= 0; s = sections_[s].parent)
        if (s == child.index)
            throw Error(fmt::format("connecting '{}' to '{}' would make a loop", c.name, p.name));
    c.parent = parent.index;
    c.parent_x = parent_x;
}

void Model::disconnect(SectionId child) {
    checked(child, "disconnect").parent = -1;
}

void Model::insert(SectionId id, std::string mechanism) {
    auto& s = checked(id, "insert");
    if (mechanism.empty())
        throw Error(fmt::format("section '{}': empty mechanism name", s.name));
    for (const auto& m : s.mechanisms)
        if (m == mechanism)
            return; // NEURON: inserting twice is harmless
    s.mechanisms.push_back(std::move(mechanism));
}

void Model::set(SectionId id, std::string name, double value) {
    checked(id, "set").assignments.push_back(Assignment{std::move(name), value, std::nullopt});
}

void Model::set(SectionId id, double x, std::string name, double value) {
    auto& s = checked(id, "set");
    check_x(fmt::format("section '{}', setting {}", s.name, name), x);
    s.assignments.push_back(Assignment{std::move(name), value, x});
}

void Model::set_global(std::string name, double value) {
    globals_.push_back(Assignment{std::move(name), value, std::nullopt});
}

void Model::set_ion_defaults(std::string ion, IonDefaults defaults) {
    for (auto& [name, d] : ion_defaults_)
        if (name == ion) {
            d = defaults;
            return;
        }
    ion_defaults_.emplace_back(std::move(ion), defaults);
}

PointProcessId Model::add_point_process(SectionId id, double x, std::string mechanism) {
    auto& s = checked(id, "add_point_process");
    check_x(fmt::format("section '{}', point process {}", s.name, mechanism), x);
    points_.push_back(PointProcessSpec{std::move(mechanism), id.index, x, {}});
    return PointProcessId{static_cast<int32_t>(points_.size() - 1)};
}

void Model::set(PointProcessId id, std::string field, double value) {
    if (id.index < 0 || id.index >= static_cast<int32_t>(points_.size()))
        throw Error(fmt::format("set: invalid point process handle {}", id.index));
    points_[id.index].assignments.push_back(Assignment{std::move(field), value, std::nullopt});
}

StimulusId Model::add_stimulus(SectionId id, double x, IClamp clamp) {
    auto& s = checked(id, "IClamp");
    check_x(fmt::format("section '{}', IClamp", s.name), x);
    if (clamp.dur < 0)
        throw Error(fmt::format("section '{}', IClamp: dur must be >= 0", s.name));
    stimuli_.push_back(StimulusSpec{id.index, x, clamp});
    return StimulusId{static_cast<int32_t>(stimuli_.size() - 1)};
}

StimulusId Model::add_stimulus(SectionId id, double x, SEClamp clamp) {
    auto& s = checked(id, "SEClamp");
    check_x(fmt::format("section '{}', SEClamp", s.name), x);
    if (!(clamp.rs > 0))
        throw Error(fmt::format("section '{}', SEClamp: rs must be positive (got {} MOhm)", s.name,
                                clamp.rs));
    stimuli_.push_back(StimulusSpec{id.index, x, clamp});
    return StimulusId{static_cast<int32_t>(stimuli_.size() - 1)};
}

StimulusId Model::add_stimulus(SectionId id, double x, VClamp clamp) {
    auto& s = checked(id, "VClamp");
    check_x(fmt::format("section '{}', VClamp", s.name), x);
    if (!(clamp.rstim > 0) || !(clamp.gain >= 0) || !(clamp.tau1 >= 0) || !(clamp.tau2 >= 0))
        throw Error(
            fmt::format("section '{}', VClamp: needs rstim > 0 and gain, tau1, tau2 >= 0", s.name));
    for (double d : clamp.dur)
        if (!(d >= 0))
            throw Error(fmt::format("section '{}', VClamp: durations must be >= 0", s.name));
    stimuli_.push_back(StimulusSpec{id.index, x, clamp});
    return StimulusId{static_cast<int32_t>(stimuli_.size() - 1)};
}

StimulusId Model::add_stimulus(SectionId id, double x, CurrentWaveform w) {
    auto& s = checked(id, "current waveform");
    const std::string where = fmt::format("section '{}', current waveform", s.name);
    check_x(where, x);
    if (w.expression.empty()) {
        if (w.times.empty() || w.times.size() != w.currents.size())
            throw Error(fmt::format("{}: needs equally many times and currents (got {} and {})",
                                    where, w.times.size(), w.currents.size()));
        for (std::size_t k = 1; k < w.times.size(); ++k)
            if (!(w.times[k] > w.times[k - 1]))
                throw Error(fmt::format("{}: times must increase (t[{}] = {} after {})", where, k,
                                        w.times[k], w.times[k - 1]));
    } else if (!w.times.empty()) {
        throw Error(fmt::format("{}: give either a table or an expression, not both", where));
    }
    stimuli_.push_back(StimulusSpec{id.index, x, std::move(w)});
    return StimulusId{static_cast<int32_t>(stimuli_.size() - 1)};
}

void Model::add_probe(ProbeSpec probe) {
    if (probe.column.empty() || probe.column == "t")
        throw Error(fmt::format("record: invalid column name '{}'", probe.column));
    for (const auto& p : probes_)
        if (p.column == probe.column)
            throw Error(fmt::format("record: a column named '{}' already exists", probe.column));
    probes_.push_back(std::move(probe));
}

void Model::record_v(std::string column, SectionId id, double x) {
    record(std::move(column), id, x, "v");
}

void Model::record(std::string column, SectionId id, double x, std::string variable) {
    auto& s = checked(id, "record");
    check_x(fmt::format("section '{}', recording {}", s.name, variable), x);
    add_probe(ProbeSpec{std::move(column), ProbeSpec::Target::Location, id.index, x,
                        std::move(variable)});
}

void Model::add_detector(SpikeDetectorSpec spec) {
    if (spec.name.empty())
        throw Error("record_spikes: a spike detector needs a name");
    // By name through a map: networks make one detector per cell and connect them by name.
    const auto index = static_cast<int32_t>(detectors_.size());
    if (!detector_index_.emplace(spec.name, index).second)
        throw Error(
            fmt::format("record_spikes: a detector named '{}' already exists", spec.name));
    detectors_.push_back(std::move(spec));
}

int32_t Model::spike_detector_index(const std::string& name) const {
    const auto it = detector_index_.find(name);
    return it == detector_index_.end() ? -1 : it->second;
}

void Model::record_spikes(std::string name, SectionId id, double x, double threshold) {
    auto& s = checked(id, "record_spikes");
    check_x(fmt::format("section '{}', spike detector '{}'", s.name, name), x);
    if (!std::isfinite(threshold))
        throw Error(fmt::format("record_spikes '{}': threshold must be finite", name));
    add_detector(SpikeDetectorSpec{std::move(name), id.index, x, threshold, -1, {}});
}

void Model::record_spikes(std::string name, PointProcessId source) {
    if (source.index < 0 || source.index >= static_cast<int32_t>(points_.size()))
        throw Error(fmt::format("record_spikes: invalid point process handle {}", source.index));
    add_detector(SpikeDetectorSpec{std::move(name), -1, 0, 0, source.index, {}});
}

PointProcessId Model::add_artificial_cell(std::string mechanism) {
    if (mechanism.empty())
        throw Error("add_artificial_cell: empty mechanism name");
    points_.push_back(PointProcessSpec{std::move(mechanism), -1, 0, {}});
    return PointProcessId{static_cast<int32_t>(points_.size() - 1)};
}

void Model::connect_spikes(std::string detector, PointProcessId target, std::vector<double> weight,
                           double delay) {
    if (target.index < 0 || target.index >= static_cast<int32_t>(points_.size()))
        throw Error(fmt::format("connect_spikes: invalid point process handle {}", target.index));
    if (spike_detector_index(detector) < 0)
        throw Error(fmt::format("connect_spikes: no spike detector named '{}' (make one with "
                                "record_spikes first)",
                                detector));
    if (!(delay >= 0) || !std::isfinite(delay))
        throw Error(fmt::format("connect_spikes from '{}': delay must be >= 0 (got {} ms)",
                                detector, delay));
    connections_.push_back(
        ConnectionSpec{std::move(detector), target.index, std::move(weight), delay});
}

void Model::record(std::string column, PointProcessId id, std::string field) {
    if (id.index < 0 || id.index >= static_cast<int32_t>(points_.size()))
        throw Error(fmt::format("record: invalid point process handle {}", id.index));
    add_probe(ProbeSpec{std::move(column), ProbeSpec::Target::PointProcess, id.index, 0,
                        std::move(field)});
}

void Model::record(std::string column, StimulusId id, std::string variable) {
    if (id.index < 0 || id.index >= static_cast<int32_t>(stimuli_.size()))
        throw Error(fmt::format("record: invalid stimulus handle {}", id.index));
    add_probe(ProbeSpec{std::move(column), ProbeSpec::Target::Stimulus, id.index, 0,
                        std::move(variable)});
}

} // namespace mech
