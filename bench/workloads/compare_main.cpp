// mech-compare-spikes: checks a mech spike raster against NEURON's, as bench/run-workloads.sh
// requires (spike times cell by cell within a tolerance, and optionally the total count).
#include "spike_agreement.hpp"

#include <CLI/CLI.hpp>
#include <cmath>
#include <exception>
#include <fmt/format.h>
#include <limits>

int main(int argc, char** argv) {
    using namespace mech::workloads;
    CLI::App app{"Compares two spike rasters (CSV gid,t): exit 0 when they agree, 1 when not."};
    std::string reference, ours;
    double until = std::numeric_limits<double>::infinity();
    double tolerance = 0.025;
    double count_percent = -1;
    app.add_option("reference", reference, "NEURON's spikes (bench/neuron/workloads.py --spikes)")
        ->required();
    app.add_option("ours", ours, "mech's spikes (mech-workloads --spikes)")->required();
    app.add_option("--until", until, "compare spike times before this time, ms (default: all)");
    app.add_option("--tolerance", tolerance, "largest allowed time difference, ms (default 0.025)")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--count-within", count_percent,
                   "also require the total spike counts (whole runs) to agree within this many "
                   "percent of the reference's")
        ->check(CLI::NonNegativeNumber);
    CLI11_PARSE(app, argc, argv);
    try {
        const auto ref = read_spikes_csv(reference);
        const auto got = read_spikes_csv(ours);
        const SpikeAgreement a = compare_spikes(ref, got, until, tolerance);
        bool ok = a.ok();
        fmt::print("times: {}\n", describe(a, until));
        if (count_percent >= 0) {
            const double r = static_cast<double>(a.reference_total);
            const double diff = std::abs(static_cast<double>(a.ours_total) - r);
            const bool counts_ok = diff <= count_percent / 100.0 * r;
            fmt::print("count: mech {} spikes, NEURON {} ({:+.2f} %, allowed {:g} %){}\n",
                       a.ours_total, a.reference_total,
                       r > 0 ? 100.0 * (a.ours_total - r) / r : 0.0, count_percent,
                       counts_ok ? "" : " -- too far apart");
            ok = ok && counts_ok;
        }
        fmt::print("{}\n", ok ? "agree" : "DISAGREE");
        return ok ? 0 : 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "mech-compare-spikes: error: {}\n", e.what());
        return 2;
    }
}
