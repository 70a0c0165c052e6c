// Pending network and self events for point processes, delivered in time order.
#pragma once

#include <cstdint>
#include <queue>
#include <vector>

namespace mech::detail {

struct Event {
    double t = 0;
    uint64_t sequence = 0; // ties keep the order in which events were sent
    int32_t store = 0;     // mechanism store of the target
    int32_t instance = 0;
    double flag = 0;    // 0 for network events, net_send's flag otherwise
    int64_t weight = 0; // offset into EventQueue::weights (0: the shared zero vector)
};

class EventQueue {
public:
    void push(Event e) {
        e.sequence = next_sequence_++;
        queue_.push(e);
    }
    bool due(double t_limit) const { return !queue_.empty() && queue_.top().t <= t_limit; }
    Event pop() {
        Event e = queue_.top();
        queue_.pop();
        return e;
    }
    void clear() { queue_ = {}; }
    // Weight vectors live here for the life of the simulation (NET_RECEIVE may modify them).
    std::vector<double> weights;

private:
    struct Later {
        bool operator()(const Event& a, const Event& b) const {
            return a.t != b.t ? a.t > b.t : a.sequence > b.sequence;
        }
    };
    std::priority_queue<Event, std::vector<Event>, Later> queue_;
    uint64_t next_sequence_ = 0;
};

} // namespace mech::detail
