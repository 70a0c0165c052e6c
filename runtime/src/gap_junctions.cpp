// Junction currents I = g(Vj)*Vj from the start-of-step snapshot; the self term dI/dv goes on the
// diagonal so a junction never makes the step less stable than leaving it out (docs/networks.md).
#include "gap_junctions.hpp"

#include <cmath>
#include <string_view>

namespace mech::detail {

void GapJunctions::add(const GapJunction& junction, int32_t node_a, double area_a, int32_t node_b,
                       double area_b) {
    Item item;
    item.junction = junction;
    item.node[0] = node_a;
    item.node[1] = node_b;
    item.scale[0] = 100.0 / area_a;
    item.scale[1] = 100.0 / area_b;
    items_.push_back(item);
}

void GapJunctions::snapshot(const double* v) {
    for (auto& item : items_) {
        item.v[0] = v[item.node[0]];
        item.v[1] = v[item.node[1]];
    }
}

void GapJunctions::conductance(const GapJunction& j, double vj, double& g, double& dg) {
    if (!j.rectifying) {
        g = j.g;
        dg = 0;
        return;
    }
    // s = 1/(1 + exp(-(vj - v_half)/slope)); ds/dvj = s*(1 - s)/slope.
    const double s = 1.0 / (1.0 + std::exp(-(vj - j.v_half) / j.slope));
    g = j.g_min + (j.g - j.g_min) * s;
    dg = (j.g - j.g_min) * s * (1.0 - s) / j.slope;
}

void GapJunctions::compute_currents(double* rhs, double* d, std::span<const int32_t> ends) {
    for (const int32_t e : ends) {
        Item& item = items_[static_cast<std::size_t>(e >> 1)];
        const int side = e & 1;
        const double vj = item.v[0] - item.v[1];
        double g = 0, dg = 0;
        conductance(item.junction, vj, g, dg);
        const double i = g * vj; // nA leaving a, entering b
        // Both ends see dI/dv_self = g + g'(Vj)*Vj (the sign of Vj flips with the side twice).
        const double didv = g + dg * vj;
        const int32_t node = item.node[side];
        rhs[node] -= (side == 0 ? i : -i) * item.scale[side];
        d[node] += didv * item.scale[side];
        if (side == 0) { // one writer per junction for the recorded values
            item.i = i;
            item.g = g;
        }
    }
}

std::vector<int32_t> GapJunctions::ends_on(int32_t begin, int32_t end) const {
    std::vector<int32_t> ends;
    for (std::size_t k = 0; k < items_.size(); ++k)
        for (int side = 0; side < 2; ++side) {
            const int32_t node = items_[k].node[side];
            if (node >= begin && node < end)
                ends.push_back(static_cast<int32_t>(2 * k + side));
        }
    return ends;
}

const double* GapJunctions::variable(std::size_t k, std::string_view name) const {
    if (name == "i")
        return &items_[k].i;
    if (name == "g")
        return &items_[k].g;
    return nullptr;
}

} // namespace mech::detail
