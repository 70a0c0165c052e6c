// The names units can be spelled with: NEURON's units database (the part neuron models
// use), SI prefixes, and the aliases a file's UNITS block adds.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "units/unit.hpp"

namespace mech::units {

class UnitTable {
public:
    // The built-in names only (mV, mA/cm2, faraday, k-mole, molar, ...). Built once.
    static const UnitTable& builtin();

    // A copy of the built-in table that a file's UNITS block can extend.
    UnitTable() : UnitTable(builtin()) {}

    // Adds or replaces a name, as `(mM) = (millimolar)` does.
    void define(std::string name, const Unit& unit);

    // The unit a single name stands for, trying in NEURON's order: the exact name, a
    // prefix followed by a known name (longest prefix first), then a plural `s`.
    std::optional<Unit> lookup(std::string_view name) const;

    // The known name closest to `name` (for "did you mean" hints), or "" if none is close.
    std::string closest_name(std::string_view name) const;

private:
    struct Empty {};
    explicit UnitTable(Empty);
    std::optional<Unit> resolve(std::string_view name) const;
    std::optional<Unit> lookup_unprefixed(std::string_view name) const;

    std::map<std::string, Unit, std::less<>> names_;
    std::vector<std::pair<std::string, int>> prefixes_; // name and decimal exponent
};

} // namespace mech::units
