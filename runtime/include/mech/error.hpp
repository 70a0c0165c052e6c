// The one exception type of the runtime: every user mistake (bad geometry, unknown names,
// out-of-range values, a blown-up simulation) is reported as a mech::Error naming the culprit.
#pragma once

#include <stdexcept>
#include <string>

namespace mech {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

} // namespace mech
