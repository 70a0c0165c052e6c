// The built-in unit names, taken from NEURON's units database (nrnunits.lib, modern
// values), restricted to what neuron models use, plus the usual molar/mol aliases.
#include "units/unit_table.hpp"

#include "diag/suggest.hpp"

#include <algorithm>
#include <stdexcept>

#include "units/parse_unit.hpp"

namespace mech::units {

namespace {

// Definitions are read in order with the table built so far, as NEURON reads its database.
struct Definition {
    const char* name;
    const char* text;
};

constexpr Definition kDefinitions[] = {
    // length, area, volume
    {"meter", "m"}, {"metre", "m"}, {"micron", "1e-6 m"}, {"angstrom", "1e-10 m"},
    {"liter", "1e-3 m3"}, {"litre", "liter"}, {"l", "liter"}, {"L", "liter"}, {"cc", "cm3"},
    // mass
    {"gram", "1e-3 kg"}, {"g", "gram"}, {"gm", "gram"},
    // time
    {"s", "sec"}, {"second", "sec"}, {"minute", "60 sec"}, {"min", "minute"},
    {"hour", "3600 sec"}, {"hr", "hour"}, {"day", "86400 sec"},
    // electricity
    {"A", "amp"}, {"ampere", "amp"}, {"coul", "amp-sec"}, {"coulomb", "coul"}, {"C", "coul"},
    {"joule", "kg-m2/sec2"}, {"J", "joule"}, {"erg", "1e-7 joule"}, {"newton", "kg-m/sec2"},
    {"N", "newton"}, {"nt", "newton"}, {"dyne", "1e-5 newton"}, {"watt", "joule/sec"},
    {"W", "watt"}, {"cal", "4.1868 joule"}, {"calorie", "cal"}, {"volt", "watt/amp"},
    {"V", "volt"}, {"ohm", "volt/amp"}, {"Ohm", "ohm"}, {"megohm", "1e6 ohm"},
    {"kilohm", "1e3 ohm"}, {"mho", "/ohm"}, {"siemens", "/ohm"}, {"S", "siemens"},
    {"farad", "coul/volt"}, {"F", "farad"}, {"pf", "1e-12 farad"}, {"henry", "sec2/farad"},
    {"weber", "volt-sec"}, {"tesla", "weber/m2"}, {"gauss", "1e-4 tesla"},
    // pressure
    {"pascal", "newton/m2"}, {"Pa", "pascal"}, {"atmosphere", "101325 pascal"},
    {"atm", "atmosphere"}, {"bar", "1e5 pascal"}, {"torr", "101325|760 pascal"},
    {"mmHg", "133.322 pascal"},
    // frequency, temperature, angles
    {"hertz", "/sec"}, {"Hz", "hertz"}, {"hz", "hertz"}, {"degC", "K"}, {"kelvin", "K"},
    {"degK", "K"}, {"pi", "3.14159265358979323846"}, {"radian", "1"},
    {"degree", "0.0174532925199432957692"},
    // amounts: NEURON counts moles as a number and models declare (molar) = (1/liter)
    {"mole", "6.02214076e23"}, {"avogadro", "mole"}, {"mol", "1"}, {"molar", "/liter"},
    {"M", "molar"},
    // constants (2019 SI values, as NEURON 8.2 uses)
    {"e", "1.602176634e-19 coul"}, {"electronvolt", "e-volt"}, {"eV", "electronvolt"},
    {"ev", "electronvolt"}, {"boltzmann", "1.380649e-23 joule/K"}, {"k", "boltzmann"},
    {"faraday", "96485.3321233100184 coul"}, {"gasconstant", "k-mole"}, {"R", "gasconstant"},
    {"c", "2.99792458e8 m/sec"}, {"planck", "6.62607015e-34 joule-sec"},
    {"hbar", "1.05457181764615654e-34 joule-sec"},
};

struct Prefix {
    const char* name;
    int exp10;
};

constexpr Prefix kPrefixes[] = {
    {"yotta", 24}, {"zetta", 21}, {"exa", 18},   {"peta", 15},  {"tera", 12},  {"giga", 9},
    {"mega", 6},   {"meg", 6},    {"myria", 4},  {"kilo", 3},   {"hecto", 2},  {"deka", 1},
    {"deca", 1},   {"deci", -1},  {"centi", -2}, {"milli", -3}, {"micro", -6}, {"nano", -9},
    {"pico", -12}, {"femto", -15}, {"atto", -18}, {"zepto", -21}, {"zopto", -21},
    {"yocto", -24}, {"Y", 24},    {"Z", 21},     {"E", 18},     {"P", 15},     {"T", 12},
    {"G", 9},      {"M", 6},      {"k", 3},      {"h", 2},      {"da", 1},     {"d", -1},
    {"c", -2},     {"m", -3},     {"u", -6},     {"\xC2\xB5", -6}, {"n", -9},  {"p", -12},
    {"f", -15},    {"a", -18},    {"z", -21},    {"y", -24},
};

} // namespace

UnitTable::UnitTable(Empty) {
    auto base = [](Base b) {
        Dims d;
        d[b] = 1;
        return Unit(d, 1);
    };
    names_.emplace("m", base(Base::Length));
    names_.emplace("kg", base(Base::Mass));
    names_.emplace("sec", base(Base::Time));
    names_.emplace("amp", base(Base::Current));
    names_.emplace("K", base(Base::Temperature));
    for (const Prefix& p : kPrefixes)
        prefixes_.emplace_back(p.name, p.exp10);
    std::stable_sort(prefixes_.begin(), prefixes_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const Definition& d : kDefinitions) {
        ParseResult r = parse_unit(d.text, *this);
        if (!r.ok())
            throw std::logic_error(std::string("bad built-in unit ") + d.name + ": " + r.error);
        names_.insert_or_assign(d.name, r.unit);
    }
}

const UnitTable& UnitTable::builtin() {
    static const UnitTable table{Empty{}};
    return table;
}

void UnitTable::define(std::string name, const Unit& unit) {
    names_.insert_or_assign(std::move(name), unit);
}

std::optional<Unit> UnitTable::lookup_unprefixed(std::string_view name) const {
    if (auto it = names_.find(name); it != names_.end())
        return it->second;
    if (name.size() > 2 && name.back() == 's') {
        if (auto it = names_.find(name.substr(0, name.size() - 1)); it != names_.end())
            return it->second;
    }
    return std::nullopt;
}

std::optional<Unit> UnitTable::lookup(std::string_view name) const {
    std::optional<Unit> u = resolve(name);
    if (u)
        return u->named(std::string(name));
    return u;
}

std::optional<Unit> UnitTable::resolve(std::string_view name) const {
    if (auto it = names_.find(name); it != names_.end())
        return it->second;
    for (const auto& [prefix, exp10] : prefixes_) {
        // A spelled-out prefix alone is a number, as in NEURON's "(mM) = (milli/liter)".
        if (name == prefix && prefix.size() >= 3)
            return Unit(Dims{}, 1, exp10);
        if (name.size() > prefix.size() && name.starts_with(prefix)) {
            if (auto u = lookup_unprefixed(name.substr(prefix.size())))
                return Unit(Dims{}, 1, exp10) * *u;
        }
    }
    if (name.size() > 2 && name.back() == 's') {
        if (auto it = names_.find(name.substr(0, name.size() - 1)); it != names_.end())
            return it->second;
    }
    return std::nullopt;
}

std::string UnitTable::closest_name(std::string_view name) const {
    std::string best;
    std::size_t best_d = name.size() <= 3 ? 1 : name.size() / 3;
    auto consider = [&](const std::string& candidate) {
        std::size_t d = diag::edit_distance(name, candidate);
        if (d <= best_d && (best.empty() || d < best_d)) {
            best = candidate;
            best_d = d;
        }
    };
    for (const auto& [n, u] : names_)
        consider(n);
    // Prefixed short names (mV, uS, mM, ...) are not table entries; try the common ones.
    for (const char* p : {"m", "u", "n", "p", "k", "M", "c"})
        for (const auto& [n, u] : names_)
            if (n.size() <= 3)
                consider(p + n);
    for (const char* p : {"milli", "micro", "nano", "pico", "kilo", "mega", "centi"})
        for (const auto& [n, u] : names_)
            if (n.size() >= 3)
                consider(p + n);
    return best;
}

} // namespace mech::units
