// The library test harness: one JIT catalogue per file, and a clamped single instance.
#include "library_harness.hpp"

#include "jit/compile_files.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

namespace mech::library_test {

namespace {

std::map<std::string, std::unique_ptr<jit::JitCatalogue>>& catalogues() {
    static std::map<std::string, std::unique_ptr<jit::JitCatalogue>> cache;
    return cache;
}

int index_of(const mech_mechanism& m, std::string_view name) {
    for (int k = 0; k < m.n_fields; ++k)
        if (name == m.fields[k].name)
            return k;
    return -1;
}

const jit::JitCatalogue* compile_paths(const std::vector<std::string>& paths) {
    std::string key;
    for (const auto& p : paths)
        key += p + "\n";
    auto& cache = catalogues();
    auto it = cache.find(key);
    if (it == cache.end()) {
        diag::SourceManager sources;
        diag::DiagnosticEngine diags(sources);
        auto catalogue = jit::compile_files(paths, sources, diags);
        for (const auto& d : diags.diagnostics())
            ADD_FAILURE() << diags.render(d);
        it = cache.emplace(key, std::move(catalogue)).first;
    }
    if (!it->second)
        ADD_FAILURE() << key << "did not compile";
    return it->second.get();
}

const mech_mechanism* load_path(const std::string& file, std::string_view name) {
    const jit::JitCatalogue* catalogue = compile_paths({file});
    if (!catalogue)
        return nullptr;
    const mech_mechanism* m = catalogue->find(name);
    if (!m)
        ADD_FAILURE() << file << " holds no mechanism named " << name;
    return m;
}

} // namespace

const mech_mechanism* load(const std::string& file, std::string_view name) {
    return load_path(std::string(MECH_LIBRARY_DIR) + "/" + file, name);
}

const jit::JitCatalogue* load_together(const std::vector<std::string>& files) {
    std::vector<std::string> paths;
    for (const auto& f : files)
        paths.push_back(f.starts_with("/") ? f : std::string(MECH_LIBRARY_DIR) + "/" + f);
    return compile_paths(paths);
}

std::string pas_file() {
    const std::string library = std::string(MECH_LIBRARY_DIR) + "/pas.mech";
    return std::filesystem::exists(library) ? library : std::string(MECH_GOLDEN_DIR) + "/pas.mod";
}

Instance::Instance(const mech_mechanism& mechanism, double v)
    : mechanism_(&mechanism), store_(mechanism, {0}, 1) {
    store_.v[0] = v;
}

bool Instance::has_field(std::string_view name) const { return index_of(*mechanism_, name) >= 0; }

double& Instance::field(std::string_view name) {
    static double missing = 0.0;
    const int k = index_of(*mechanism_, name);
    if (k < 0) {
        ADD_FAILURE() << mechanism_->name << " has no field " << name;
        return missing;
    }
    return store_.fields[k][0];
}

double& Instance::global(std::string_view name) {
    static double missing = 0.0;
    for (int k = 0; k < mechanism_->n_globals; ++k)
        if (name == mechanism_->globals[k].name)
            return store_.globals[k];
    ADD_FAILURE() << mechanism_->name << " has no global " << name;
    return missing;
}

testing::InstanceStore::Ion& Instance::ion(std::string_view name) {
    for (int k = 0; k < mechanism_->n_ions; ++k)
        if (name == mechanism_->ions[k].name)
            return store_.ions[k];
    ADD_FAILURE() << mechanism_->name << " uses no ion " << name;
    static testing::InstanceStore::Ion missing;
    return missing;
}

void Instance::clear_accumulators() {
    std::fill(store_.rhs.begin(), store_.rhs.end(), 0.0);
    std::fill(store_.d.begin(), store_.d.end(), 0.0);
    for (auto& ion : store_.ions) {
        std::fill(ion.current.begin(), ion.current.end(), 0.0);
        std::fill(ion.conductance.begin(), ion.conductance.end(), 0.0);
    }
}

void Instance::init() {
    t_ = 0.0;
    store_.data()->t = 0.0;
    if (mechanism_->init)
        mechanism_->init(store_.data());
}

void Instance::currents() {
    clear_accumulators();
    if (mechanism_->compute_currents)
        mechanism_->compute_currents(store_.data());
}

void Instance::step() {
    store_.data()->t = t_ + store_.data()->dt / 2;
    currents();
    advance();
}

void Instance::advance() {
    t_ += store_.data()->dt;
    store_.data()->t = t_;
    if (mechanism_->advance_state)
        mechanism_->advance_state(store_.data());
}

void Instance::steps(int n) {
    for (int k = 0; k < n; ++k)
        step();
}

void Instance::deliver(double weight, double flag) {
    ASSERT_NE(mechanism_->net_receive, nullptr) << mechanism_->name << " has no NET_RECEIVE";
    store_.data()->t = t_;
    std::vector<double> w(std::max(mechanism_->n_net_receive_args, 1), 0.0);
    w[0] = weight;
    mechanism_->net_receive(store_.data(), 0, w.data(), flag);
}

} // namespace mech::library_test
