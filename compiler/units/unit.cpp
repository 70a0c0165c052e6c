// Unit arithmetic, comparison and printing.
#include "units/unit.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace mech::units {

namespace {

long double pow10l(int e) { return std::pow(10.0L, static_cast<long double>(e)); }

// Exact decimal powers of ten go through the decimal parser so 1e-3 is the nearest double.
// strtod, not stod: out-of-range exponents (a unit like "1+400") give inf or 0, never a throw.
double pow10_exact(int e) { return std::strtod(("1e" + std::to_string(e)).c_str(), nullptr); }

void merge_atoms(std::vector<Atom>& into, const std::vector<Atom>& from, int sign) {
    for (const Atom& a : from) {
        bool found = false;
        for (Atom& b : into) {
            if (b.name == a.name) {
                b.power += sign * a.power;
                found = true;
                break;
            }
        }
        if (!found)
            into.push_back({a.name, sign * a.power});
    }
    std::erase_if(into, [](const Atom& a) { return a.power == 0; });
}

std::string atom_text(const Atom& a, int power) {
    return power == 1 ? a.name : a.name + std::to_string(power);
}

std::string format_number(long double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.12Lg", x);
    return buf;
}

constexpr const char* kBaseNames[kBaseCount] = {"m", "kg", "s", "A", "K"};

} // namespace

bool Dims::dimensionless() const {
    for (int e : exp)
        if (e != 0)
            return false;
    return true;
}

Unit::Unit(Dims dims, long double mantissa, int exp10)
    : dims_(dims), mantissa_(mantissa), exp10_(exp10), printable_(false) {
    if (dims.dimensionless()) {
        printable_ = true;
        shown_ = mantissa * pow10l(exp10);
    }
}

double Unit::scale() const { return static_cast<double>(mantissa_ * pow10l(exp10_)); }

bool Unit::is_one() const { return dimensionless() && std::fabs(scale() - 1.0) <= 1e-12; }

Unit Unit::named(std::string name) const { return with_atoms({Atom{std::move(name), 1}}, 1); }

Unit Unit::with_atoms(std::vector<Atom> atoms, long double shown_number) const {
    Unit u = *this;
    u.atoms_ = std::move(atoms);
    u.shown_ = shown_number;
    u.printable_ = true;
    return u;
}

std::string Unit::str() const {
    if (!printable_)
        return si_str();
    std::string num, den;
    for (const Atom& a : atoms_) {
        std::string& side = a.power > 0 ? num : den;
        if (!side.empty())
            side += '-';
        side += atom_text(a, a.power > 0 ? a.power : -a.power);
    }
    std::string out;
    if (std::fabs(static_cast<double>(shown_) - 1.0) > 1e-15)
        out = format_number(shown_);
    if (!num.empty())
        out += (out.empty() ? "" : " ") + num;
    if (!den.empty())
        out += "/" + den;
    return out.empty() ? "1" : out;
}

std::string Unit::si_str() const {
    std::string num, den;
    for (int i = 0; i < kBaseCount; ++i) {
        int e = dims_.exp[i];
        if (e == 0)
            continue;
        std::string& side = e > 0 ? num : den;
        if (!side.empty())
            side += '-';
        side += atom_text(Atom{kBaseNames[i], 1}, e > 0 ? e : -e);
    }
    std::string out;
    long double s = mantissa_ * pow10l(exp10_);
    if (std::fabs(static_cast<double>(s) - 1.0) > 1e-15)
        out = format_number(s);
    if (!num.empty())
        out += (out.empty() ? "" : " ") + num;
    if (!den.empty())
        out += "/" + den;
    return out.empty() ? "1" : out;
}

Unit operator*(const Unit& a, const Unit& b) {
    Unit r = a;
    for (int i = 0; i < kBaseCount; ++i)
        r.dims_.exp[i] += b.dims_.exp[i];
    r.mantissa_ = a.mantissa_ * b.mantissa_;
    r.exp10_ = a.exp10_ + b.exp10_;
    r.printable_ = a.printable_ && b.printable_;
    r.shown_ = a.shown_ * b.shown_;
    merge_atoms(r.atoms_, b.atoms_, +1);
    return r;
}

Unit operator/(const Unit& a, const Unit& b) { return a * b.pow(-1); }

Unit Unit::pow(int p) const {
    Unit r = *this;
    for (int& e : r.dims_.exp)
        e *= p;
    r.mantissa_ = std::pow(mantissa_, static_cast<long double>(p));
    r.exp10_ = exp10_ * p;
    r.shown_ = std::pow(shown_, static_cast<long double>(p));
    for (Atom& a : r.atoms_)
        a.power *= p;
    std::erase_if(r.atoms_, [](const Atom& a) { return a.power == 0; });
    return r;
}

