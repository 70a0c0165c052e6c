// A physical unit: a vector of SI base dimensions, a scale relative to SI, and the
// spelling the user wrote (kept for messages). Plain value type; see parse_unit.hpp.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace mech::units {

// The base dimensions. Amount of substance is deliberately absent: as in NEURON's
// units database, a mole is a pure number (6.022e23) and molar means 1/liter.
enum class Base : int { Length, Mass, Time, Current, Temperature };
inline constexpr int kBaseCount = 5;

struct Dims {
    std::array<int, kBaseCount> exp{};

    int& operator[](Base b) { return exp[static_cast<int>(b)]; }
    int operator[](Base b) const { return exp[static_cast<int>(b)]; }
    bool dimensionless() const;
    bool operator==(const Dims&) const = default;
};

// One named factor as written ("mA", "cm" with power -2): only used for printing.
struct Atom {
    std::string name;
    int power = 1;
    bool operator==(const Atom&) const = default;
};

class Unit {
public:
    // The dimensionless unit "1".
    Unit() = default;
    // A quantity of the given dimensions worth mantissa·10^exp10 SI base units.
    Unit(Dims dims, long double mantissa, int exp10 = 0);

    const Dims& dims() const { return dims_; }
    bool dimensionless() const { return dims_.dimensionless(); }
    // How many SI base units one of this unit is (e.g. 1e-3 for mV).
    double scale() const;
    long double mantissa() const { return mantissa_; }
    int exp10() const { return exp10_; }
    // True for the plain number 1 (dimensionless, scale 1).
    bool is_one() const;

    // The printed factors and the number printed in front of them.
    const std::vector<Atom>& atoms() const { return atoms_; }
    long double shown_number() const { return shown_; }

    // The same quantity, printed as `name` (used for table entries and UNITS aliases).
    Unit named(std::string name) const;
    // The same quantity with an explicit list of printed factors.
    Unit with_atoms(std::vector<Atom> atoms, long double shown_number = 1) const;

    // Pretty print as NEURON writes units: "mA/cm2", "/ms", "S-mV/cm2", "1".
    std::string str() const;
    // The same quantity spelled in SI base units with its scale, e.g. "1e-3 m2-kg/s3-A".
    std::string si_str() const;

    friend Unit operator*(const Unit& a, const Unit& b);
    friend Unit operator/(const Unit& a, const Unit& b);
    // Integer power (negative allowed).
    Unit pow(int p) const;
    // Rational power num/den; empty when a dimension exponent is not divisible by den
    // (sqrt(um2) is um, sqrt(um) has no meaning).
    std::optional<Unit> pow(int num, int den) const;

private:
    Dims dims_{};
    long double mantissa_ = 1;
    int exp10_ = 0;
    std::vector<Atom> atoms_;     // printed factors; empty with shown_ == 1 means "1"
    long double shown_ = 1;       // numeric factor printed in front of the atoms
    bool printable_ = true;       // false when atoms cannot describe it (fall back to SI)
};

// Same dimensions (convertible by a constant factor).
bool commensurable(const Unit& a, const Unit& b);
// Same dimensions and the same scale (to 1e-12 relative): mA/cm2 and S/cm2·mV are equivalent.
bool equivalent(const Unit& a, const Unit& b);
// How many `to` one `from` is (mV → V gives 0.001); empty if not commensurable.
std::optional<double> conversion_factor(const Unit& from, const Unit& to);
// A short name for the kind of quantity ("voltage", "current density", "time", ...), or ""
// when it has no common name.
std::string quantity_name(const Dims& dims);
// Formats a conversion factor for messages: exact powers of ten as "0.001" / "1000",
// others with up to 12 significant digits.
std::string format_factor(double factor);

} // namespace mech::units
