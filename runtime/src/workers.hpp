// A fixed team of threads that run one job per partition, in lock step with the caller: the
// caller runs partition 0 itself, so `threads` = 1 starts no thread at all.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <new>
#include <thread>
#include <vector>

namespace mech::detail {

class Workers {
public:
    explicit Workers(int threads);
    ~Workers();
    Workers(const Workers&) = delete;
    Workers& operator=(const Workers&) = delete;

    int size() const { return threads_; }
    // Runs job(p) for p = 0 .. size()-1, partition 0 on the calling thread; returns when all
    // are done.
    void run(const std::function<void(int)>& job);

private:
    void loop(int p);

    int threads_;
    const std::function<void(int)>* job_ = nullptr;
    bool stop_ = false;
    // The caller bumps `generation_` to release the team into a job; each member decrements
    // `pending_` when it has finished. Separate cache lines: the team polls one, writes the
    // other.
    alignas(64) std::atomic<uint32_t> generation_{0};
    alignas(64) std::atomic<int> pending_{0};
    std::vector<std::thread> team_;
};

} // namespace mech::detail
