// Network model files built by the model builder and run in-process: the gap-junction example
// gives exactly the numbers of the same model written against the runtime API, and a network's
// spikes do not depend on the thread count.
#include <memory>

#include <gtest/gtest.h>

#include <mech/model.hpp>
#include <mech/simulation.hpp>

#include "read_model.hpp"
#include "run_model.hpp"
#include "test_mechanisms.hpp"

namespace {

const std::string examples = MECH_NETWORK_EXAMPLES_DIR;

std::unique_ptr<mech::model::MechanismLoader> test_loader() {
    auto loader = std::make_unique<mech::model::MechanismLoader>(std::vector<std::string>{});
    for (auto* m : {mech::testing::hh(), mech::testing::pas(), mech::testing::expsyn()}) loader->add(m);
    return loader;
}

const std::vector<double>& column(const mech::mechsim::RunResult& r, const std::string& name) {
    for (const auto& t : r.traces)
        if (t.name == name) return t.values;
    throw std::runtime_error("no column " + name);
}

TEST(NetworkModels, GapJunctionPairEqualsTheRuntimeApi) {
    const auto description = mech::model::read_model_file(examples + "/N2_gap_junction_pair.toml");
    auto loader = test_loader();
    const auto r = mech::mechsim::run_model(description, *loader, false);
    ASSERT_FALSE(r.failure);

    // The same model by hand: examples/networks/N2_gap_junction_pair.toml.
    mech::Model m;
    mech::SectionId a = m.add_section("a.soma", mech::SectionGeometry{20, 20, 1, 1, 35.4});
    mech::SectionId b = m.add_section("b.soma", mech::SectionGeometry{20, 20, 1, 1, 35.4});
    for (auto s : {a, b}) {
        m.insert(s, "pas");
        m.set(s, "g_pas", 0.0001);
        m.set(s, "e_pas", -65);
    }
    m.add_stimulus(a, 0.5, mech::IClamp{0.05, 10, 30});
    const auto gj = m.add_gap_junction(a, 0.5, b, 0.5, mech::GapJunction{0.0003, false, 0, 0, 1});
    m.record_v("v_a", a, 0.5);
    m.record_v("v_b", b, 0.5);
    m.record("i_gj", gj, "i");
    mech::SimOptions options;
    options.tstop = 60;
    options.dt = 0.025;
    options.v_init = -65;
    mech::Simulation sim(m, loader->catalogue(), options);
    sim.run();
    for (const char* name : {"v_a", "v_b", "i_gj"}) {
        const auto expected = sim.trace(name);
        const auto& got = column(r, name);
        ASSERT_EQ(got.size(), expected.size()) << name;
        for (std::size_t i = 0; i < got.size(); ++i) ASSERT_EQ(got[i], expected[i]) << name << " at sample " << i;
    }
    // The junction does couple: b approaches g/(g + G_b) of a's depolarisation (G_b = 1.26 nS,
    // about 0.19), from below since b lags a (30 ms into the step, 3 membrane time constants).
    const double va = column(r, "v_a")[1599] + 65, vb = column(r, "v_b")[1599] + 65;
    const double steady = 0.0003 / (0.0003 + 0.0001 * 3.14159265 * 20 * 20 * 1e-2);
    EXPECT_GT(va, 20);
    EXPECT_GT(vb / va, 0.85 * steady);
    EXPECT_LT(vb / va, steady);
}

TEST(NetworkModels, SpikesAreTheSameOnOneAndTwoThreads) {
    auto description = mech::model::read_model_file(examples + "/N1_hh_network.toml");
    description.simulation.tstop = 40;
    auto loader = test_loader();
    const auto one = mech::mechsim::run_model(description, *loader, false);
    description.simulation.threads = 2;
    const auto two = mech::mechsim::run_model(description, *loader, false);
    ASSERT_FALSE(one.failure);
    ASSERT_FALSE(two.failure);
    ASSERT_GT(one.gid_spikes.size(), 50u);  // the drives start the network
    EXPECT_EQ(one.gid_spikes, two.gid_spikes);
    EXPECT_EQ(column(one, "v999"), column(two, "v999"));
}

TEST(NetworkModels, SeedChangesTheNetwork) {
    auto description = mech::model::read_model_file(examples + "/N1_hh_network.toml");
    description.simulation.tstop = 30;
    auto loader = test_loader();
    const auto a = mech::mechsim::run_model(description, *loader, false);
    description.seed += 1;
    const auto b = mech::mechsim::run_model(description, *loader, false);
    EXPECT_NE(a.gid_spikes, b.gid_spikes);
}

}  // namespace
