// The thread team behind SimOptions::threads. Two barriers per run(): one releases the team
// into the job, one waits for everyone to finish it.
#include "workers.hpp"

namespace mech::detail {

Workers::Workers(int threads) : threads_(threads), start_(threads), done_(threads) {
    for (int p = 1; p < threads_; ++p)
        team_.emplace_back([this, p] { loop(p); });
}

Workers::~Workers() {
    if (team_.empty())
        return;
    stop_ = true;
    start_.arrive_and_wait();
    for (auto& t : team_)
        t.join();
}

void Workers::loop(int p) {
    for (;;) {
        start_.arrive_and_wait();
        if (stop_)
            return;
        (*job_)(p);
        done_.arrive_and_wait();
    }
}

void Workers::run(const std::function<void(int)>& job) {
    if (team_.empty()) {
        job(0);
        return;
    }
    job_ = &job;
    start_.arrive_and_wait();
    job(0);
    done_.arrive_and_wait();
}

} // namespace mech::detail
