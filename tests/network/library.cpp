// One JIT catalogue shared by every test of the binary; cells of the standard test networks.
#include "library.hpp"

#include "jit/compile_files.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>

namespace mech::network_test {

const Catalogue& library() {
    static std::unique_ptr<jit::JitCatalogue> jit;
    static Catalogue catalogue;
    if (!jit) {
        std::vector<std::string> paths;
        for (const char* name : {"hh", "pas", "ExpSyn", "Exp2Syn", "IClamp", "IntFire1", "LIF"})
            paths.push_back(fmt::format("{}/{}.mech", MECH_LIBRARY_DIR, name));
        diag::SourceManager sources;
        diag::DiagnosticEngine diags(sources);
        jit = jit::compile_files(paths, sources, diags);
        std::string rendered;
        for (const auto& d : diags.diagnostics())
            rendered += diags.render(d);
        if (!jit)
            throw Error("the mechanism library does not compile:\n" + rendered);
        for (const mech_mechanism* m : jit->mechanisms())
            catalogue.add(m);
    }
    return catalogue;
}

namespace {

CellPorts one_compartment(Model& model, int gid, const char* mechanism) {
    const SectionId soma = model.add_section(
        fmt::format("cell{}.soma", gid),
        SectionGeometry{.length = 20, .diam = 20, .nseg = 1, .cm = 1, .Ra = 35.4});
    model.insert(soma, mechanism);
    const PointProcessId syn = model.add_point_process(soma, 0.5, "ExpSyn");
    model.set(syn, "tau", 2.0);
    model.set(syn, "e", 0.0);
    CellPorts ports;
    ports.spike_source = fmt::format("cell{}", gid);
    model.record_spikes(ports.spike_source, soma, 0.5, 10.0);
    ports.receptors["syn"] = syn;
    ports.locations["soma"] = Location{soma, 0.5};
    return ports;
}

} // namespace

CellPorts hh_cell(Model& model, int gid) {
    return one_compartment(model, gid, "hh");
}

CellPorts passive_cell(Model& model, int gid) {
    CellPorts ports = one_compartment(model, gid, "pas");
    const SectionId soma = ports.locations["soma"].section;
    model.set(soma, "g_pas", 0.001);
    model.set(soma, "e_pas", -65.0);
    return ports;
}

} // namespace mech::network_test
