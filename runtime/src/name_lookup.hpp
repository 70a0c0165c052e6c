// Name resolution shared by simulation set-up and value access: NEURON-style
// "<field>_<mechanism>" names, ion quantities ("ena", "ina", "cai", "cao"), declared limits.
#pragma once

#include "ion_table.hpp"

#include "mech/mechanism_abi.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mech::detail {

// Throws if a PARAMETER value is outside its declared limits.
void check_limits(const mech_field_info& f, double value, const std::string& where);
// "gnabar_hh, gkbar_hh, ..." for messages.
std::string field_list(const mech_mechanism& m);
// Splits "<field>_<mechanism>" against the candidate mechanisms: the longest mechanism name that
// ends `name` and has that field wins (so "g_b_hh" finds field g of "b_hh" even where "hh" is
// inserted too). Returns (candidate, field), or (-1, -1) when no candidate's name ends `name`;
// throws when one does but lacks the field.
std::pair<int, int> split_density_name(const std::vector<const mech_mechanism*>& candidates,
                                       std::string_view name, const std::string& where);

struct IonQuantity {
    int species = -1;
    char which = 0; // 'e' (reversal), 'i' (current), 'c' (internal), 'o' (external)
};
IonQuantity parse_ion_quantity(const std::vector<IonSpecies>& ions, std::string_view name);

} // namespace mech::detail
