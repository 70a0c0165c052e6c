// Names a section offers once its density mechanisms are known (see mechanism_names.hpp).
#include "mechanism_names.hpp"

namespace mech::model {

std::string ion_quantity_units(const std::vector<const mech_mechanism*>& mechs, const std::string& name) {
    for (const mech_mechanism* m : mechs) {
        for (int i = 0; i < m->n_ions; ++i) {
            const std::string ion = m->ions[i].name;
            if (name == "e" + ion) return "mV";
            if (name == "i" + ion) return "mA/cm2";
            if (name == ion + "i" || name == ion + "o") return "mM";
        }
    }
    return "";
}

std::vector<std::string> section_candidates(const std::vector<const mech_mechanism*>& mechs) {
    std::vector<std::string> out;
    for (const mech_mechanism* m : mechs) {
        for (int i = 0; i < m->n_fields; ++i) out.push_back(std::string(m->fields[i].name) + "_" + m->name);
        for (int i = 0; i < m->n_ions; ++i) {
            const std::string ion = m->ions[i].name;
            for (const std::string& q : {"e" + ion, "i" + ion, ion + "i", ion + "o"}) out.push_back(q);
        }
    }
    return out;
}

}  // namespace mech::model
