// CSV reading for the reference traces.
#include "reference_csv.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace mech::testing {

const std::vector<double>& Csv::operator[](const std::string& name) const {
    auto it = columns.find(name);
    if (it == columns.end())
        throw std::runtime_error("reference CSV has no column " + name);
    return it->second;
}

std::string reference_path(const std::string& file) {
    return std::string(MECH_REFERENCE_DIR) + "/" + file;
}

// strtod, not stod: NEURON writes subnormal values (decaying synaptic states) and "nan".
Csv read_csv(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    Csv csv;
    std::string line;
    std::getline(in, line);
    std::stringstream header(line);
    for (std::string name; std::getline(header, name, ',');)
        csv.names.push_back(name);
    for (std::size_t row = 1; std::getline(in, line); ++row) {
        if (line.empty())
            continue;
        std::stringstream cells(line);
        std::size_t c = 0;
        for (std::string cell; std::getline(cells, cell, ','); ++c) {
            char* end = nullptr;
            const double value = std::strtod(cell.c_str(), &end);
            if (c >= csv.names.size() || end == cell.c_str() || *end != '\0')
                throw std::runtime_error(path + ": row " + std::to_string(row) + ": bad cell '" +
                                         cell + "'");
            csv.columns[csv.names[c]].push_back(value);
        }
        if (c != csv.names.size())
            throw std::runtime_error(path + ": row " + std::to_string(row) + " has " +
                                     std::to_string(c) + " cells");
    }
    return csv;
}

std::vector<double> crossings(const std::vector<double>& t, const std::vector<double>& v,
                              double level) {
    std::vector<double> out;
    for (std::size_t k = 1; k < v.size(); ++k)
        if (v[k - 1] < level && v[k] >= level)
            out.push_back(t[k]);
    return out;
}

} // namespace mech::testing
