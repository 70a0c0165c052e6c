// Regressions found in library mechanisms, each named after what broke: source -> passes ->
// the reference evaluator, checked against values computed here by hand.
#include "eval/evaluator.hpp"
#include "eval/instance_storage.hpp"
#include "frontend/parse.hpp"
#include "ir/lower.hpp"
#include "passes/run_passes.hpp"
#include "sema/analysis.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace mech::test {
namespace {

ir::Mechanism compile(const std::string& text, const std::string& name = "test.mech") {
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    auto module = frontend::parse(text, name, sources, diags);
    auto analysis = sema::analyse(module, diags, sema::Options::for_module(module));
    auto m = ir::lower(module, analysis, diags);
    if (!diags.has_errors())
        passes::run_passes(m, {}, diags);
    for (const auto& d : diags.diagnostics())
        ADD_FAILURE() << diags.render(d);
    return m;
}

// cat.mech's shape: a FUNCTION with an IF, called with `v + shift` (a RANGE parameter) inside
// a gate's TAU. The passes used to substitute the function result's initial 0 for it, so the
// IF was emptied and h became NaN.
constexpr const char* kIfInFunction = R"(
NEURON { SUFFIX iffn  RANGE shift  GLOBAL q }
PARAMETER { shift = 0 (mV)  q = 3 }
CHANNEL lk {
    NONSPECIFIC i
    GMAX 0
    REVERSAL 0 (mV)
    GATE h {
        INF = 1/(1 + exp((v + shift + 81 (mV))/4 (mV)))
        TAU = tau_h(v + shift)/phi(q)
    }
}
FUNCTION tau_h(vm (mV)) (ms) {
    if (vm < -81 (mV)) {
        tau_h = 1 (ms)*exp((vm + 467 (mV))/66.6 (mV))
    } else {
        tau_h = 28 (ms) + 1 (ms)*exp(-(vm + 22 (mV))/10.5 (mV))
    }
}
FUNCTION phi(q10) (1) { phi = q10^((celsius - 24 (degC))/10 (degC)) }
)";

double expected_h_step(double h, double v, double celsius, double dt) {
    double inf = 1 / (1 + std::exp((v + 81) / 4));
    double tau = v < -81 ? std::exp((v + 467) / 66.6) : 28 + std::exp(-(v + 22) / 10.5);
    tau /= std::pow(3.0, (celsius - 24) / 10);
    return h + (1 - std::exp(-dt / tau)) * (inf - h);
}

TEST(Regression, IfInsideFunctionSurvivesCnexp) {
    auto m = compile(kIfInFunction);
    int h = m.find_field("h");
    ASSERT_GE(h, 0);
    for (double v : {-90.0, -70.0}) { // both branches of the IF
        eval::InstanceStorage s(m, 1);
        s.data.dt = 0.025;
        s.data.celsius = 36;
        s.v(0) = v;
        s.field(h, 0) = 0.25;
        eval::advance_state(m, s.data);
        EXPECT_TRUE(std::isfinite(s.field(h, 0))) << "v = " << v;
        EXPECT_NEAR(s.field(h, 0), expected_h_step(0.25, v, 36, 0.025), 1e-13) << "v = " << v;
    }
}

// An inf/tau gate whose TAU is a parameter set to 0 at run time: NEURON's cnexp form gives
// the gate its INF; the form -(inf/tau)/(-1/tau) gave NaN.
constexpr const char* kTauParameter = R"(
NEURON { SUFFIX tauz  RANGE tauz }
PARAMETER { tauz = 5 (ms) }
CHANNEL lk {
    NONSPECIFIC i
    GMAX 0
    REVERSAL 0 (mV)
    GATE z {
        INF = 1/(1 + exp(-(v + 40 (mV))/5 (mV)))
        TAU = tauz
    }
}
)";

TEST(Regression, GateWithTauZeroAtRunTimeTakesItsSteadyState) {
    auto m = compile(kTauParameter);
    int z = m.find_field("z"), tau = m.find_field("tauz");
    eval::InstanceStorage s(m, 2);
    s.data.dt = 0.025;
    s.v(0) = s.v(1) = -30;
    s.field(tau, 0) = 0;
    s.field(tau, 1) = 5;
    s.field(z, 0) = s.field(z, 1) = 0.1;
    eval::advance_state(m, s.data);
    double inf = 1 / (1 + std::exp(-(-30.0 + 40) / 5));
    EXPECT_EQ(s.field(z, 0), inf);
    // NEURON's cnexp: z + (1 - exp(dt*(-1/tau)))*(inf - z).
    EXPECT_EQ(s.field(z, 1), 0.1 + (1 - std::exp(0.025 * (-1.0 / 5))) * (inf - 0.1));
}

// NET_RECEIVE reading `flag` stopped lowering with "'flag' has no storage in the IR".
constexpr const char* kFlag = R"(
NEURON { ARTIFICIAL_CELL flagged  RANGE count, last }
ASSIGNED { count  last }
INITIAL { count = 0  last = -1 }
NET_RECEIVE(w) {
    INITIAL { last = flag }
    last = flag
    if (flag == 0) {
        count = count + w
        net_send(2.5 (ms), 7)
    } else if (flag == 7) {
        net_event(t)
    }
}
)";

