// The terminal progress bar (see progress_bar.hpp).
#include "progress_bar.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace mech::mechsim {

ProgressBar::ProgressBar(double total, bool enabled)
    : total_(total > 0 ? total : 1), enabled_(enabled), start_(Clock::now()), last_draw_(start_) {}

ProgressBar::~ProgressBar() { finish(); }

bool ProgressBar::terminal_available() {
    const char* term = std::getenv("TERM");
    return ::isatty(STDOUT_FILENO) && ::isatty(STDERR_FILENO) && !(term && std::strcmp(term, "dumb") == 0);
}

void ProgressBar::update(double done) {
    if (!enabled_) return;
    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    // Nothing for short runs; then at most ten redraws a second.
    if (elapsed < 1.0 || (drawn_ && now - last_draw_ < std::chrono::milliseconds(100))) return;
    last_draw_ = now;
    const double fraction = std::min(1.0, std::max(0.0, done / total_));
    const int width = 30;
    const int filled = static_cast<int>(fraction * width);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(width - filled), '.');
    const double remaining = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0;
    std::fprintf(stderr, "\r[%s] %5.1f%%  %.0f s left\x1b[K", bar.c_str(), 100 * fraction, remaining);
    std::fflush(stderr);
    drawn_ = true;
}

void ProgressBar::finish() {
    if (!drawn_) return;
    std::fprintf(stderr, "\r\x1b[K");
    std::fflush(stderr);
    drawn_ = false;
}

}  // namespace mech::mechsim
