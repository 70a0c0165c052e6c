// Model building for networks: built-in spike sources (NetStim, VecStim) and gap junctions,
// checked where they are added so the error points at the call.
#include "mech/model.hpp"

#include "mech/error.hpp"

#include <cmath>
#include <fmt/format.h>

namespace mech {

void Model::add_spike_source(std::string name, NetStim source) {
    const auto where = fmt::format("NetStim '{}'", name);
    if (!std::isfinite(source.interval) || !std::isfinite(source.start) ||
        !std::isfinite(source.noise) || std::isnan(source.number))
        throw Error(fmt::format("{}: interval, start and noise must be finite", where));
    if (source.number < 0)
        throw Error(fmt::format("{}: number must be >= 0 (got {})", where, source.number));
    SpikeDetectorSpec spec{std::move(name), -1, 0, 0, -1, {}};
    spec.generator = source;
    add_detector(std::move(spec));
}

void Model::add_spike_source(std::string name, VecStim source) {
    for (std::size_t k = 0; k < source.times.size(); ++k) {
        const double t = source.times[k];
        if (!std::isfinite(t) || t < 0)
            throw Error(fmt::format("VecStim '{}': time {} is {} (times must be finite and >= 0)",
                                    name, k, t));
        if (k > 0 && t < source.times[k - 1])
            throw Error(fmt::format("VecStim '{}': times must not decrease (time {} is {} after "
                                    "{})",
                                    name, k, t, source.times[k - 1]));
    }
    SpikeDetectorSpec spec{std::move(name), -1, 0, 0, -1, {}};
    spec.generator = std::move(source);
    add_detector(std::move(spec));
}

GapJunctionId Model::add_gap_junction(SectionId a, double x_a, SectionId b, double x_b,
                                      GapJunction junction) {
    const auto& sa = checked(a, "add_gap_junction");
    const auto& sb = checked(b, "add_gap_junction");
    const auto where = fmt::format("gap junction {} between '{}'({}) and '{}'({})",
                                   gap_junctions_.size(), sa.name, x_a, sb.name, x_b);
    if (!(x_a >= 0 && x_a <= 1) || !(x_b >= 0 && x_b <= 1))
        throw Error(fmt::format("{}: positions must be in [0, 1]", where));
    if (!(junction.g >= 0) || !std::isfinite(junction.g))
        throw Error(fmt::format("{}: g must be >= 0 (got {} uS)", where, junction.g));
    if (junction.rectifying) {
        if (!(junction.g_min >= 0) || !(junction.g_min <= junction.g))
            throw Error(fmt::format("{}: g_min must be in [0, g] (got {} uS with g = {} uS)", where,
                                    junction.g_min, junction.g));
        if (!(junction.slope != 0) || !std::isfinite(junction.slope) ||
            !std::isfinite(junction.v_half))
            throw Error(fmt::format("{}: a rectifying junction needs a finite non-zero slope and "
                                    "a finite v_half (got slope {} mV, v_half {} mV)",
                                    where, junction.slope, junction.v_half));
    }
    gap_junctions_.push_back(GapJunctionSpec{a.index, x_a, b.index, x_b, junction});
    return GapJunctionId{static_cast<int32_t>(gap_junctions_.size() - 1)};
}

void Model::record(std::string column, GapJunctionId id, std::string variable) {
    if (id.index < 0 || id.index >= static_cast<int32_t>(gap_junctions_.size()))
        throw Error(fmt::format("record: invalid gap junction handle {}", id.index));
    if (variable != "i" && variable != "g")
        throw Error(fmt::format("record '{}': a gap junction has \"i\" (nA) and \"g\" (uS), not "
                                "'{}'",
                                column, variable));
    add_probe(ProbeSpec{std::move(column), ProbeSpec::Target::GapJunction, id.index, 0,
                        std::move(variable)});
}

} // namespace mech