struct Events {
    struct Sent {
        int instance;
        double delay, flag;
    };
    std::vector<Sent> sent;
    std::vector<std::pair<int, double>> spikes;
};

void connect(eval::InstanceStorage& s, Events& events) {
    s.data.runtime = &events;
    s.data.net_send = [](void* r, mech_index_t i, mech_value_t d, mech_value_t f) {
        static_cast<Events*>(r)->sent.push_back({i, d, f});
    };
    s.data.net_event = [](void* r, mech_index_t i, mech_value_t t) {
        static_cast<Events*>(r)->spikes.emplace_back(i, t);
    };
}

TEST(Regression, NetReceiveReadsFlagAndSendsSelfEvents) {
    auto m = compile(kFlag);
    int count = m.find_field("count"), last = m.find_field("last");
    eval::InstanceStorage s(m, 2);
    Events events;
    connect(s, events);
    eval::init(m, s.data);
    double w = 0.5;
    eval::net_receive_init(m, s.data, 1, &w);
    EXPECT_EQ(s.field(last, 1), 0); // no event at finitialize: flag reads 0
    s.data.t = 3;
    eval::net_receive(m, s.data, 1, &w, 0);
    EXPECT_EQ(s.field(count, 1), 0.5);
    ASSERT_EQ(events.sent.size(), 1u);
    EXPECT_EQ(events.sent[0].instance, 1);
    EXPECT_EQ(events.sent[0].delay, 2.5);
    EXPECT_EQ(events.sent[0].flag, 7);
    s.data.t = 5.5;
    eval::net_receive(m, s.data, 1, &w, 7);
    EXPECT_EQ(s.field(last, 1), 7);
    EXPECT_EQ(s.field(count, 1), 0.5);
    ASSERT_EQ(events.spikes.size(), 1u);
    EXPECT_EQ(events.spikes[0], std::make_pair(1, 5.5));
}

// WATCH (v > vthresh) 2 armed by a self-event: check_watch sends net_send(0, 2) once per
// upward crossing of the armed condition, and a condition already true when armed waits for
// the next crossing (NEURON's WatchCondition).
constexpr const char* kWatch = R"(
NEURON { POINT_PROCESS watcher  RANGE vthresh }
PARAMETER { vthresh = -50 (mV) }
INITIAL { net_send(0, 1) }
NET_RECEIVE(w) {
    if (flag == 1) {
        WATCH (v > vthresh) 2
    }
}
)";

TEST(Regression, WatchSendsOneSelfEventPerUpwardCrossing) {
    auto m = compile(kWatch);
    ASSERT_FALSE(m.check_watch.empty());
    eval::InstanceStorage s(m, 2);
    Events events;
    connect(s, events);
    eval::init(m, s.data);
    events.sent.clear();
    s.v(0) = s.v(1) = -60;
    eval::check_watch(m, s.data); // nothing armed yet
    EXPECT_TRUE(events.sent.empty());
    double w = 0;
    eval::net_receive(m, s.data, 0, &w, 1); // arms instance 0 only, condition false
    s.v(1) = -40;
    s.data.t = 1;
    eval::check_watch(m, s.data);
    EXPECT_TRUE(events.sent.empty());
    s.v(0) = -45; // crosses
    eval::check_watch(m, s.data);
    ASSERT_EQ(events.sent.size(), 1u);
    EXPECT_EQ(events.sent[0].instance, 0);
    EXPECT_EQ(events.sent[0].delay, 0);
    EXPECT_EQ(events.sent[0].flag, 2);
    eval::check_watch(m, s.data); // still above: no second event
    EXPECT_EQ(events.sent.size(), 1u);
    s.v(0) = -70;
    eval::check_watch(m, s.data);
    s.v(0) = -30; // crosses again: the watch stays armed
    eval::check_watch(m, s.data);
    EXPECT_EQ(events.sent.size(), 2u);
    // Armed while already above threshold: fires only after going below and above again.
    eval::net_receive(m, s.data, 1, &w, 1);
    eval::check_watch(m, s.data);
    EXPECT_EQ(events.sent.size(), 2u);
    s.v(1) = -60;
    eval::check_watch(m, s.data);
    s.v(1) = -49;
    eval::check_watch(m, s.data);
    ASSERT_EQ(events.sent.size(), 3u);
    EXPECT_EQ(events.sent[2].instance, 1);
    // An event that runs no WATCH leaves the watches armed; one that runs WATCH re-arms.
    eval::net_receive(m, s.data, 0, &w, 2);
    s.v(0) = -70;
    eval::check_watch(m, s.data);
    s.v(0) = -20;
    eval::check_watch(m, s.data);
    EXPECT_EQ(events.sent.size(), 4u);
}

} // namespace
} // namespace mech::test
