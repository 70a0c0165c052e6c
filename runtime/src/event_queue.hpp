// Pending network and self events for point processes, delivered in time order: a calendar of
// step-wide buckets in front of a small binary heap, so each delivery sorts only against the
// events of the step being delivered instead of every pending event.
#pragma once

#include <cstdint>
#include <queue>
#include <vector>

namespace mech::detail {

struct Event {
    double t = 0;
    uint64_t sequence = 0; // given by push(): the order in which events were queued
    int32_t store = 0;     // mechanism store of the target
    int32_t instance = 0;
    double flag = 0;    // 0 for network events, net_send's flag otherwise
    int64_t weight = 0; // offset into the simulation's event weights (0: a zero vector)
    // Ties at equal t go by `sent`, then `sequence`: the simulation numbers the moments at which
    // events are sent (Simulation::Impl::sent_*), so that the order does not depend on when a
    // thread gets to queue them.
    int64_t sent = 0;
};

// Delivery order is (t, sent, sequence), exactly that of one binary heap over all events: bucket
// k holds the events with floor(t / width) = k, a function that never decreases with t, so
// every event due at t_limit lies in a bucket at or before t_limit's, and those are all in
// the front (a sorted run and a small heap) when due() answers.
class EventQueue {
public:
    // Bucket width in ms (the time step). 0, the default, keeps every event in the heap.
    void set_bucket_width(double width);
    // Returns the sequence number given to the event (its handle for cancel()).
    uint64_t push(Event e);
    bool due(double t_limit);
    Event pop(); // the earliest event; only after due() returned true
    void clear();
    std::size_t size() const;

private:
    struct Later {
        bool operator()(const Event& a, const Event& b) const {
            if (a.t != b.t)
                return a.t > b.t;
            return a.sent != b.sent ? a.sent > b.sent : a.sequence > b.sequence;
        }
    };
    using Heap = std::priority_queue<Event, std::vector<Event>, Later>;
    static constexpr int64_t ring_size = 4096; // buckets ahead of the front (100 ms at 0.025)

    int64_t bucket(double t) const;
    // Moves buckets up to `target` into the heap (and far events into the ring).
    void advance(int64_t target);

    // Every event in a bucket <= front_bucket_ is in run_[run_pos_..] (one bucket, sorted by
    // (t, sequence) once when it came to the front) or in front_ (events that arrived while
    // run_ still held undelivered events, or were sent for a bucket already at the front).
    std::vector<Event> run_;
    std::size_t run_pos_ = 0;
    Heap front_;
    bool run_first() const;                // the earliest front event is run_[run_pos_]
    std::vector<std::vector<Event>> ring_; // bucket k at k % ring_size, for k in the ring's span
    Heap far_;                             // events beyond the ring's span
    int64_t front_bucket_ = 0;
    double inverse_width_ = 0;
    std::size_t in_ring_ = 0;
    uint64_t next_sequence_ = 0;
};

} // namespace mech::detail
