// Reading spike CSVs and matching rasters cell by cell; see spike_agreement.hpp.
#include "spike_agreement.hpp"

#include <mech/error.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <map>

namespace mech::workloads {

namespace {

constexpr std::size_t max_listed = 10;

using PerCell = std::map<int, std::vector<double>>;

PerCell by_cell(const std::vector<Spike>& spikes, double until) {
    PerCell cells;
    for (const auto& s : spikes)
        if (s.t < until)
            cells[s.gid].push_back(s.t);
    for (auto& [gid, times] : cells)
        std::sort(times.begin(), times.end());
    return cells;
}

} // namespace

std::vector<Spike> read_spikes_csv(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw Error(fmt::format("cannot read spikes from '{}'", path));
    std::vector<Spike> spikes;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (number == 1 && line == "gid,t")
            continue;
        if (line.empty())
            continue;
        const auto comma = line.find(',');
        Spike s;
        const char* end = line.data() + line.size();
        bool good = comma != std::string::npos;
        if (good) {
            auto [p1, e1] = std::from_chars(line.data(), line.data() + comma, s.gid);
            auto [p2, e2] = std::from_chars(line.data() + comma + 1, end, s.t);
            good = e1 == std::errc() && p1 == line.data() + comma && e2 == std::errc() &&
                   p2 == end && s.gid >= 0 && std::isfinite(s.t);
        }
        if (!good)
            throw Error(fmt::format("{}:{}: expected 'gid,t' (a cell number and a time in ms), "
                                    "found '{}'",
                                    path, number, line));
        spikes.push_back(s);
    }
    if (number == 0)
        throw Error(fmt::format("'{}' is empty (expected a 'gid,t' header)", path));
    return spikes;
}

SpikeAgreement compare_spikes(const std::vector<Spike>& reference, const std::vector<Spike>& ours,
                              double until, double tolerance) {
    SpikeAgreement a;
    a.reference_total = reference.size();
    a.ours_total = ours.size();
    const PerCell ref = by_cell(reference, until);
    const PerCell got = by_cell(ours, until);
    auto note = [&](std::string text) {
        if (a.mismatches.size() < max_listed)
            a.mismatches.push_back(std::move(text));
        else if (a.mismatches.size() == max_listed)
            a.mismatches.push_back("... (further differences not listed)");
    };
    static const std::vector<double> none;
    std::vector<int> gids;
    for (const auto& [gid, t] : ref)
        gids.push_back(gid);
    for (const auto& [gid, t] : got)
        if (!ref.count(gid))
            gids.push_back(gid);
    for (int gid : gids) {
        const auto& r = ref.count(gid) ? ref.at(gid) : none;
        const auto& o = got.count(gid) ? got.at(gid) : none;
        a.compared += r.size();
        const std::size_t common = std::min(r.size(), o.size());
        for (std::size_t k = 0; k < common; ++k) {
            const double diff = std::abs(o[k] - r[k]);
            if (diff <= tolerance + 1e-9) {
                ++a.matched;
                a.max_difference = std::max(a.max_difference, diff);
            } else {
                note(fmt::format("cell {}: spike {} at {:.10g} ms, NEURON at {:.10g} ms", gid,
                                 k + 1, o[k], r[k]));
            }
        }
        // Unpartnered spikes are allowed only at the cut, where rounding decides the side.
        for (std::size_t k = common; k < r.size(); ++k)
            if (r[k] < until - tolerance)
                note(fmt::format("cell {}: NEURON's spike {} at {:.10g} ms is missing", gid, k + 1,
                                 r[k]));
        for (std::size_t k = common; k < o.size(); ++k)
            if (o[k] < until - tolerance)
                note(fmt::format("cell {}: extra spike {} at {:.10g} ms", gid, k + 1, o[k]));
    }
    return a;
}

std::string describe(const SpikeAgreement& a, double until) {
    const std::string span =
        std::isfinite(until) ? fmt::format("before {:g} ms", until) : "over the whole run";
    std::string text = fmt::format("matched {}/{} spikes {} (max |dt| {:.3g} ms)", a.matched,
                                   a.compared, span, a.max_difference);
    for (const auto& m : a.mismatches)
        text += "\n  " + m;
    return text;
}

} // namespace mech::workloads
