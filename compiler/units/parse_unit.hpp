// Parses a unit expression as NMODL writes it between parentheses: "mA/cm2", "/ms",
// "1/ms", "um2/ms", "k-mole", "ohm cm", "joule/degC".
#pragma once

#include <string>
#include <string_view>

#include "units/unit.hpp"
#include "units/unit_table.hpp"

namespace mech::units {

struct ParseResult {
    Unit unit;                // valid when error is empty
    std::string error;        // e.g. "unknown unit 'mVV' (did you mean 'mV'?)"
    std::size_t offset = 0;   // where in the text the error is (0-based)

    bool ok() const { return error.empty(); }
};

// Syntax (as NEURON's units program reads it): factors separated by spaces, '-' or '*'
// multiply; after a '/' every later factor divides (so "gm/cm-sec" is gm/(cm·sec)); a
// name's trailing digits, or '^' and an integer, are its power; numbers (1, 1e-3, 1|60)
// are numeric factors; parentheses group. Surrounding parentheses are allowed. The empty
// text is the dimensionless 1.
ParseResult parse_unit(std::string_view text, const UnitTable& table = UnitTable::builtin());

} // namespace mech::units
