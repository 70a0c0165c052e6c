// Where a mechanism name becomes a loaded `mech_mechanism`: ahead-of-time catalogues named by the
// model, mechanisms registered by the embedding program (tests), then mechanism files found on the
// search path (JIT-compiled once the compiler pipeline is available).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <mech/catalogue.hpp>

namespace mech::model {

class MechanismLoader {
public:
    // `search_paths` are folders searched in order for <name>.mech and <name>.mod.
    explicit MechanismLoader(std::vector<std::string> search_paths);
    ~MechanismLoader();
    MechanismLoader(const MechanismLoader&) = delete;
    MechanismLoader& operator=(const MechanismLoader&) = delete;

    // Loads every mechanism of an ahead-of-time catalogue (mechc's shared library); throws
    // std::runtime_error with the loader's reason on failure.
    void add_catalogue_file(const std::string& path);
    // A mechanism the caller keeps alive (hand-written, or from a test catalogue).
    void add(const mech_mechanism* mechanism);

    // The mechanism called `name`, loading or compiling it on first use; throws std::runtime_error
    // saying where it looked when it cannot be found or compiled.
    const mech_mechanism& load(const std::string& name);

    // Everything loaded so far, for mech::Simulation.
    const Catalogue& catalogue() const { return catalogue_; }
    const std::vector<std::string>& search_paths() const { return search_paths_; }
    // Compiler warnings (rendered, with source lines) from mechanism files compiled so far;
    // take_warnings() hands them over once.
    std::vector<std::string> take_warnings() { return std::move(warnings_); }

private:
    struct Owned;
    std::vector<std::string> search_paths_;
    std::vector<const mech_mechanism*> available_;  // registered or from catalogues, not yet used
    std::vector<std::unique_ptr<Owned>> owned_;      // keeps loaded code alive
    Catalogue catalogue_;
    std::vector<std::string> warnings_;
};

// The folder of the standard mechanism library that this build was configured with.
std::string standard_mechanism_dir();

}  // namespace mech::model
