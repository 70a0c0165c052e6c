// A small recursive-descent reader for NEURON-style unit expressions.
#include "units/parse_unit.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

namespace mech::units {

namespace {

bool is_name_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80; // UTF-8, e.g. "µm"
}

class Reader {
public:
    Reader(std::string_view text, const UnitTable& table) : s_(text), table_(table) {}

    ParseResult run() {
        ParseResult r;
        r.unit = group();
        if (failed_) {
            r.error = error_;
            r.offset = error_at_;
            return r;
        }
        if (pos_ < s_.size()) {
            fail(pos_, "unexpected ')' in unit expression");
            r.error = error_;
            r.offset = error_at_;
        }
        return r;
    }

private:
    // A sequence of factors up to ')' or the end. After '/', factors divide.
    Unit group() {
        Unit result;
        std::vector<Atom> atoms;
        long double number = 1;
        bool dividing = false;
        while (!failed_ && pos_ < s_.size()) {
            char c = s_[pos_];
            if (c == ' ' || c == '\t' || c == '-' || c == '*' || c == '.') {
                if (c == '.' && pos_ + 1 < s_.size() && std::isdigit((unsigned char)s_[pos_ + 1])) {
                    factor(result, atoms, number, dividing);
                    continue;
                }
                ++pos_;
            } else if (c == '/') {
                dividing = true;
                ++pos_;
            } else if (c == ')') {
                break; // the caller checks that it closes a group
            } else {
                factor(result, atoms, number, dividing);
            }
        }
        return result.with_atoms(atoms, number);
    }

    void factor(Unit& result, std::vector<Atom>& atoms, long double& number, bool dividing) {
        std::size_t start = pos_;
        char c = s_[pos_];
        int sign = dividing ? -1 : 1;
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
            long double value = read_number();
            if (failed_)
                return;
            if (pos_ < s_.size() && s_[pos_] == '|') {
                ++pos_;
                long double d = read_number();
                if (failed_)
                    return;
                if (d == 0) {
                    fail(start, "division by zero in unit expression");
                    return;
                }
                value /= d;
            }
            if (value == 0) {
                fail(start, "a unit cannot be zero");
                return;
            }
            Unit n(Dims{}, value);
            result = dividing ? result / n : result * n;
            number = dividing ? number / value : number * value;
            return;
        }
        if (c == '(') {
            ++pos_;
            Unit inner = group();
            if (failed_)
                return;
            if (pos_ >= s_.size() || s_[pos_] != ')') {
                fail(start, "missing ')' in unit expression");
                return;
            }
            ++pos_;
            int p = read_power();
            if (failed_)
                return;
            Unit term = inner.pow(p * sign);
            result = result * term;
            // A group's printed form is kept by folding its own atoms in.
            Unit printed = Unit().with_atoms(atoms, number) * term;
            atoms = printed.atoms();
            number = printed.shown_number();
            return;
        }
        if (!is_name_start(c)) {
            fail(pos_, std::string("unexpected character '") + c + "' in unit expression");
            return;
        }
        while (pos_ < s_.size() && (is_name_start(s_[pos_])))
            ++pos_;
        std::string name(s_.substr(start, pos_ - start));
        int p = read_power();
        if (failed_)
            return;
        std::optional<Unit> u = table_.lookup(name);
        if (!u) {
            std::string msg = "unknown unit '" + name + "'";
            std::string hint = table_.closest_name(name);
            if (!hint.empty())
                msg += " (did you mean '" + hint + "'?)";
            fail(start, msg);
            return;
        }
        result = result * u->pow(p * sign);
        bool merged = false;
        for (Atom& a : atoms) {
            if (a.name == name) {
                a.power += p * sign;
                merged = true;
            }
        }
        if (!merged)
            atoms.push_back({name, p * sign});
        std::erase_if(atoms, [](const Atom& a) { return a.power == 0; });
    }

    long double read_number() {
        std::string tmp(s_.substr(pos_));
        char* end = nullptr;
        long double v = std::strtold(tmp.c_str(), &end);
        if (end == tmp.c_str()) {
            fail(pos_, "expected a number in unit expression");
            return 0;
        }
        pos_ += static_cast<std::size_t>(end - tmp.c_str());
        // NEURON's database writes exponents without 'e': "1+8" is 1e8, "1-10" is 1e-10.
        if (pos_ + 1 < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-') &&
            std::isdigit(static_cast<unsigned char>(s_[pos_ + 1])) && end[-1] != 'e' &&
            end[-1] != 'E') {
            int sign = s_[pos_] == '-' ? -1 : 1;
            ++pos_;
            int e = read_digits();
            v *= std::pow(10.0L, static_cast<long double>(sign * e));
        }
        return v;
    }

    // Trailing digits ("cm2") or '^' with an optionally signed integer ("s^-1"); 1 if none.
    int read_power() {
        if (pos_ < s_.size() && s_[pos_] == '^') {
            std::size_t at = pos_++;
            int sign = 1;
            if (pos_ < s_.size() && (s_[pos_] == '-' || s_[pos_] == '+'))
                sign = s_[pos_++] == '-' ? -1 : 1;
            if (pos_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
                fail(at, "expected an integer power after '^'");
                return 1;
            }
            return sign * read_digits();
        }
        if (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_])))
            return read_digits();
        return 1;
    }

    int read_digits() {
        int v = 0;
        std::size_t start = pos_;
        while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
            v = v * 10 + (s_[pos_++] - '0');
            if (v > 99) {
                fail(start, "power too large in unit expression");
                return 1;
            }
        }
        return v;
    }

    void fail(std::size_t at, std::string message) {
        if (failed_)
            return;
        failed_ = true;
        error_at_ = at;
        error_ = std::move(message);
    }

    std::string_view s_;
    const UnitTable& table_;
    std::size_t pos_ = 0;
    bool failed_ = false;
    std::string error_;
    std::size_t error_at_ = 0;
};

std::string_view trim(std::string_view t) {
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front())))
        t.remove_prefix(1);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back())))
        t.remove_suffix(1);
    return t;
}

} // namespace

ParseResult parse_unit(std::string_view text, const UnitTable& table) {
    // Keep offsets relative to the caller's text even when surrounding spaces are trimmed.
    std::string_view t = trim(text);
    std::size_t shift = static_cast<std::size_t>(t.data() - text.data());
    if (t.empty())
        return ParseResult{};
    ParseResult r = Reader(t, table).run();
    r.offset += shift;
    return r;
}

} // namespace mech::units
