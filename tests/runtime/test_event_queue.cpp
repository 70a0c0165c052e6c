// The calendar event queue delivers exactly what one binary heap ordered by (t, sequence)
// would, step by step, including events sent during delivery and events far in the future.
#include "event_queue.hpp"

#include <gtest/gtest.h>
#include <queue>
#include <random>
#include <vector>

namespace {

using mech::detail::Event;
using mech::detail::EventQueue;

// The previous implementation: one heap over every pending event.
class ReferenceQueue {
public:
    void push(Event e) {
        e.sequence = next_++;
        heap_.push(e);
    }
    bool due(double t_limit) const { return !heap_.empty() && heap_.top().t <= t_limit; }
    Event pop() {
        Event e = heap_.top();
        heap_.pop();
        return e;
    }

private:
    struct Later {
        bool operator()(const Event& a, const Event& b) const {
            return a.t != b.t ? a.t > b.t : a.sequence > b.sequence;
        }
    };
    std::priority_queue<Event, std::vector<Event>, Later> heap_;
    uint64_t next_ = 0;
};

// Runs `steps` steps of NEURON's delivery rule on both queues with the same random traffic and
// expects the same deliveries in the same order.
void run_both(double dt, int steps, uint64_t seed, double width) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    EventQueue q;
    q.set_bucket_width(width);
    ReferenceQueue ref;
    int32_t id = 0;
    auto send = [&](double t) {
        Event e;
        e.t = t;
        e.instance = id++;
        q.push(e);
        ref.push(e);
    };
    for (int k = 0; k < 50; ++k) // before the run, some at the same time
        send(k % 5 == 0 ? 1.0 : unit(rng) * 20);
    send(250.0); // beyond the ring's span at the start
    send(1e9);
    double t = 0;
    std::size_t delivered = 0;
    for (int n = 0; n < steps; ++n) {
        const double limit = t + 0.5 * dt;
        while (true) {
            const bool d = q.due(limit);
            ASSERT_EQ(d, ref.due(limit)) << "step " << n;
            if (!d)
                break;
            const Event a = q.pop(), b = ref.pop();
            ASSERT_EQ(a.t, b.t);
            ASSERT_EQ(a.instance, b.instance) << "step " << n;
            ++delivered;
            if (rng() % 4 == 0) // a self-event with delay 0, due at once
                send(a.t);
            if (rng() % 2 == 0) // a network event 0.1 .. 8 ms later
                send(a.t + 0.1 + unit(rng) * 7.9);
        }
        if (n % 7 == 0)
            send(t + unit(rng) * 3); // spikes sent by detection
        t = (t + 0.5 * dt) + 0.5 * dt;
    }
    EXPECT_GT(delivered, 100u);
}

TEST(EventQueue, SameOrderAsOneHeapWithStepWideBuckets) {
    run_both(0.025, 12000, 1, 0.025); // 300 ms: the ring wraps and far events come in
}

TEST(EventQueue, SameOrderWithOtherWidthsAndNoBuckets) {
    run_both(0.025, 2000, 2, 0.1);
    run_both(0.1, 2000, 3, 0.025); // buckets narrower than the step
    run_both(0.025, 2000, 4, 0.0);
}

TEST(EventQueue, ClearEmptiesEverythingAndStartsAgainAtZero) {
    EventQueue q;
    q.set_bucket_width(0.025);
    for (double t : {0.01, 3.0, 500.0})
        q.push(Event{t, 0, 0, 0, 0.0, 0});
    ASSERT_TRUE(q.due(10.0));
    q.clear();
    EXPECT_EQ(q.size(), 0u);
    EXPECT_FALSE(q.due(1e6));
    q.push(Event{0.0, 0, 0, 7, 0.0, 0});
    ASSERT_TRUE(q.due(0.0125));
    EXPECT_EQ(q.pop().instance, 7);
}

// Events due at the same time go by the moment they were sent, then by the order of pushing,
// even when an earlier moment's events are pushed later (a thread queueing the spikes of a past
// step after its own self-events), in the ring, the sorted front and the heap alike.
TEST(EventQueue, TiesGoByTheMomentSentThenByPushOrder) {
    for (double t : {0.0, 0.0375, 50.0, 1e6}) {
        EventQueue q;
        q.set_bucket_width(0.025);
        int32_t id = 0;
        for (int64_t sent : {5, 5, 2, 2, 9, 0}) {
            Event e{t, 0, 0, id++, 0.0, 0};
            q.push(e, sent);
        }
        std::vector<int32_t> order;
        while (q.due(t + 1e9))
            order.push_back(q.pop().instance);
        EXPECT_EQ(order, (std::vector<int32_t>{5, 2, 3, 0, 1, 4})) << "t = " << t;
    }
}

} // namespace
