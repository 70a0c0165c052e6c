// Where something is in a source file: a file id plus 1-based line and column, and ranges of them.
#pragma once

#include <cstdint>

namespace mech::diag {

// Index into the SourceManager; 0 means "no file" (a location the compiler made up).
using FileId = std::uint32_t;

struct SourceLocation {
    FileId file = 0;
    std::uint32_t line = 0;   // 1-based; 0 = unknown
    std::uint32_t column = 0; // 1-based, counted in bytes

    bool valid() const { return file != 0 && line != 0; }
    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

// A range of characters; `end` is the location of the last character (inclusive),
// so a one-character token has begin == end.
struct SourceRange {
    SourceLocation begin;
    SourceLocation end;

    SourceRange() = default;
    SourceRange(SourceLocation b) : begin(b), end(b) {}
    SourceRange(SourceLocation b, SourceLocation e) : begin(b), end(e) {}

    bool valid() const { return begin.valid(); }
    friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

// The smallest range covering both (either may be invalid).
SourceRange merge(SourceRange a, SourceRange b);

} // namespace mech::diag
