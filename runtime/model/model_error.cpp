// Located model-file errors and the "did you mean" suggestions attached to unknown names.
#include "model_error.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace mech::model {

namespace {

std::string format_error(const std::string& file, Loc loc, const std::string& message) {
    if (loc.line <= 0) return file + ": error: " + message;
    return file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column) +
           ": error: " + message;
}

// Optimal-string-alignment distance, case-insensitive: a swapped pair of letters ("gnbaar") is
// one typo, as users perceive it.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

}  // namespace

ModelError::ModelError(const std::string& file, Loc loc, const std::string& message)
    : std::runtime_error(format_error(file, loc, message)), file_(file), loc_(loc), message_(message) {}

std::string fmt_number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = 0;
    // A third of the word's length (at least 1, at most 3) separates typos from other names.
    const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d <= limit && (best.empty() || d < best_distance)) {
            best = c;
            best_distance = d;
        }
    }
    return best;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    const std::string best = closest_match(word, candidates);
    return best.empty() ? std::string() : "; did you mean '" + best + "'?";
}

}  // namespace mech::model
