// JIT-compiled kernels against the reference evaluator (compiler/eval) on randomised inputs:
// every kernel of every mechanism file in mechanisms/ and the test corpora, plus the
// hand-written IR mechanisms, must agree to 1e-12 relative.
#include "eval/evaluator.hpp"
#include "hand_mechanisms.hpp"
#include "instance_store.hpp"
#include "jit/compile.hpp"
#include "jit/compile_files.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace mech::jit {
namespace {

namespace fs = std::filesystem;
using testing::InstanceStore;

constexpr double tolerance = 1e-12;

bool close(double a, double b) {
    if (std::isnan(a) || std::isnan(b)) {
        return std::isnan(a) && std::isnan(b);
    }
    if (a == b) {
        return true;
    }
    return std::fabs(a - b) <= tolerance * std::max(std::fabs(a), std::fabs(b));
}

void expect_same(const std::vector<double>& jit, const std::vector<double>& ref,
                 const std::string& what) {
    ASSERT_EQ(jit.size(), ref.size()) << what;
    int reported = 0;
    for (std::size_t i = 0; i < jit.size() && reported < 5; ++i) {
        if (!close(jit[i], ref[i])) {
            ADD_FAILURE() << what << "[" << i << "]: jit " << jit[i] << " vs evaluator " << ref[i];
            ++reported;
        }
    }
}

void expect_same_stores(InstanceStore& a, InstanceStore& b, const std::string& what) {
    for (std::size_t k = 0; k < a.fields.size(); ++k) {
        expect_same(a.fields[k], b.fields[k], what + " field " + a.mechanism().fields[k].name);
    }
    expect_same(a.globals, b.globals, what + " globals");
    expect_same(a.rhs, b.rhs, what + " vec_rhs");
    expect_same(a.d, b.d, what + " vec_d");
    for (std::size_t j = 0; j < a.ions.size(); ++j) {
        const std::string ion = what + " ion " + a.mechanism().ions[j].name;
        expect_same(a.ions[j].current, b.ions[j].current, ion + " current");
        expect_same(a.ions[j].conductance, b.ions[j].conductance, ion + " conductance");
        expect_same(a.ions[j].internal, b.ions[j].internal, ion + " internal");
        expect_same(a.ions[j].external, b.ions[j].external, ion + " external");
        expect_same(a.ions[j].reversal, b.ions[j].reversal, ion + " reversal");
    }
    ASSERT_EQ(a.events.size(), b.events.size()) << what << " events";
    for (std::size_t e = 0; e < a.events.size(); ++e) {
        EXPECT_EQ(a.events[e].instance, b.events[e].instance);
        EXPECT_TRUE(close(a.events[e].a, b.events[e].a) && close(a.events[e].b, b.events[e].b))
            << what << " event " << e;
    }
}

std::vector<mech_index_t> placement(const mech_mechanism& m, int width) {
    std::vector<mech_index_t> nodes(width);
    for (int i = 0; i < width; ++i) {
        // Point processes share nodes; density instances are one per node, shuffled.
        nodes[i] = m.kind == MECH_KIND_POINT ? (i * 5) % 7 : (i * 7) % width;
    }
    return nodes;
}

// Runs each kernel once through the JIT and once through the evaluator from identical inputs.
void check_agreement(const ir::Mechanism& ir_mechanism, const mech_mechanism& compiled,
                     std::uint64_t seed) {
    const int width = 37; // several vectors and a remainder
    const int n_nodes = compiled.kind == MECH_KIND_POINT ? 7 : width;
    using Runner = void (*)(const ir::Mechanism&, mech_instance_data&);
    struct Step {
        const char* name;
        void (*jit)(mech_instance_data*);
        Runner ref;
    };
    const Step steps[] = {{"init", compiled.init, eval::init},
                          {"compute_currents", compiled.compute_currents, eval::compute_currents},
                          {"advance_state", compiled.advance_state, eval::advance_state}};
    for (const auto& step : steps) {
        if (!step.jit) {
            continue;
        }
        InstanceStore a(compiled, placement(compiled, width), n_nodes);
        InstanceStore b(compiled, placement(compiled, width), n_nodes);
        std::mt19937_64 rng_a(seed), rng_b(seed);
        a.randomise(rng_a);
        b.randomise(rng_b);
        step.jit(a.data());
        step.ref(ir_mechanism, *b.data());
        expect_same_stores(a, b, compiled.name + std::string(".") + step.name);
    }
    if (compiled.net_receive || compiled.net_receive_init) {
        InstanceStore a(compiled, placement(compiled, width), n_nodes);
        InstanceStore b(compiled, placement(compiled, width), n_nodes);
        std::mt19937_64 rng_a(seed), rng_b(seed);
        a.randomise(rng_a);
        b.randomise(rng_b);
        const auto n_args = static_cast<std::size_t>(std::max(compiled.n_net_receive_args, 1));
        std::vector<double> wa(n_args), wb(n_args);
        for (std::size_t k = 0; k < n_args; ++k) {
            wa[k] = wb[k] = 0.001 * static_cast<double>(k + 1);
        }
        for (int instance : {0, 3, width - 1}) {
            if (compiled.net_receive_init) {
                compiled.net_receive_init(a.data(), instance, wa.data());
                eval::net_receive_init(ir_mechanism, *b.data(), instance, wb.data());
            }
            for (double flag : {0.0, 1.0, 2.0}) {
                if (compiled.net_receive) {
                    compiled.net_receive(a.data(), instance, wa.data(), flag);
                    eval::net_receive(ir_mechanism, *b.data(), instance, wb.data(), flag);
                }
            }
        }
        expect_same(wa, wb, compiled.name + std::string(".net_receive weights"));
        expect_same_stores(a, b, compiled.name + std::string(".net_receive"));
    }
}

void check_all(const std::vector<ir::Mechanism>& mechanisms, const Options& options) {
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    auto catalogue = compile(mechanisms, diags, options);
    ASSERT_NE(catalogue, nullptr);
    for (const auto& m : mechanisms) {
        SCOPED_TRACE(m.name);
        const auto* compiled = catalogue->find(m.name);
        ASSERT_NE(compiled, nullptr);
        for (std::uint64_t seed : {1u, 2u, 3u}) {
            check_agreement(m, *compiled, seed);
        }
    }
}

TEST(EvalAgreement, HandWrittenMechanisms) {
    const std::vector<ir::Mechanism> all{testing::make_pas(), testing::make_hh(),
                                         testing::make_expsyn(), testing::make_cadecay()};
    check_all(all, {});
    Options scalar;
    scalar.vector_math = false;
    check_all(all, scalar);
}

// Every mechanism file the project ships or tests with, except the deliberately bad ones.
std::vector<std::string> mechanism_files() {
    std::vector<std::string> files;
    for (const char* dir : {MECH_TEST_MECHANISM_DIRS}) {
        if (!fs::is_directory(dir)) {
            continue;
        }
        for (const auto& entry : fs::directory_iterator(dir)) {
            const auto path = entry.path();
            const auto ext = path.extension().string();
            if ((ext == ".mech" || ext == ".mod") &&
                path.filename().string().rfind("error_", 0) != 0) {
                files.push_back(path.string());
            }
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

class EvalAgreementFile : public ::testing::TestWithParam<std::string> {};

TEST_P(EvalAgreementFile, EveryKernelAgrees) {
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    auto lowered = lower_files({GetParam()}, sources, diags);
    for (const auto& d : diags.diagnostics()) {
        if (d.severity != diag::Severity::Warning && d.severity != diag::Severity::Note) {
            ADD_FAILURE() << diags.render(d);
        }
    }
    ASSERT_TRUE(lowered.has_value());
    check_all(lowered->mechanisms, {});
}

INSTANTIATE_TEST_SUITE_P(Files, EvalAgreementFile, ::testing::ValuesIn(mechanism_files()),
                         [](const auto& info) {
                             auto name = fs::path(info.param).parent_path().filename().string() +
                                         "_" + fs::path(info.param).stem().string();
                             std::replace_if(
                                 name.begin(), name.end(), [](char c) { return !std::isalnum(c); },
                                 '_');
                             return name;
                         });

} // namespace
} // namespace mech::jit
