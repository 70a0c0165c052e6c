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

Csv read_csv(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    Csv csv;
    std::string line;
    std::getline(in, line);
    std::stringstream header(line);
    for (std::string name; std::getline(header, name, ',');)
        csv.names.push_back(name);
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        std::stringstream row(line);
        std::string cell;
        for (std::size_t c = 0; c < csv.names.size() && std::getline(row, cell, ','); ++c)
            csv.columns[csv.names[c]].push_back(std::strtod(cell.c_str(), nullptr)); // stod rejects subnormals
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
