// The one error type of model files: a message located in the file, printed the way compilers do.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "model_description.hpp"

namespace mech::model {

class ModelError : public std::runtime_error {
public:
    // what() is "file:line:col: error: message" ("file: error: message" when loc.line is 0).
    ModelError(const std::string& file, Loc loc, const std::string& message);

    const std::string& file() const { return file_; }
    Loc loc() const { return loc_; }
    const std::string& message() const { return message_; }

private:
    std::string file_;
    Loc loc_;
    std::string message_;
};

// A number as users write it: 0.1, 1e-05, 35.4 (shortest of %g with up to 10 digits).
std::string fmt_number(double value);

// The closest of `candidates` to `word`, or "" when none is close enough to be a likely typo.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "" : appended to "unknown ..." messages.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace mech::model
