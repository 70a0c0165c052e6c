// net_move in the runtime: a network event moves an artificial cell's pending self-event, as
// NEURON's invlfire.mod relies on (tests/golden/net_move.mod, compiled by the real pipeline).
#include "library_harness.hpp"

#include <mech/catalogue.hpp>
#include <mech/model.hpp>
#include <mech/simulation.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mech::library_test {
namespace {

TEST(NetMove, NetworkEventsMoveThePendingSelfEvent) {
    const jit::JitCatalogue* compiled =
        load_together({std::string(MECH_TEST_DATA_DIR) + "/../golden/net_move.mod"});
    ASSERT_NE(compiled, nullptr);
    Catalogue catalogue;
    for (const mech_mechanism* m : compiled->mechanisms())
        catalogue.add(m);
    Model model;
    const PointProcessId cell = model.add_artificial_cell("mover"); // tau = 10 ms
    model.record_spikes("mover", cell);
    Simulation sim(model, catalogue, SimOptions{40, 0.025, 6.3, -65});
    // Without events it fires at 10, 20, 30, 40. An event at 2 moves the pending self-event
    // (due at 10) to 2 + tau/2 = 7; the next one follows at 17; an event at 20 moves that
    // one (due at 27) to 25, and the next follows at 35.
    sim.queue_event(cell, 2, std::vector<double>{1});
    sim.queue_event(cell, 20, std::vector<double>{1});
    sim.run();
    const std::vector<double> expected{7, 17, 25, 35};
    const auto spikes = sim.spikes("mover");
    ASSERT_EQ(spikes.size(), expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k)
        EXPECT_NEAR(spikes[k], expected[k], 1e-9) << k;
}

} // namespace
} // namespace mech::library_test
