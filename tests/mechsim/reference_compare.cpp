// The tolerance checks of reference_compare.hpp.
#include "reference_compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace mech::mechsim_test {

namespace {

bool is_voltage(const std::string& name) { return name.rfind("v_", 0) == 0; }

}  // namespace

std::string compare_with_reference(const mech::testing::Csv& ours, const mech::testing::Csv& ref, Kind kind) {
    std::ostringstream why;
    if (ours.names != ref.names) {
        why << "columns differ: ours";
        for (const auto& n : ours.names) why << " " << n;
        why << "; reference";
        for (const auto& n : ref.names) why << " " << n;
        return why.str();
    }
    const auto& t = ours["t"];
    const auto& rt = ref["t"];
    if (t.size() != rt.size()) {
        why << "ours has " << t.size() << " rows, the reference " << rt.size();
        return why.str();
    }
    for (std::size_t i = 0; i < t.size(); ++i)
        // The reference prints 10 significant digits; NEURON's t also carries its own rounding.
        if (std::fabs(t[i] - rt[i]) > 1e-9 * std::max(1.0, std::fabs(rt[i]))) {
            why.precision(17);
            why << "t differs at row " << i << ": " << t[i] << " vs " << rt[i];
            return why.str();
        }
    for (const auto& name : ref.names) {
        if (name == "t") continue;
        const auto& a = ours[name];
        const auto& b = ref[name];
        double max_diff = 0, sum_sq = 0, range = 0;
        std::size_t worst = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            const double d = std::fabs(a[i] - b[i]);
            if (!(d <= max_diff)) {
                max_diff = d;
                worst = i;
            }
            sum_sq += d * d;
            range = std::max(range, std::fabs(b[i]));
        }
        const double rms = std::sqrt(sum_sq / static_cast<double>(a.size()));
        if (is_voltage(name)) {
            if (kind == Kind::Passive && !(max_diff <= 1e-3))
                why << name << ": max |dv| = " << max_diff << " mV at t = " << t[worst] << " (limit 1e-3)\n";
            if (kind == Kind::Spiking) {
                if (!(rms <= 0.1)) why << name << ": RMS dv = " << rms << " mV (limit 0.1)\n";
                const auto sa = mech::testing::crossings(t, a, 0);
                const auto sb = mech::testing::crossings(rt, b, 0);
                if (sa.size() != sb.size()) {
                    why << name << ": " << sa.size() << " spikes, the reference has " << sb.size() << "\n";
                } else {
                    for (std::size_t k = 0; k < sa.size(); ++k)
                        if (std::fabs(sa[k] - sb[k]) > 0.025 + 1e-9)
                            why << name << ": spike " << k << " at " << sa[k] << " ms, reference " << sb[k] << " ms\n";
                }
            }
        } else if (!(rms <= 1e-3 * std::max(range, 1e-12) + 1e-12)) {
            // Gates, currents and stimuli: RMS within 0.1 % of the column's largest magnitude.
            why << name << ": RMS difference " << rms << " against a largest value of " << range << "\n";
        }
    }
    return why.str();
}

}  // namespace mech::mechsim_test
