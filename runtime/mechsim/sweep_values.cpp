// Parsing of sweep value ranges and lists.
#include "sweep_values.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace mech::mechsim {

namespace {

double number(const std::string& text, const std::string& whole) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        throw std::invalid_argument("'" + text + "' in '" + whole + "' is not a number");
    return value;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out(1);
    for (char c : s) {
        if (c == sep) out.emplace_back();
        else if (c != ' ') out.back() += c;
    }
    return out;
}

}  // namespace

std::vector<double> parse_sweep_values(const std::string& text) {
    const std::size_t limit = 100000;
    if (text.find(':') != std::string::npos) {
        const auto parts = split(text, ':');
        if (parts.size() != 3)
            throw std::invalid_argument("'" + text + "': a range is from:to:step (e.g. 0.08:0.16:0.01) or from:to:nCOUNT");
        const double from = number(parts[0], text), to = number(parts[1], text);
        std::vector<double> out;
        if (!parts[2].empty() && parts[2][0] == 'n') {
            const double n = number(parts[2].substr(1), text);
            if (n < 1 || n != std::floor(n) || n > static_cast<double>(limit))
                throw std::invalid_argument("'" + text + "': the count after 'n' must be a whole number from 1 to 100000");
            const auto count = static_cast<std::size_t>(n);
            for (std::size_t i = 0; i < count; ++i)
                out.push_back(count == 1 ? from : from + (to - from) * static_cast<double>(i) / static_cast<double>(count - 1));
            return out;
        }
        const double step = number(parts[2], text);
        if (step == 0 || (to - from) / step < 0)
            throw std::invalid_argument("'" + text + "': the step must be non-zero and go from " + parts[0] + " towards " + parts[1]);
        // Values are from + i*step (no accumulated rounding); `to` is included when the steps
        // land on it up to rounding.
        const double count = std::floor((to - from) / step + 1e-9) + 1;
        if (count > static_cast<double>(limit)) throw std::invalid_argument("'" + text + "' gives more than 100000 values");
        for (std::size_t i = 0; i < static_cast<std::size_t>(count); ++i) out.push_back(from + static_cast<double>(i) * step);
        return out;
    }
    std::vector<double> out;
    for (const auto& part : split(text, ',')) out.push_back(number(part, text));
    return out;
}

}  // namespace mech::mechsim
