// Parsing and printing of "cell.section(x)" locations.
#include "location_text.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

#include "model_error.hpp"

namespace mech::model {

namespace {

bool is_name(const std::string& s) {
    if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '[' || c == ']')) return false;
    return true;
}

std::string trim(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

}  // namespace

Location parse_location(const std::string& text, const std::string& field, Loc loc, const std::string& file) {
    auto bad = [&](const std::string& why) -> ModelError {
        return ModelError(file, loc,
                          "'" + field + "' = \"" + text + "\" is not a location: " + why +
                              " (write \"section(x)\" or \"cell.section(x)\", e.g. \"soma(0.5)\")");
    };
    Location out;
    out.loc = loc;
    std::string name = trim(text);
    const auto open = name.find('(');
    if (open != std::string::npos) {
        if (name.back() != ')') throw bad("missing ')'");
        const std::string number = trim(name.substr(open + 1, name.size() - open - 2));
        double x = 0;
        const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), x);
        if (number.empty() || ec != std::errc() || end != number.data() + number.size())
            throw bad("'" + number + "' is not a number");
        if (!(x >= 0 && x <= 1))
            throw ModelError(file, loc,
                             "'" + field + "' = \"" + text + "\": x = " + fmt_number(x) +
                                 " is outside [0, 1] (0 and 1 are the section's ends)");
        out.x = x;
        name = trim(name.substr(0, open));
    }
    const auto dot = name.find('.');
    if (dot != std::string::npos) {
        out.cell = name.substr(0, dot);
        name = name.substr(dot + 1);
        if (!is_name(out.cell)) throw bad("'" + out.cell + "' is not a cell name");
    }
    if (!is_name(name)) throw bad("'" + name + "' is not a section name");
    out.section = name;
    return out;
}

std::string format_location(const Location& location) {
    std::string s = location.cell.empty() ? location.section : location.cell + "." + location.section;
    return s + "(" + fmt_number(location.x) + ")";
}

}  // namespace mech::model
