// W1-W3 built through the public Model API; each builder mirrors the function of the same name in
// bench/neuron/workload_models.py, so that both simulators step the same cells.
#include "workload_models.hpp"

#include "splitmix64.hpp"

#include <mech/error.hpp>

#include <algorithm>
#include <fmt/format.h>

namespace mech::workloads {

namespace {

// NEURON's defaults apart from what WORKLOADS.md fixes.
SectionId hh_soma(Model& m, std::string name, double Ra = 35.4) {
    const SectionId soma = m.add_section(
        std::move(name), SectionGeometry{.length = 20, .diam = 20, .nseg = 1, .cm = 1, .Ra = Ra});
    m.insert(soma, "hh");
    return soma;
}

Workload named(std::string name, std::size_t compartments) {
    Workload w;
    w.name = std::move(name);
    w.compartments = compartments;
    return w;
}

std::string detector_name(int gid) {
    return fmt::format("gid{}", gid);
}

void record_cell(Workload& w, SectionId soma, int gid) {
    w.detectors.push_back(detector_name(gid));
    w.model.record_spikes(w.detectors.back(), soma, 0.5, spike_threshold);
}

} // namespace

std::vector<double> NetStimDrive::event_times(double t_end) const {
    // Integer start and interval keep these sums exact, as NEURON's own event times are.
    std::vector<double> times;
    for (double k = 0; k < number; ++k) {
        const double t = start + k * interval + delay;
        if (t > t_end)
            break;
        times.push_back(t);
    }
    return times;
}

Workload build_w1(int n_cells) {
    Workload w = named("W1", static_cast<std::size_t>(n_cells));
    for (int i = 0; i < n_cells; ++i) {
        const SectionId soma = hh_soma(w.model, fmt::format("w1_soma[{}]", i));
        const double amp = n_cells > 1 ? 0.2 + 0.1 * i / (n_cells - 1) : 0.2;
        w.model.add_stimulus(soma, 0.5, IClamp{.amp = amp, .del = 0, .dur = 1000});
        record_cell(w, soma, i);
    }
    return w;
}

Workload build_w2(int n_cells, int dend_nseg) {
    Workload w =
        named("W2", static_cast<std::size_t>(n_cells) * static_cast<std::size_t>(1 + dend_nseg));
    for (int i = 0; i < n_cells; ++i) {
        const SectionId soma = hh_soma(w.model, fmt::format("w2_soma[{}]", i), 100.0);
        const SectionId dend = w.model.add_section(
            fmt::format("w2_dend[{}]", i),
            SectionGeometry{.length = 400, .diam = 2, .nseg = dend_nseg, .cm = 1, .Ra = 100});
        w.model.insert(dend, "pas");
        w.model.set(dend, "g_pas", 1e-4);
        w.model.set(dend, "e_pas", -65.0);
        w.model.connect(dend, soma, 1.0);
        const double amp = n_cells > 1 ? 0.3 + 0.1 * i / (n_cells - 1) : 0.3;
        w.model.add_stimulus(soma, 0.5, IClamp{.amp = amp, .del = 0, .dur = 1000});
        record_cell(w, soma, i);
    }
    return w;
}

Workload build_w3(int n_cells, int fan_in, int n_driven) {
    Workload w = named("W3", static_cast<std::size_t>(n_cells));
    std::vector<PointProcessId> syns;
    syns.reserve(static_cast<std::size_t>(n_cells));
    for (int i = 0; i < n_cells; ++i) {
        const SectionId soma = hh_soma(w.model, fmt::format("w3_soma[{}]", i));
        const PointProcessId syn = w.model.add_point_process(soma, 0.5, "ExpSyn");
        w.model.set(syn, "tau", 2.0);
        w.model.set(syn, "e", 0.0);
        syns.push_back(syn);
        record_cell(w, soma, i);
    }
    const auto conns = w3_connections(n_cells, fan_in);
    for (const auto& c : conns)
        w.model.connect_spikes(w.detectors[static_cast<std::size_t>(c.src)],
                               syns[static_cast<std::size_t>(c.tgt)], {0.0004}, c.delay);
    for (int i = 0; i < std::min(n_driven, n_cells); ++i) {
        NetStimDrive drive;
        drive.target = syns[static_cast<std::size_t>(i)];
        w.drives.push_back(drive);
    }

    std::string first;
    for (std::size_t k = 0; k < std::min<std::size_t>(3, conns.size()); ++k)
        first += fmt::format("{}({} -> {}, {:g} ms)", k ? ", " : "", conns[k].src, conns[k].tgt,
                             conns[k].delay);
    const auto [lo, hi] = out_degree_range(conns, n_cells);
    w.notes.push_back(fmt::format("W3 connectivity: {} NetCons; first {}; out-degree {}-{}",
                                  conns.size(), first, lo, hi));
    return w;
}

const std::vector<std::string>& workload_names() {
    static const std::vector<std::string> names{"W1", "W2", "W3"};
    return names;
}

Workload build_workload(std::string_view name) {
    if (name == "W1")
        return build_w1();
    if (name == "W2")
        return build_w2();
    if (name == "W3")
        return build_w3();
    throw Error(fmt::format("unknown workload '{}' (known: W1, W2, W3)", name));
}

} // namespace mech::workloads
