// Stimuli built into the runtime as native point sources (not compiled mechanisms):
// NEURON's IClamp, SEClamp and VClamp, and a current waveform given as a table or an expression of
// t.
#pragma once

#include <string>
#include <vector>

namespace mech {

// NEURON's IClamp: i = amp (nA, positive depolarises) while del <= t < del + dur, where t is the
// step's midpoint t_n + dt/2.
struct IClamp {
    double amp = 0; // nA
    double del = 0; // ms
    double dur = 0; // ms
};

// NEURON's SEClamp: a voltage source behind a series resistance rs. The command is amp1 until
// dur1, amp2 until dur1+dur2, amp3 until dur1+dur2+dur3, then the clamp is off (i = 0).
// i = (vc - v)/rs nA, positive depolarises.
struct SEClamp {
    double rs = 1;   // MOhm
    double dur1 = 0; // ms
    double amp1 = 0; // mV
    double dur2 = 0;
    double amp2 = 0;
    double dur3 = 0;
    double amp3 = 0;
};

// NEURON's VClamp (vclmp.mod): a two-electrode clamp with a control amplifier of gain `gain` and
// time constant tau1 (tau2 for its output), injecting through rstim. Three levels: amp[j] for
// dur[j], on from t = 0 until dur[0]+dur[1]+dur[2]. i in nA, positive depolarises.
struct VClamp {
    double dur[3] = {0, 0, 0}; // ms
    double amp[3] = {0, 0, 0}; // mV
    double gain = 1e5;
    double rstim = 1;   // MOhm
    double tau1 = .001; // ms
    double tau2 = 0;    // ms
};

// An injected current (nA, positive depolarises) that follows a waveform of t (ms): either a
// table of (t, i) points with linear interpolation (held at the end values outside the table),
// or a muParser expression of `t` (constants `pi` and `e` are defined), e.g.
// "0.1*sin(2*pi*t/50)". Evaluated at the step's midpoint like IClamp.
struct CurrentWaveform {
    std::vector<double> times;    // ms, strictly increasing
    std::vector<double> currents; // nA, same length as times
    std::string expression;       // used when non-empty (then the table must be empty)

    static CurrentWaveform table(std::vector<double> t, std::vector<double> i) {
        return CurrentWaveform{std::move(t), std::move(i), {}};
    }
    static CurrentWaveform of_expression(std::string expr) {
        return CurrentWaveform{{}, {}, std::move(expr)};
    }
};

} // namespace mech
