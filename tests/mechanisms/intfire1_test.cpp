// IntFire1 event by event: integration, exact decay between events, firing, refractoriness.
#include "library_harness.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace mech::library_test {
namespace {

TEST(IntFire1, IntegratesDecaysFiresAndIsRefractory) {
    const auto* m = load("IntFire1.mech", "IntFire1");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->kind, MECH_KIND_ARTIFICIAL);
    Instance c(*m);
    EXPECT_DOUBLE_EQ(c.field("tau"), 10.0);
    EXPECT_DOUBLE_EQ(c.field("refrac"), 5.0);
    c.init();
    auto& events = c.store().events;

    c.deliver(0.5); // t = 0
    EXPECT_DOUBLE_EQ(c.field("m"), 0.5);
    c.steps(400);   // t = 10: m has decayed by e^-1 when the next event comes
    c.deliver(0.6);
    const double m1 = 0.5 * std::exp(-c.t() / 10.0) + 0.6;
    EXPECT_NEAR(c.field("m"), m1, 1e-14);
    EXPECT_NEAR(m1, 0.78394, 1e-5);
    EXPECT_TRUE(events.empty());

    c.steps(40);    // t = 11: 0.78394 e^-0.1 + 0.3 = 1.0093 > 1 fires
    const double t_fire = c.t();
    c.deliver(0.3);
    EXPECT_DOUBLE_EQ(c.field("m"), 2.0);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_TRUE(events[0].is_send);
    EXPECT_DOUBLE_EQ(events[0].a, 5.0); // the end of the refractory period, refrac ms later
    EXPECT_DOUBLE_EQ(events[0].b, 1.0);
    EXPECT_FALSE(events[1].is_send);
    EXPECT_DOUBLE_EQ(events[1].a, t_fire); // the spike, now

    c.steps(80);    // refractory: input is ignored
    c.deliver(5.0);
    EXPECT_DOUBLE_EQ(c.field("m"), 2.0);
    EXPECT_EQ(events.size(), 2u);

    c.steps(120);   // the self-event ends the refractory period
    c.deliver(0.0, 1.0);
    EXPECT_DOUBLE_EQ(c.field("m"), 0.0);
    c.deliver(0.4);
    EXPECT_DOUBLE_EQ(c.field("m"), 0.4);
}

TEST(IntFire1, SubthresholdInputNeverFires) {
    const auto* m = load("IntFire1.mech", "IntFire1");
    ASSERT_NE(m, nullptr);
    Instance c(*m);
    c.init();
    for (int k = 0; k < 20; ++k) {
        c.deliver(0.09); // the sum settles near 0.09/(1 - e^-0.25) = 0.41
        c.steps(100);
    }
    EXPECT_TRUE(c.store().events.empty());
    EXPECT_LT(c.field("m"), 0.5);
}

} // namespace
} // namespace mech::library_test