std::optional<Unit> Unit::pow(int num, int den) const {
    if (den == 0)
        return std::nullopt;
    if (den < 0) {
        num = -num;
        den = -den;
    }
    Unit r = *this;
    for (int& e : r.dims_.exp) {
        if ((e * num) % den != 0)
            return std::nullopt;
        e = e * num / den;
    }
    long double q = static_cast<long double>(num) / den;
    if ((exp10_ * num) % den == 0) {
        r.mantissa_ = std::pow(mantissa_, q);
        r.exp10_ = exp10_ * num / den;
    } else {
        r.mantissa_ = std::pow(mantissa_ * pow10l(exp10_), q);
        r.exp10_ = 0;
    }
    r.shown_ = std::pow(shown_, q);
    for (Atom& a : r.atoms_) {
        if ((a.power * num) % den != 0) {
            r.printable_ = false;
            break;
        }
        a.power = a.power * num / den;
    }
    std::erase_if(r.atoms_, [](const Atom& a) { return a.power == 0; });
    if (r.dimensionless() && !r.printable_) {
        r.printable_ = true;
        r.atoms_.clear();
        r.shown_ = r.mantissa_ * pow10l(r.exp10_);
    }
    return r;
}

bool commensurable(const Unit& a, const Unit& b) { return a.dims() == b.dims(); }

std::optional<double> conversion_factor(const Unit& from, const Unit& to) {
    if (!commensurable(from, to))
        return std::nullopt;
    long double ratio = from.mantissa() / to.mantissa();
    int e = from.exp10() - to.exp10();
    if (ratio == 1.0L)
        return pow10_exact(e);
    return static_cast<double>(ratio * pow10l(e));
}

bool equivalent(const Unit& a, const Unit& b) {
    auto f = conversion_factor(a, b);
    return f && std::fabs(*f - 1.0) <= 1e-12;
}

std::string format_factor(double factor) {
    char buf[64];
    if (factor > 0) {
        double l = std::log10(factor);
        double r = std::round(l);
        if (std::fabs(l - r) < 1e-12 && r >= -6 && r <= 6) {
            int e = static_cast<int>(r);
            if (e >= 0) {
                std::snprintf(buf, sizeof buf, "%.0f", pow10_exact(e));
            } else {
                std::snprintf(buf, sizeof buf, "%.*f", -e, pow10_exact(e));
            }
            return buf;
        }
    }
    std::snprintf(buf, sizeof buf, "%.12g", factor);
    return buf;
}

std::string quantity_name(const Dims& d) {
    struct Named {
        std::array<int, kBaseCount> exp;
        const char* name;
    };
    // exponents of m, kg, s, A, K
    static const Named table[] = {
        {{0, 0, 0, 0, 0}, "dimensionless"},
        {{1, 0, 0, 0, 0}, "length"},
        {{2, 0, 0, 0, 0}, "area"},
        {{3, 0, 0, 0, 0}, "volume"},
        {{0, 0, 1, 0, 0}, "time"},
        {{0, 0, -1, 0, 0}, "rate (1/time)"},
        {{0, 1, 0, 0, 0}, "mass"},
        {{0, 0, 0, 1, 0}, "current"},
        {{-2, 0, 0, 1, 0}, "current density"},
        {{0, 0, 1, 1, 0}, "charge"},
        {{2, 1, -3, -1, 0}, "voltage"},
        {{2, 1, -4, -1, 0}, "voltage per time"},
        {{-2, -1, 3, 2, 0}, "conductance"},
        {{-4, -1, 3, 2, 0}, "conductance density"},
        {{2, 1, -3, -2, 0}, "resistance"},
        {{3, 1, -3, -2, 0}, "resistivity"},
        {{-2, -1, 4, 2, 0}, "capacitance"},
        {{-4, -1, 4, 2, 0}, "capacitance density"},
        {{0, 0, 0, 0, 1}, "temperature"},
        {{-3, 0, 0, 0, 0}, "concentration"},
        {{-3, 0, -1, 0, 0}, "concentration per time"},
        {{1, 0, -1, 0, 0}, "velocity (or permeability)"},
        {{2, 1, -2, 0, 0}, "energy"},
        {{2, 1, -2, 0, -1}, "energy per temperature"},
        {{2, 0, -1, 0, 0}, "diffusion coefficient"},
    };
    for (const Named& n : table)
        if (n.exp == d.exp)
            return n.name;
    return "";
}

} // namespace mech::units
