// W3's connection list from splitmix64 draws; see splitmix64.hpp and WORKLOADS.md.
#include "splitmix64.hpp"

#include <algorithm>

namespace mech::workloads {

std::vector<Connection> w3_connections(int n_cells, int fan_in, uint64_t seed) {
    constexpr double dt = 0.025;
    const auto n = static_cast<uint64_t>(n_cells);
    SplitMix64 rng(seed);
    std::vector<Connection> out;
    out.reserve(static_cast<std::size_t>(n_cells) * static_cast<std::size_t>(fan_in));
    for (int tgt = 0; tgt < n_cells; ++tgt)
        for (int k = 0; k < fan_in; ++k) {
            auto src = static_cast<int>(rng.next() % n);
            // A cell never connects to itself; with one cell there is no other source.
            while (src == tgt && n_cells > 1)
                src = static_cast<int>(rng.next() % n);
            // Computed in double as in Python, so the delays are bit-identical.
            const double delay = 1.0 + static_cast<double>(rng.next() % 161) * dt;
            out.push_back(Connection{src, tgt, delay});
        }
    return out;
}

std::pair<int, int> out_degree_range(const std::vector<Connection>& connections, int n_cells) {
    std::vector<int> degree(static_cast<std::size_t>(n_cells), 0);
    for (const auto& c : connections)
        ++degree[static_cast<std::size_t>(c.src)];
    if (degree.empty())
        return {0, 0};
    const auto [lo, hi] = std::minmax_element(degree.begin(), degree.end());
    return {*lo, *hi};
}

} // namespace mech::workloads
