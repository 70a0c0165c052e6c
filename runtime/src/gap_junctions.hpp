// Gap junctions in the cable solve: each end adds its junction current to its node's rhs and
// dI/dv to its diagonal (implicit in its own voltage), with the partner's voltage taken from
// the start of the step (explicit), as NEURON's gap junctions do. docs/networks.md says why.
#pragma once

#include "mech/gap_junction.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace mech::detail {

class GapJunctions {
public:
    // Node and membrane area (um2) of each end.
    void add(const GapJunction& junction, int32_t node_a, double area_a, int32_t node_b,
             double area_b);
    std::size_t size() const { return items_.size(); }
    bool empty() const { return items_.empty(); }

    // Called once per step, before any partition runs: stores v(t_n) at both ends of every
    // junction, so partitions (threads) read voltages nobody is writing.
    void snapshot(const double* v);
    // Adds the junction currents of the listed ends (2*k for end a of junction k, 2*k + 1 for
    // end b) to rhs and d. Uses the last snapshot.
    void compute_currents(double* rhs, double* d, std::span<const int32_t> ends);
    // The ends whose node lies in [begin, end).
    std::vector<int32_t> ends_on(int32_t begin, int32_t end) const;

    // Recordable values of junction k: "i" (nA, a -> b) and "g" (uS); nullptr otherwise.
    const double* variable(std::size_t k, std::string_view name) const;
    // Conductance g(Vj) and its derivative for one junction.
    static void conductance(const GapJunction& j, double vj, double& g, double& dg);

private:
    struct Item {
        GapJunction junction;
        int32_t node[2] = {0, 0};
        double scale[2] = {0, 0}; // 100/area: nA -> mA/cm2 of the node
        double v[2] = {0, 0};     // snapshot of v(t_n)
        double i = 0, g = 0;      // last evaluation, for recording
    };
    std::vector<Item> items_;
};

} // namespace mech::detail
