// A one-line progress bar on stderr for long runs: shown only when both stdout and stderr are
// terminals and only once a run has taken more than a second, so logs and pipes stay clean.
#pragma once

#include <chrono>

namespace mech::mechsim {

class ProgressBar {
public:
    explicit ProgressBar(double total, bool enabled);
    ~ProgressBar();  // clears the line if it was drawn

    void update(double done);
    void finish();

    // True when stdout and stderr are terminals (and TERM is not "dumb").
    static bool terminal_available();

private:
    using Clock = std::chrono::steady_clock;
    double total_;
    bool enabled_;
    bool drawn_ = false;
    Clock::time_point start_;
    Clock::time_point last_draw_;
};

}  // namespace mech::mechsim
