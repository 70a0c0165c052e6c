// Simulation: a Model resolved against a Catalogue into solver-ordered node arrays and
// per-mechanism structure-of-arrays storage, stepped exactly as NEURON's fixed-step method
// (docs/numerics.md). All names are resolved in the constructor; the step loop looks nothing up.
#pragma once

#include "mech/catalogue.hpp"
#include "mech/ids.hpp"
#include "mech/model.hpp"

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mech {

struct SimOptions {
    double tstop = 100;   // ms
    double dt = 0.025;    // ms, > 0
    double celsius = 6.3; // degC
    double v_init = -65;  // mV
    int sample_every = 1; // record every k-th step (t = 0 always recorded)
    int threads = 1;      // cells are split over this many threads; results do not depend on it
    bool profile = false; // measure wall-clock time per step phase (RunStats); costs 4 clock reads
                          // per step
};

// Counts since the last initialize(); the seconds only with SimOptions::profile.
struct RunStats {
    int64_t steps = 0;
    int64_t events_delivered = 0; // NET_RECEIVE calls: network events and self-events
    int64_t spikes = 0;           // spikes of detectors, artificial cells and built-in sources
    double event_seconds = 0;     // spike detection, source firing and event delivery
    double step_seconds = 0;      // whole steps (event_seconds included)
};

class Simulation {
public:
    // Throws mech::Error for anything the Model names that the Catalogue lacks, values out of
    // their declared limits, bad options.
    Simulation(const Model& model, const Catalogue& catalogue, SimOptions options = {});
    ~Simulation();
    Simulation(Simulation&&) noexcept;
    Simulation& operator=(Simulation&&) noexcept;

    // NEURON's finitialize(v_init): t = 0, v = v_init, ions, mechanism INITIALs, one current
    // evaluation, the t = 0 sample. Clears recorded traces.
    void initialize();
    // initialize(), then advance_to(tstop).
    void run();
    // Steps while t < t_end - dt/2 (initializes first if needed). Throws mech::Error if v becomes
    // NaN or infinite, naming the time, the section and the mechanisms there.
    void advance_to(double t_end);
    void step();

    double time() const;
    const SimOptions& options() const;
    // Take effect from the next step (NEURON lets both change between steps).
    void set_celsius(double celsius);
    void set_dt(double dt); // > 0

    // Recorded samples: "t" and every column the Model asked for.
    std::span<const double> trace(std::string_view column) const; // throws if unknown
    std::vector<std::string> column_names() const;
    // Times (ms) of the spikes a Model::record_spikes detector saw; throws if unknown.
    std::span<const double> spikes(std::string_view detector) const;

    // Present values, for tests and interactive use (these do look names up).
    double voltage(SectionId section, double x) const;
    double value(SectionId section, double x, std::string_view variable) const;
    double value(PointProcessId process, std::string_view field) const;
    std::size_t node_count() const;
    const RunStats& stats() const;

    // Changes made between runs or mid-run, as assigning in NEURON does. Density fields
    // ("gnabar_hh") at the segment holding x, ion values ("ena", "cai"), point-process fields,
    // stimulus parameters (IClamp "amp", "del", "dur"; SEClamp "rs", "dur1".."amp3"; VClamp
    // "dur0".."dur2", "amp0".."amp2", "gain", "rstim", "tau1", "tau2"). Parameters
    // keep the new value through later initialize() calls; limits are checked.
    void set(SectionId section, double x, std::string_view name, double value);
    void set(PointProcessId process, std::string_view field, double value);
    void set(StimulusId stimulus, std::string_view name, double value);

    // Delivers a network event to a point process at time `t`: its NET_RECEIVE runs at the first
    // step whose start t_n satisfies t <= t_n + dt/2, as NEURON does. Events queued before the
    // first initialize()/run() are replayed by every run (like a VecStim); events queued later
    // (t >= now) are delivered once, and initialize() drops those still pending.
    void queue_event(PointProcessId target, double t, std::span<const double> weight);

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

} // namespace mech
