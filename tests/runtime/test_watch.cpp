// WATCH support: the runtime calls check_watch after the states, with v(t_{n+1}); a condition
// that becomes true sends a self-event delivered at the start of the next step.
#include "test_mechanisms.hpp"

#include "mech/mech.hpp"

#include <cmath>
#include <gtest/gtest.h>

namespace {

using namespace mech;

// A point process with one WATCH (v > thresh) 2, armed at INITIAL (hidden field _watch1), that
// emits a spike (net_event) each time the flag-2 event arrives and counts them.
enum Field { thresh, count, watch1, was_true };

const mech_field_info fields[] = {
    {"thresh", "mV", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_PARAMETER},
    {"count", "", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
    {"_watch1", "", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
    {"_watch1_flag", "", 0, -HUGE_VAL, HUGE_VAL, MECH_FIELD_ASSIGNED},
};

void init(mech_instance_data* d) {
    for (int k = 0; k < d->width; ++k) {
        d->field[count][k] = 0;
        d->field[watch1][k] = 1; // armed
        d->field[was_true][k] = d->vec_v[d->node_index[k]] > d->field[thresh][k];
    }
}

void check_watch(mech_instance_data* d) {
    for (int k = 0; k < d->width; ++k) {
        const bool now = d->vec_v[d->node_index[k]] > d->field[thresh][k];
        if (d->field[watch1][k] != 0 && now && d->field[was_true][k] == 0)
            d->net_send(d->runtime, k, 0, 2);
        d->field[was_true][k] = now;
    }
}

void net_receive(mech_instance_data* d, mech_index_t k, mech_value_t*, mech_value_t flag) {
    if (flag == 2) {
        d->field[count][k] += 1;
        d->net_event(d->runtime, k, d->t);
    }
}

const mech_mechanism watcher = [] {
    mech_mechanism m{};
    m.abi_version = MECH_ABI_VERSION;
    m.name = "Watcher";
    m.kind = MECH_KIND_POINT;
    m.n_fields = static_cast<int32_t>(std::size(fields));
    m.fields = fields;
    m.n_net_receive_args = 1;
    m.init = init;
    m.net_receive = net_receive;
    m.check_watch = check_watch;
    return m;
}();

TEST(Watch, ConditionsFireOncePerCrossingAndDeliverNextStep) {
    Catalogue cat = mech::testing::catalogue();
    cat.add(&watcher);
    Model model;
    const SectionId soma = model.add_section("soma", {40, 40, 1, 1, 35.4});
    model.insert(soma, "hh");
    model.add_stimulus(soma, 0.5, IClamp{0.5, 5, 40});
    const PointProcessId w = model.add_point_process(soma, 0.5, "Watcher");
    model.record_spikes("watch", w);
    model.record_spikes("netcon", soma, 0.5, 0); // NetCon-style detection for comparison
    Simulation sim(model, cat, SimOptions{50, 0.025, 6.3, -65, 1, 2});
    sim.run();
    const auto watch = sim.spikes("watch");
    const auto netcon = sim.spikes("netcon");
    ASSERT_GE(netcon.size(), 2u);
    ASSERT_EQ(watch.size(), netcon.size());
    // v(t_{n+1}) > 0 is seen after step n; the event is delivered at t_{n+1} (its send time),
    // which is also the sample where a NetCon sees v >= 0 at the start of the next step.
    for (std::size_t k = 0; k < watch.size(); ++k)
        EXPECT_NEAR(watch[k], netcon[k], 1e-9) << k;
    EXPECT_EQ(sim.value(w, "count"), static_cast<double>(watch.size()));
}

} // namespace
