// CSV formatting and spike/extreme summaries of recorded traces.
#include "traces.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace mech::mechsim {

namespace {

void append_number(std::string& out, double value) {
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "%.10g", value);
    out.append(buffer, static_cast<std::size_t>(n));
}

}  // namespace

std::string format_csv(std::span<const double> t, const std::vector<const Trace*>& traces, int every) {
    if (every < 1) throw std::invalid_argument("format_csv: every must be >= 1");
    std::string out = "t";
    for (const Trace* trace : traces) {
        if (trace->values.size() != t.size())
            throw std::invalid_argument("format_csv: trace " + trace->name + " has " + std::to_string(trace->values.size()) +
                                        " samples, t has " + std::to_string(t.size()));
        out += "," + trace->name;
    }
    out += "\n";
    out.reserve(out.size() + (t.size() / static_cast<std::size_t>(every) + 1) * (traces.size() + 1) * 16);
    for (std::size_t row = 0; row < t.size(); row += static_cast<std::size_t>(every)) {
        append_number(out, t[row]);
        for (const Trace* trace : traces) {
            out += ',';
            append_number(out, trace->values[row]);
        }
        out += '\n';
    }
    return out;
}

std::vector<double> upward_crossings(std::span<const double> t, std::span<const double> v, double threshold) {
    std::vector<double> out;
    for (std::size_t i = 1; i < v.size() && i < t.size(); ++i)
        if (v[i - 1] < threshold && v[i] >= threshold) out.push_back(t[i]);
    return out;
}

TraceSummary summarise(std::span<const double> t, std::span<const double> v, double threshold) {
    TraceSummary s;
    if (v.empty()) return s;
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    s.min = *lo;
    s.max = *hi;
    const auto spikes = upward_crossings(t, v, threshold);
    s.spikes = spikes.size();
    if (!spikes.empty()) s.first_spike = spikes.front();
    return s;
}

}  // namespace mech::mechsim
