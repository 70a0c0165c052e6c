// The registry of compiled mechanisms a simulation may use, keyed by name. It holds
// `const mech_mechanism*` from anywhere (JIT, a dlopen'd catalogue, hand-written C++); whoever
// produced them keeps them alive for as long as the Catalogue is used.
#pragma once

#include "mech/mechanism_abi.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mech {

class Catalogue {
public:
    // Throws mech::Error on a null pointer, an ABI version mismatch or a duplicate name.
    void add(const mech_mechanism* mechanism);
    // Adds every mechanism an ahead-of-time catalogue's `mech_catalogue` symbol returns.
    void add_all(mech_catalogue_fn catalogue);

    // nullptr when absent.
    const mech_mechanism* find(std::string_view name) const;
    // Throws mech::Error naming `name` and listing what is known.
    const mech_mechanism& get(std::string_view name) const;
    bool contains(std::string_view name) const { return find(name) != nullptr; }
    std::vector<std::string> names() const;

private:
    std::map<std::string, const mech_mechanism*, std::less<>> by_name_;
};

// Index of the field called `name` in `m`, or -1.
int find_field(const mech_mechanism& m, std::string_view name);
// Index of the global called `name` in `m`, or -1.
int find_global(const mech_mechanism& m, std::string_view name);

} // namespace mech
