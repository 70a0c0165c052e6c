// Instruction counts for the JIT, independent of a busy machine: run under
//   valgrind --tool=callgrind --collect-atstart=no bench/jit/mech_jit_count <what>
// where <what> is compile (one JIT compile of hh), jit or native (hh currents + state over
// 100000 instances, 10 steps) or ir (print the optimised LLVM IR); callgrind's "Collected" line is the count for that region only.
// Valgrind has no AVX-512, so both sides are AVX2 code here (native_hh_avx2.cpp).
#include "hand_mechanisms.hpp"
#include "instance_store.hpp"
#include "jit/compile.hpp"
#include "native_hh.hpp"

#include <valgrind/callgrind.h>

#include <cstdio>
#include <numeric>
#include <string>

namespace {

constexpr int instances = 100'000;
constexpr int steps = 10;

std::unique_ptr<mech::jit::JitCatalogue> compile_hh() {
    mech::diag::SourceManager sources;
    mech::diag::DiagnosticEngine diags(sources);
    return mech::jit::compile({mech::testing::make_hh()}, diags, {});
}

} // namespace

int main(int argc, char** argv) {
    const std::string what = argc > 1 ? argv[1] : "";
    if (what == "ir") { // the optimised LLVM IR of hh, to see what the counts are made of
        mech::diag::SourceManager sources;
        mech::diag::DiagnosticEngine diags(sources);
        std::fputs(mech::jit::emit_llvm_ir({mech::testing::make_hh()}, diags, {}, true).c_str(),
                   stdout);
        return 0;
    }
    if (what != "compile" && what != "jit" && what != "native") {
        std::fprintf(stderr, "usage: mech_jit_count compile|jit|native|ir\n");
        return 2;
    }
    compile_hh(); // LLVM's one-time initialisation stays out of the counted region
    if (what == "compile") {
        CALLGRIND_TOGGLE_COLLECT;
        auto catalogue = compile_hh();
        CALLGRIND_TOGGLE_COLLECT;
        return catalogue ? 0 : 1;
    }
    auto catalogue = compile_hh();
    const auto& hh = *catalogue->find("hh");
    std::vector<mech_index_t> nodes(instances);
    std::iota(nodes.begin(), nodes.end(), 0);
    mech::testing::InstanceStore store(hh, std::move(nodes), instances);
    std::mt19937_64 rng(42);
    store.randomise(rng);
    store.data()->dt = 0.025;
    store.data()->celsius = 6.3;
    CALLGRIND_TOGGLE_COLLECT;
    for (int s = 0; s < steps; ++s) {
        if (what == "jit") {
            hh.compute_currents(store.data());
            hh.advance_state(store.data());
        } else {
            mech::bench::native_hh_currents(store.data());
            mech::bench::native_hh_state(store.data());
        }
    }
    CALLGRIND_TOGGLE_COLLECT;
    std::printf("%s: %d instances x %d steps\n", what.c_str(), instances, steps);
    return 0;
}
