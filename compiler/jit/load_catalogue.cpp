// dlopen + dlsym("mech_catalogue") with an ABI-version check of every mechanism listed.
#include "jit/load_catalogue.hpp"

#include <dlfcn.h>

namespace mech::jit {

LoadedCatalogue::LoadedCatalogue(void* handle, std::vector<const mech_mechanism*> mechanisms)
    : handle_(handle), mechanisms_(std::move(mechanisms)) {}

LoadedCatalogue::~LoadedCatalogue() {
    if (handle_) {
        ::dlclose(handle_);
    }
}

const mech_mechanism* LoadedCatalogue::find(std::string_view name) const {
    for (const auto* mechanism : mechanisms_) {
        if (name == mechanism->name) {
            return mechanism;
        }
    }
    return nullptr;
}

std::unique_ptr<LoadedCatalogue> load_catalogue(const std::string& path, std::string& error) {
    // A bare file name would make dlopen search the library path; a catalogue is a file.
    const std::string file = path.find('/') == std::string::npos ? "./" + path : path;
    void* handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = ::dlerror();
        error = "cannot load catalogue " + path + ": " + (why ? why : "unknown error");
        return nullptr;
    }
    auto close = [&](std::string message) {
        ::dlclose(handle);
        error = std::move(message);
        return nullptr;
    };
    auto* entry = reinterpret_cast<mech_catalogue_fn>(::dlsym(handle, MECH_CATALOGUE_SYMBOL));
    if (!entry) {
        return close(path + " is not a mech catalogue (no " MECH_CATALOGUE_SYMBOL " symbol)");
    }
    int32_t count = 0;
    const mech_mechanism* const* list = entry(&count);
    if (count < 0 || (count > 0 && !list)) {
        return close(path + ": " MECH_CATALOGUE_SYMBOL " returned an invalid list");
    }
    std::vector<const mech_mechanism*> mechanisms(list, list + count);
    for (const auto* mechanism : mechanisms) {
        if (!mechanism || mechanism->abi_version != MECH_ABI_VERSION) {
            return close(path + " was built for mechanism ABI version " +
                         std::to_string(mechanism ? mechanism->abi_version : 0) +
                         ", this program uses version " + std::to_string(MECH_ABI_VERSION) +
                         "; rebuild it with this mechc");
        }
    }
    return std::make_unique<LoadedCatalogue>(handle, std::move(mechanisms));
}

} // namespace mech::jit
