// Loads an ahead-of-time catalogue (a shared library exporting `mech_catalogue`) with dlopen.
// Needs no LLVM: the runtime can link this part alone (target mech_catalogue_loader).
#pragma once

#include <mech/mechanism_abi.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mech::jit {

class LoadedCatalogue {
public:
    LoadedCatalogue(void* handle, std::vector<const mech_mechanism*> mechanisms);
    ~LoadedCatalogue(); // dlclose: the mechanisms die with the catalogue
    LoadedCatalogue(const LoadedCatalogue&) = delete;
    LoadedCatalogue& operator=(const LoadedCatalogue&) = delete;

    std::span<const mech_mechanism* const> mechanisms() const { return mechanisms_; }
    const mech_mechanism* find(std::string_view name) const;

private:
    void* handle_;
    std::vector<const mech_mechanism*> mechanisms_;
};

// Returns null and a readable `error` when the file cannot be opened, has no mech_catalogue,
// or was built for another MECH_ABI_VERSION.
std::unique_ptr<LoadedCatalogue> load_catalogue(const std::string& path, std::string& error);

} // namespace mech::jit
