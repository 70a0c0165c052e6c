// The classic NEURON tutorial (soma with hh, a passive dendrite, a current pulse at the
// dendrite's tip) written against mech's C++ API, with hh and pas JIT-compiled from the
// standard library's .mech files. Prints the soma and dendrite voltages, or writes them as CSV
// to the file given as the first argument.
#include "mech/mech.hpp"
#include "mechanism_loader.hpp"

#include <cstdio>
#include <fstream>

int main(int argc, char** argv) {
    try {
        mech::Model model;
        // soma: L = diam = 12.6157 um (area 500 um2), hh with NEURON's defaults.
        const auto soma = model.add_section("soma", {12.6157, 12.6157, 1, 1, 35.4});
        model.insert(soma, "hh");
        // dend: 200 um long, 1 um thick, 101 segments, passive (Ra, cm: NEURON defaults).
        const auto dend = model.add_section("dend", {200, 1, 101, 1, 35.4});
        model.insert(dend, "pas");
        model.set(dend, "g_pas", 0.001);
        model.set(dend, "e_pas", -65);
        model.connect(dend, soma, 1.0); // dend(0) on soma(1)

        model.add_stimulus(dend, 1.0, mech::IClamp{0.1, 5, 1}); // 0.1 nA for 1 ms at 5 ms
        model.record_v("v_soma", soma, 0.5);
        model.record_v("v_dend", dend, 0.5);
        model.record("m_hh", soma, 0.5, "m_hh");

        // JIT-compiles mechanisms/hh.mech and mechanisms/pas.mech on first use.
        mech::model::MechanismLoader mechanisms({mech::model::standard_mechanism_dir()});
        mechanisms.load("hh");
        mechanisms.load("pas");
        mech::Simulation sim(model, mechanisms.catalogue(), mech::SimOptions{25, 0.025, 6.3, -65, 1});
        sim.run();

        const auto t = sim.trace("t");
        const auto vs = sim.trace("v_soma");
        const auto vd = sim.trace("v_dend");
        if (argc > 1) {
            std::ofstream out(argv[1]);
            out.precision(10);
            out << "t,v_soma,v_dend\n";
            for (std::size_t k = 0; k < t.size(); ++k)
                out << t[k] << ',' << vs[k] << ',' << vd[k] << '\n';
            return 0;
        }
        std::printf("%8s %10s %10s\n", "t (ms)", "soma (mV)", "dend (mV)");
        for (std::size_t k = 0; k < t.size(); k += 40)
            std::printf("%8.3f %10.4f %10.4f\n", t[k], vs[k], vd[k]);
        double peak = vs[0];
        for (double v : vs)
            peak = v > peak ? v : peak;
        std::printf("soma peak: %.3f mV\n", peak);
        return 0;
    } catch (const std::exception& e) { // mech::Error from the model, or a mechanism that failed
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}
