// Located model-file errors and the "did you mean" suggestions attached to unknown names.
#include "model_error.hpp"

#include "diag/suggest.hpp"

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

}  // namespace

ModelError::ModelError(const std::string& file, Loc loc, const std::string& message)
    : std::runtime_error(format_error(file, loc, message)), file_(file), loc_(loc), message_(message) {}

std::string fmt_number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    return diag::closest_match(word, candidates);
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    const std::string best = closest_match(word, candidates);
    return best.empty() ? std::string() : "; did you mean '" + best + "'?";
}

}  // namespace mech::model
