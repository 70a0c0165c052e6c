// The mechanism loader: catalogues, registered mechanisms and the mechanism search path.
#include "mechanism_loader.hpp"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include <jit/load_catalogue.hpp>
#ifdef MECH_HAVE_JIT
#include <jit/compile_files.hpp>
#endif

#include "model_error.hpp"

namespace mech::model {

namespace fs = std::filesystem;

struct MechanismLoader::Owned {
    std::unique_ptr<jit::LoadedCatalogue> catalogue;
#ifdef MECH_HAVE_JIT
    std::unique_ptr<jit::JitCatalogue> jit;
#endif
};

namespace {

#ifdef MECH_HAVE_JIT
// Compiles one mechanism file; throws with the compiler's rendered diagnostics on failure and
// hands back its warnings (unit problems in .mod files are warnings).
std::unique_ptr<jit::JitCatalogue> compile_mechanism_file(const fs::path& file, std::vector<std::string>& warnings) {
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    auto compiled = jit::compile_files({file.string()}, sources, diags);
    for (const auto& d : diags.diagnostics())
        if (!compiled || d.severity == diag::Severity::Warning) warnings.push_back(diags.render(d));
    if (!compiled) {
        std::string rendered;
        for (const auto& w : warnings) rendered += w;
        warnings.clear();
        throw std::runtime_error("mechanism file " + file.string() + " does not compile:\n" + rendered);
    }
    return compiled;
}
#endif

// The mechanism names a file declares (SUFFIX, POINT_PROCESS, ARTIFICIAL_CELL), read without
// compiling it, so that AMPA_NMDA.mech is found for "SimpleAMPA_NMDA".
std::vector<std::string> declared_names(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    static const std::regex declaration(R"(\b(SUFFIX|POINT_PROCESS|ARTIFICIAL_CELL)\s+([A-Za-z_][A-Za-z0-9_]*))");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(source.begin(), source.end(), declaration); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[2].str());
    return out;
}

}  // namespace

MechanismLoader::MechanismLoader(std::vector<std::string> search_paths) : search_paths_(std::move(search_paths)) {}

MechanismLoader::~MechanismLoader() = default;

void MechanismLoader::add_catalogue_file(const std::string& path) {
    std::string error;
    auto loaded = jit::load_catalogue(path, error);
    if (!loaded) throw std::runtime_error("cannot load the mechanism catalogue '" + path + "': " + error);
    for (const mech_mechanism* m : loaded->mechanisms()) available_.push_back(m);
    auto owned = std::make_unique<Owned>();
    owned->catalogue = std::move(loaded);
    owned_.push_back(std::move(owned));
}

void MechanismLoader::add(const mech_mechanism* mechanism) {
    if (!mechanism) throw std::runtime_error("a null mechanism was registered");
    available_.push_back(mechanism);
}

const mech_mechanism& MechanismLoader::load(const std::string& name) {
    if (const mech_mechanism* known = catalogue_.find(name)) return *known;
    // Later registrations win, so a model's own catalogue can replace a standard mechanism.
    for (auto it = available_.rbegin(); it != available_.rend(); ++it) {
        if (name == (*it)->name) {
            catalogue_.add(*it);
            return **it;
        }
    }
    std::string looked;
    std::vector<std::string> known;
    for (const mech_mechanism* m : available_) known.push_back(m->name);
    for (const auto& dir : search_paths_) {
        // <name>.mech, then <name>.mod, then any file of the folder that declares `name`.
        std::vector<fs::path> files;
        for (const char* ext : {".mech", ".mod"})
            if (fs::exists(fs::path(dir) / (name + ext))) files.push_back(fs::path(dir) / (name + ext));
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            if (entry.path().extension() != ".mech" && entry.path().extension() != ".mod") continue;
            for (const auto& declared : declared_names(entry.path())) {
                known.push_back(declared);
                if (declared == name && files.empty()) files.push_back(entry.path());
            }
        }
        looked += (looked.empty() ? "" : ", ") + dir;
        if (files.empty()) continue;
        const fs::path& file = files.front();
#ifdef MECH_HAVE_JIT
        auto compiled = compile_mechanism_file(file, warnings_);
        const mech_mechanism* wanted = compiled->find(name);
        std::string defined;
        for (const mech_mechanism* m : compiled->mechanisms()) {
            available_.push_back(m);
            defined += (defined.empty() ? "" : ", ") + std::string(m->name);
        }
        auto owned = std::make_unique<Owned>();
        owned->jit = std::move(compiled);
        owned_.push_back(std::move(owned));
        if (!wanted)
            throw std::runtime_error(file.string() + " defines " + (defined.empty() ? "no mechanism" : defined) +
                                     ", not '" + name + "'");
        catalogue_.add(wanted);
        return *wanted;
#else
        throw std::runtime_error("mechanism '" + name + "' is defined in " + file.string() +
                                 ", but this build of mechsim has no JIT compiler; compile it with mechc into a "
                                 "catalogue and list it in 'mechanism_catalogues'");
#endif
    }
    throw std::runtime_error("unknown mechanism '" + name + "'" + did_you_mean(name, known) + " (no " + name +
                             ".mech or " + name + ".mod in " +
                             (looked.empty() ? std::string("the search path, which is empty") : looked) +
                             (available_.empty() ? "" : ", nor in the loaded catalogues") + ")");
}

std::string standard_mechanism_dir() {
#ifdef MECH_MECHANISM_DIR
    return MECH_MECHANISM_DIR;
#else
    return "mechanisms";
#endif
}

}  // namespace mech::model
