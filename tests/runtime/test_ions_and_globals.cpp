// NEURON's ion rules for ions the runtime does not know (valence from USEION ... VALENCE,
// defaults 1 mM / 1 mM / 0 mV, Nernst when concentrations are read) and mechanism GLOBALs.
#include "test_mechanisms.hpp"

#include "mech/mech.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <string>

namespace {

using namespace mech;

// Reads clo/cli and ecl: NEURON computes ecl from Nernst at initialisation.
const mech_ion_info cl_ion[] = {
    {"cl", -1, MECH_ION_INTERNAL | MECH_ION_EXTERNAL | MECH_ION_REVERSAL, 0}};
mech_mechanism density(const char* name) {
    mech_mechanism m{}; // value-initialised: no kernels, no fields
    m.abi_version = MECH_ABI_VERSION;
    m.name = name;
    m.kind = MECH_KIND_DENSITY;
    return m;
}

const mech_mechanism cl_reader = [] {
    mech_mechanism m = density("clread");
    m.n_ions = 1;
    m.ions = cl_ion;
    return m;
}();

// Uses an ion nobody gave a valence.
const mech_ion_info x_ion[] = {{"xx", 0, MECH_ION_REVERSAL, 0}};
const mech_mechanism x_reader = [] {
    mech_mechanism m = density("xread");
    m.n_ions = 1;
    m.ions = x_ion;
    return m;
}();

// A leak whose conductance is a GLOBAL: i = gbar*(v - erev), erev a RANGE parameter.
const mech_field_info leak_fields[] = {{"erev", "mV", -70, -HUGE_VAL, HUGE_VAL, 0}};
const mech_global_info leak_globals[] = {{"gbar", "S/cm2", 1e-3}};
void leak_current(mech_instance_data* d) {
    for (int k = 0; k < d->width; ++k) {
        const int node = d->node_index[k];
        d->vec_rhs[node] -= d->global[0] * (d->vec_v[node] - d->field[0][k]);
        d->vec_d[node] += d->global[0];
    }
}
const mech_mechanism global_leak = [] {
    mech_mechanism m = density("gleak");
    m.n_fields = 1;
    m.fields = leak_fields;
    m.n_globals = 1;
    m.globals = leak_globals;
    m.compute_currents = leak_current;
    return m;
}();

Catalogue catalogue() {
    Catalogue c = mech::testing::catalogue();
    c.add(&cl_reader);
    c.add(&x_reader);
    c.add(&global_leak);
    return c;
}

TEST(Ions, UnknownIonTakesItsValenceFromUseion) {
    Model model;
    const SectionId s = model.add_section("soma", {20, 20, 1, 1, 35.4});
    model.insert(s, "clread");
    model.set(s, "clo", 10);
    model.record("ecl", s, 0.5, "ecl");
    model.record("cli", s, 0.5, "cli");
    Simulation sim(model, catalogue(), SimOptions{1, 0.025, 6.3, -65});
    sim.run();
    EXPECT_EQ(sim.trace("cli").back(), 1.0);
    const double ktf = 1000 * 8.31446261815324 * (6.3 + 273.15) / 96485.3321233100184;
    EXPECT_NEAR(sim.trace("ecl").back(), ktf / -1 * std::log(10.0 / 1.0), 1e-9);
}

TEST(Ions, IonDefaultsCanBeChanged) {
    Model model;
    const SectionId s = model.add_section("soma", {20, 20, 1, 1, 35.4});
    model.insert(s, "hh");
    model.set_ion_defaults("na", IonDefaults{15, 145, 60, 1});
    Simulation sim(model, catalogue(), SimOptions{1});
    sim.run();
    EXPECT_EQ(sim.value(s, 0.5, "ena"), 60);
    EXPECT_EQ(sim.value(s, 0.5, "nai"), 15);
}

TEST(Ions, AnIonWithoutValenceIsAnError) {
    Model model;
    model.insert(model.add_section("soma"), "xread");
    try {
        Simulation sim(model, catalogue());
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("ion 'xx' has no valence"), std::string::npos)
            << e.what();
    }
}

TEST(Globals, SetGlobalChangesEveryInstance) {
    auto final_v = [](double gbar) {
        Model model;
        const SectionId s = model.add_section("soma", {20, 20, 1, 1, 35.4});
        model.insert(s, "gleak");
        model.add_stimulus(s, 0.5, IClamp{0.01, 0, 1e9});
        if (gbar > 0)
            model.set_global("gbar_gleak", gbar);
        Simulation sim(model, catalogue(), SimOptions{100, 0.025, 6.3, -70});
        sim.run();
        return sim.voltage(s, 0.5);
    };
    const double area = 3.14159265358979323846 * 20 * 20;
    EXPECT_NEAR(final_v(0) + 70, 100 * 0.01 / (1e-3 * area), 1e-6);
    EXPECT_NEAR(final_v(2e-3) + 70, 100 * 0.01 / (2e-3 * area), 1e-6);

    Model model;
    model.insert(model.add_section("soma"), "gleak");
    model.set_global("gmax_gleak", 1);
    EXPECT_THROW(Simulation(model, catalogue()), Error);
}

} // namespace
