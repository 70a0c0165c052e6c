// Reads the NEURON reference traces in tests/data/reference (header row, then numbers).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace mech::testing {

struct Csv {
    std::vector<std::string> names;
    std::map<std::string, std::vector<double>> columns;
    const std::vector<double>& operator[](const std::string& name) const;
};

// Path of a file in tests/data/reference.
std::string reference_path(const std::string& file);
Csv read_csv(const std::string& path);
// Times of upward crossings of `level` (the first sample at or above it after one below).
std::vector<double> crossings(const std::vector<double>& t, const std::vector<double>& v,
                              double level);

} // namespace mech::testing
