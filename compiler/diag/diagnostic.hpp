// One message the compiler reports about the input (or about itself).
#pragma once

#include "diag/source_location.hpp"

#include <string>
#include <string_view>

namespace mech::diag {

enum class Severity {
    Note,
    Warning,
    Error,
    InternalError, // a compiler bug, not the user's mistake
};

std::string_view severity_name(Severity s); // "note", "warning", "error", "internal error"

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceRange range;   // may be invalid for messages not tied to the source
    std::string message; // no trailing newline, starts in lower case
};

} // namespace mech::diag
