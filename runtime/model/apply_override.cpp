// Dotted-path overrides of model descriptions (see apply_override.hpp).
#include "apply_override.hpp"

#include <charconv>
#include <cmath>

#include "model_error.hpp"
#include "read_model.hpp"

namespace mech::model {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out(1);
    for (char c : s) {
        if (c == sep) out.emplace_back();
        else out.back() += c;
    }
    return out;
}

void set_param(std::vector<ParamValue>& params, const std::string& name, double value) {
    for (auto& p : params)
        if (p.name == name) {
            p.value = value;
            p.loc = Loc{};
            return;
        }
    params.push_back(ParamValue{name, value, Loc{}});
}

void erase_param(std::vector<ParamValue>& params, const std::string& name) {
    std::erase_if(params, [&](const ParamValue& p) { return p.name == name; });
}

// A density mechanism's parameter has two spellings, `soma.hh.gnabar` and NEURON's
// `soma.gnabar_hh`, and the model builder applies the second after the first. An override of
// either spelling therefore removes the other, or a value written in the file would shadow it.
void forget_other_spelling(SectionDesc& section, const std::string& mechanism,
                           const std::string& parameter) {
    erase_param(section.neuron_style, parameter + "_" + mechanism);
}

void forget_other_spelling(SectionDesc& section, const std::string& neuron_style_name) {
    for (auto& use : section.mechanisms) {
        const std::string suffix = "_" + use.name;
        if (neuron_style_name.size() > suffix.size() && neuron_style_name.ends_with(suffix))
            erase_param(use.params,
                        neuron_style_name.substr(0, neuron_style_name.size() - suffix.size()));
    }
}

}  // namespace

void apply_override(ModelDescription& m, const std::string& path, double value) {
    auto fail = [&](const std::string& why) -> ModelError {
        return ModelError(m.file, Loc{}, "cannot set '" + path + "': " + why);
    };
    if (!std::isfinite(value)) throw fail("the value must be a finite number");
    const auto parts = split(path, '.');
    for (const auto& p : parts)
        if (p.empty()) throw fail("empty name in the path");
    if (parts[0] == "simulation") {
        if (parts.size() != 2) throw fail("write simulation.tstop, .dt, .celsius, .v_init or .threads");
        const std::string& k = parts[1];
        if (k == "tstop" && value >= 0) m.simulation.tstop = value;
        else if (k == "dt" && value > 0) m.simulation.dt = value;
        else if (k == "celsius") m.simulation.celsius = value;
        else if (k == "v_init") m.simulation.v_init = value;
        else if (k == "threads" && value >= 1 && value <= 1024 && value == std::floor(value)) m.simulation.threads = static_cast<int>(value);
        else if (k == "threads") throw fail("threads must be a whole number >= 1");
        else if (k == "tstop" || k == "dt") throw fail(k + " must be " + (k == "dt" ? "> 0" : ">= 0"));
        else throw fail("unknown simulation setting '" + k + "'" + did_you_mean(k, {"tstop", "dt", "celsius", "v_init", "threads"}));
        return;
    }
    if (parts[0] == "network") {
        if (parts.size() != 2 || parts[1] != "seed") throw fail("write network.seed");
        if (value < 0 || value != std::floor(value) || value > 9.007199254740992e15)
            throw fail("the seed must be a whole number >= 0");
        m.seed = static_cast<std::uint64_t>(value);
        return;
    }
    if (parts[0] == "globals") {
        if (parts.size() != 2) throw fail("write globals.<name>_<mechanism>");
        set_param(m.globals, parts[1], value);
        return;
    }
    if (parts.size() == 2) {
        for (auto& s : m.stimuli)
            if (s.name == parts[0]) {
                set_param(s.params, parts[1], value);
                return;
            }
        for (auto& p : m.point_processes)
            if (p.name == parts[0]) {
                set_param(p.params, parts[1], value);
                return;
            }
    }
    // A section path, with the cell name first unless the model has only one cell.
    std::size_t at = 0;
    CellDesc* cell = nullptr;
    for (auto& c : m.cells)
        if (c.name == parts[0] && parts.size() >= 3) cell = &c;
    if (cell) at = 1;
    else if (m.cells.size() == 1) cell = &m.cells.front();
    else throw fail("the first name must be 'simulation', 'globals', a stimulus, a point process or a cell");
    std::vector<std::string> section_names;
    SectionDesc* section = nullptr;
    for (auto& s : cell->sections) {
        section_names.push_back(s.name);
        if (s.name == parts[at]) section = &s;
    }
    if (!section)
        throw fail("no section, stimulus or point process '" + parts[at] + "'" + did_you_mean(parts[at], section_names));
    const std::vector<std::string> rest(parts.begin() + static_cast<long>(at) + 1, parts.end());
    if (rest.size() == 1) {
        const std::string& k = rest[0];
        if (k == "L" || k == "diam") {
            if (!(value > 0)) throw fail(k + " must be > 0");
            if (section->sphere) throw fail("section '" + section->name + "' is a sphere; set its diameter with 'diam'");
            (k == "L" ? section->length : section->diam) = value;
        } else if (k == "nseg") {
            if (value < 1 || value != std::floor(value)) throw fail("nseg must be a whole number >= 1");
            section->nseg = static_cast<int>(value);
        } else if (k == "cm") {
            if (value < 0) throw fail("cm must be >= 0");
            section->cm = value;
        } else if (k == "Ra") {
            if (!(value > 0)) throw fail("Ra must be > 0");
            section->Ra = value;
        } else {
            forget_other_spelling(*section, k);
            set_param(section->neuron_style, k, value);  // gnabar_hh, ena, ...: checked by build_model
        }
        return;
    }
    if (rest.size() == 2) {
        for (auto& use : section->mechanisms)
            if (use.name == rest[0]) {
                forget_other_spelling(*section, use.name, rest[1]);
                set_param(use.params, rest[1], value);
                return;
            }
        std::vector<std::string> names;
        for (const auto& use : section->mechanisms) names.push_back(use.name);
        throw fail("mechanism '" + rest[0] + "' is not inserted in section '" + section->name + "'" +
                   did_you_mean(rest[0], names));
    }
    throw fail("write section.field, section.mechanism.parameter or device.parameter");
}

void apply_override(ModelDescription& m, const std::string& assignment) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos)
        throw ModelError(m.file, Loc{}, "'" + assignment + "' is not path=value (e.g. soma.hh.gnabar=0.12)");
    const std::string path = assignment.substr(0, eq);
    const std::string text = assignment.substr(eq + 1);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        throw ModelError(m.file, Loc{}, "cannot set '" + path + "': '" + text + "' is not a number");
    apply_override(m, path, value);
}

}  // namespace mech::model
