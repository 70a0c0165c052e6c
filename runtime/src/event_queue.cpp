// The calendar event queue: buckets one step wide ahead of a binary heap of due-soon events.
#include "event_queue.hpp"

#include <algorithm>
#include <cmath>

namespace mech::detail {

void EventQueue::set_bucket_width(double width) {
    clear();
    inverse_width_ = width > 0 ? 1.0 / width : 0.0;
    ring_.assign(inverse_width_ > 0 ? ring_size : 0, {});
}

int64_t EventQueue::bucket(double t) const {
    if (inverse_width_ == 0)
        return 0;
    const double k = std::floor(t * inverse_width_);
    // Far future, infinite or NaN times go to the far heap (past the ring for any front).
    if (!(k < 4.0e18))
        return INT64_MAX / 2;
    return k < -4.0e18 ? INT64_MIN / 2 : static_cast<int64_t>(k);
}

uint64_t EventQueue::push(Event e, int64_t sent) {
    if (sent != last_sent_) {
        last_sent_ = sent;
        burst_ = 0;
    }
    if (burst_ >= (uint64_t{1} << burst_bits) - 1)
        overflowed_ = true;
    e.sequence = (static_cast<uint64_t>(sent) << burst_bits) + burst_++;
    const int64_t k = bucket(e.t);
    if (k <= front_bucket_) {
        front_.push(e);
    } else if (k - front_bucket_ < ring_size) {
        ring_[static_cast<std::size_t>(k % ring_size)].push_back(e);
        ++in_ring_;
    } else {
        far_.push(e);
    }
    return e.sequence;
}

void EventQueue::advance(int64_t target) {
    while (front_bucket_ < target) {
        if (in_ring_ == 0 && (far_.empty() || bucket(far_.top().t) > target)) {
            front_bucket_ = target; // nothing pending up to target: jump
        } else {
            ++front_bucket_;
            auto& slot = ring_[static_cast<std::size_t>(front_bucket_ % ring_size)];
            in_ring_ -= slot.size();
            if (run_pos_ == run_.size()) {
                // (Events moved in from far_ may be older than the slot's others: sort by both
                // keys.)
                run_.swap(slot);
                run_pos_ = 0;
                std::sort(run_.begin(), run_.end(),
                          [](const Event& a, const Event& b) { return Later{}(b, a); });
            } else {
                for (const Event& e : slot)
                    front_.push(e);
            }
            slot.clear(); // keeps its capacity: no allocation in steady state
        }
        // Far events that the ring's span now reaches (or that are already due).
        while (!far_.empty() && bucket(far_.top().t) - front_bucket_ < ring_size) {
            const Event e = far_.top();
            far_.pop();
            const int64_t k = bucket(e.t);
            if (k <= front_bucket_) {
                front_.push(e);
            } else {
                ring_[static_cast<std::size_t>(k % ring_size)].push_back(e);
                ++in_ring_;
            }
        }
    }
}

bool EventQueue::run_first() const {
    if (run_pos_ == run_.size())
        return false;
    return front_.empty() || !Later{}(run_[run_pos_], front_.top());
}

bool EventQueue::due(double t_limit) {
    if (inverse_width_ > 0)
        advance(bucket(t_limit));
    if (run_first())
        return run_[run_pos_].t <= t_limit;
    return !front_.empty() && front_.top().t <= t_limit;
}

Event EventQueue::pop() {
    if (run_first())
        return run_[run_pos_++];
    Event e = front_.top();
    front_.pop();
    return e;
}

void EventQueue::clear() {
    run_.clear();
    run_pos_ = 0;
    front_ = {};
    far_ = {};
    for (auto& slot : ring_)
        slot.clear();
    in_ring_ = 0;
    front_bucket_ = 0;
    last_sent_ = -1;
    burst_ = 0;
    overflowed_ = false;
}

std::size_t EventQueue::size() const {
    return run_.size() - run_pos_ + front_.size() + in_ring_ + far_.size();
}

} // namespace mech::detail
