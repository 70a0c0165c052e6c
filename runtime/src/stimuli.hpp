// Native point sources: IClamp, SEClamp and current waveforms (table or muParser expression).
// Electrode currents: positive i depolarises, so it is added to the node's rhs.
#pragma once

#include "mech/model.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace mu {
class Parser;
}

namespace mech::detail {

class Stimuli {
public:
    Stimuli();
    ~Stimuli();
    Stimuli(Stimuli&&) noexcept;
    Stimuli& operator=(Stimuli&&) noexcept;

    // `area` is the node's area (um2); `where` names the stimulus for error messages.
    void add(const StimulusSpec& spec, int32_t node, double area, const std::string& where);
    void initialize(const double* v); // after v = v_init
    // Current evaluation at `t` (the step midpoint) with v(t_n), for the listed stimuli.
    void compute_currents(double t, double dt, const double* v, double* rhs, double* d,
                          std::span<const int32_t> which);
    // IClamps first .. first+count-1 of the IClamp table, on nodes node(first) + 0 .. count-1.
    struct IClampRun {
        int32_t first = 0, count = 0;
    };
    // Splits stimuli into IClamps (as runs of the IClamp table), which compute_iclamp_currents
    // handles in loops of their own, and the rest (stimulus indices). An IClamp sharing its node
    // with another kind of stimulus stays with the rest, so each node's rhs still receives its
    // stimuli in the order of `which`.
    void split_iclamps(std::span<const int32_t> which, std::vector<IClampRun>& iclamps,
                       std::vector<int32_t>& others) const;
    // compute_currents for the IClamps of a split_iclamps list (no di/dv: an IClamp adds nothing
    // to d): per run one loop over its own arrays and consecutive nodes, which vectorises (one
    // IClamp per soma of a population of cells, interleave_cells.hpp, is one run).
    void compute_iclamp_currents(double t, double* rhs, std::span<const IClampRun> iclamps);
    // After the voltage update, at t_{n+1} (the clamps' after_cvode blocks: i from the new v).
    void after_solve(double t, double dt, const double* v, std::span<const int32_t> which);

    std::size_t size() const;
    int32_t node(std::size_t k) const;
    // Address of a recordable quantity ("i"; SEClamp also "vc"), or nullptr.
    const double* variable(std::size_t k, std::string_view name) const;
    // Sets a parameter of stimulus k; false if it has none called `name`.
    bool set(std::size_t k, std::string_view name, double value);

private:
    struct Item;
    // Every IClamp's parameters and current, structure of arrays: the one copy set() changes.
    struct IClampTable {
        std::vector<int32_t> node;
        std::vector<double> scale, del, dur, amp, i;
    };
    double waveform_at(Item& item, double t);
    static double vclamp_current(Item& item, double t, double dt, double v);
    std::vector<Item> items_;
    IClampTable iclamp_;
};

} // namespace mech::detail
