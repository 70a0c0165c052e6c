// Instruction counts for the JIT, independent of a busy machine: run under
//   valgrind --tool=callgrind --collect-atstart=no bench/jit/mech_jit_count <what>
// where <what> is
//   compile       one compile of mechanisms/hh.mech from its text to callable kernels (the
//                 runtime's path: jit::compile_files), then the stages' wall times on stderr
//   compile-hand  one JIT compile of the hand-built IR hh (testing::make_hh: codegen onwards)
//   jit | native  hand-built hh currents + state over 100000 instances x 10 steps, JIT'd or
//                 hand-written C++ (native_hh.cpp)
//   jit-file      the same for mechanisms/hh.mech's kernels
//   ir            the optimised LLVM IR of the hand-built hh
// callgrind's "Collected" line is the count for that region only. Valgrind has no AVX-512, so
// both sides are AVX2 code there (native_hh_avx2.cpp).
#include "hand_mechanisms.hpp"
#include "instance_store.hpp"
#include "jit/compile.hpp"
#include "jit/compile_files.hpp"
#include "native_hh.hpp"

#include <valgrind/callgrind.h>

#include <cstdio>
#include <numeric>
#include <string>

namespace {

constexpr int instances = 100'000;
constexpr int steps = 10;

std::unique_ptr<mech::jit::JitCatalogue> compile_hand_hh() {
    mech::diag::SourceManager sources;
    mech::diag::DiagnosticEngine diags(sources);
    return mech::jit::compile({mech::testing::make_hh()}, diags, {});
}

std::unique_ptr<mech::jit::JitCatalogue> compile_hh_file(mech::jit::CompileTimings* timings) {
    mech::diag::SourceManager sources;
    mech::diag::DiagnosticEngine diags(sources);
    return mech::jit::compile_files({MECH_HH_FILE}, sources, diags, {}, {}, timings);
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
    const bool from_file = what == "compile" || what == "jit-file";
    if (!from_file && what != "compile-hand" && what != "jit" && what != "native") {
        std::fprintf(stderr, "usage: mech_jit_count compile|compile-hand|jit|jit-file|native|ir\n");
        return 2;
    }
    // LLVM's one-time initialisation stays out of the counted region.
    if (!(from_file ? compile_hh_file(nullptr) : compile_hand_hh())) {
        return 1;
    }
    if (what == "compile" || what == "compile-hand") {
        mech::jit::CompileTimings timings;
        CALLGRIND_TOGGLE_COLLECT;
        auto catalogue = from_file ? compile_hh_file(&timings) : compile_hand_hh();
        CALLGRIND_TOGGLE_COLLECT;
        if (from_file) {
            std::fprintf(stderr,
                         "hh.mech: front %.2f ms, codegen %.2f ms, optimise %.2f ms, machine "
                         "code %.2f ms (wall, not instructions)\n",
                         timings.front_ms, timings.codegen_ms, timings.optimise_ms,
                         timings.machine_code_ms);
        }
        return catalogue ? 0 : 1;
    }
    auto catalogue = from_file ? compile_hh_file(nullptr) : compile_hand_hh();
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
        if (what == "native") {
            mech::bench::native_hh_currents(store.data());
            mech::bench::native_hh_state(store.data());
        } else {
            hh.compute_currents(store.data());
            hh.advance_state(store.data());
        }
    }
    CALLGRIND_TOGGLE_COLLECT;
    std::printf("%s: %d instances x %d steps\n", what.c_str(), instances, steps);
    return 0;
}
