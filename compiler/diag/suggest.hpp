// Spelling suggestions for "did you mean ...?" messages, shared by every part of mech that
// reports an unknown name (sema, units, model files).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mech::diag {

// Optimal-string-alignment distance, case-insensitive: a swapped pair of letters ("gnbaar") or
// a slip of case ("mv") counts as one typo, as users perceive it.
std::size_t edit_distance(std::string_view a, std::string_view b);

// How far a candidate may be from `word` and still be offered: 1 edit for names of up to 3
// letters, 2 up to 6, else 3 — beyond that a suggestion is more often wrong than helpful.
std::size_t typo_limit(std::string_view word);

// The candidate closest to `word` within typo_limit (the first of equals), or "" if none.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

} // namespace mech::diag
