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
    uint64_t sequence = 0; // given by push(): the order among events due at the same time
    int32_t store = 0;     // mechanism store of the target
    int32_t instance = 0;
    double flag = 0;    // 0 for network events, net_send's flag otherwise
    int64_t weight = 0; // offset into the simulation's event weights (0: a zero vector)
};

// Delivery order is (t, sequence), exactly that of one binary heap over all events: bucket
// k holds the events with floor(t / width) = k, a function that never decreases with t, so
// every event due at t_limit lies in a bucket at or before t_limit's, and those are all in
// the front (a sorted run and a small heap) when due() answers.
class EventQueue {
public:
    // Bucket width in ms (the time step). 0, the default, keeps every event in the heap.
    void set_bucket_width(double width);
    // `sent` numbers the moment the event was sent (0 <= sent < 2^38; the simulation's
    // Simulation::Impl::sent_*): events due at the same time are delivered in order of `sent`,
    // then in the order they were pushed, whatever the order in which moments are pushed.
    // The key is (sent << 26) + the event's place among the events pushed with that `sent`
    // since another value was pushed; it goes into Event::sequence and is returned (the
    // event's handle). One moment's events must be pushed together, and at most 2^26 - 1 of
    // them: beyond that their order is lost, and overflowed() says so.
    uint64_t push(Event e, int64_t sent = 0);
    bool overflowed() const { return overflowed_; }
    bool due(double t_limit);
    Event pop(); // the earliest event; only after due() returned true
    void clear();
    std::size_t size() const;

private:
    struct Later {
        bool operator()(const Event& a, const Event& b) const {
            return a.t != b.t ? a.t > b.t : a.sequence > b.sequence;
        }
    };
    using Heap = std::priority_queue<Event, std::vector<Event>, Later>;
    // Buckets ahead of the front: 12.8 ms at dt = 0.025 ms, longer than most connection delays;
    // later events wait in a heap. Each partition has a queue, and a bucket keeps its capacity
    // when emptied, so a small ring reaches its steady state (no allocation) soon: with 4096
    // buckets, eight W3 partitions spent 6 % of the run in malloc and ran 12 % slower.
    static constexpr int64_t ring_size = 512;

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
    static constexpr int burst_bits = 26;
    int64_t last_sent_ = -1;
    uint64_t burst_ = 0; // events pushed with last_sent_
    bool overflowed_ = false;
};

} // namespace mech::detail
