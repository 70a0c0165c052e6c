// The thread team behind SimOptions::threads. A step is tens of microseconds, so the team
// spins between jobs instead of sleeping: waking a thread through the kernel (what
// std::barrier does once its short spin runs out) costs about as much as the step itself and
// made two threads slower than one. A member that has waited long (the caller is between runs,
// or busy with a long serial phase) goes to sleep on the generation counter.
#include "workers.hpp"

#include <chrono>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace mech::detail {
namespace {

void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
    _mm_pause();
#else
    std::this_thread::yield();
#endif
}

constexpr std::chrono::microseconds kBusy{50};

// Spins until `ready()` holds; after `patience` of spinning, calls `sleep()` in a loop instead.
template <class Ready, class Sleep>
void wait_until(Ready ready, Sleep sleep, std::chrono::microseconds patience) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const auto give_up = start + patience;
    for (unsigned spins = 1;; ++spins) {
        if (ready())
            return;
        cpu_relax();
        // Pure spinning for the first few microseconds (a step's imbalance); after that, give
        // the core away now and then: when the machine runs more threads than it has cores,
        // the thread being waited for may need this one. (Yielding from the start cost W1 a
        // third of its two-thread speed-up: every sched_yield is a trip through the kernel.)
        if (spins % 256 == 0) {
            const auto now = Clock::now();
            if (now > give_up)
                break;
            if (now > start + kBusy)
                std::this_thread::yield();
        }
    }
    while (!ready())
        sleep();
}

constexpr std::chrono::microseconds kPatience{500};

} // namespace

Workers::Workers(int threads) : threads_(threads) {
    for (int p = 1; p < threads_; ++p)
        team_.emplace_back([this, p] { loop(p); });
}

Workers::~Workers() {
    if (team_.empty())
        return;
    stop_ = true;
    generation_.fetch_add(1, std::memory_order_release);
    generation_.notify_all();
    for (auto& t : team_)
        t.join();
}

void Workers::loop(int p) {
    uint32_t seen = 0;
    for (;;) {
        wait_until([&] { return generation_.load(std::memory_order_acquire) != seen; },
                   [&] { generation_.wait(seen, std::memory_order_acquire); }, kPatience);
        seen = generation_.load(std::memory_order_acquire);
        if (stop_)
            return;
        (*job_)(p);
        pending_.fetch_sub(1, std::memory_order_release);
    }
}

void Workers::run(const std::function<void(int)>& job) {
    if (team_.empty()) {
        job(0);
        return;
    }
    job_ = &job;
    pending_.store(threads_ - 1, std::memory_order_relaxed);
    generation_.fetch_add(1, std::memory_order_release);
    generation_.notify_all();
    job(0);
    wait_until([&] { return pending_.load(std::memory_order_acquire) == 0; },
               [] { std::this_thread::yield(); }, kPatience);
}

} // namespace mech::detail
