// JIT compile time of hh (mechanisms/hh.mech from its text to callable kernels, as the runtime
// compiles it, with the time of each stage), and the JIT'd hh current + state kernels per
// instance-step against the same maths hand-written in C++ (native_hh.cpp, -O3 -march=native
// -ffast-math). Run on a quiet machine: `bench/jit/mech_jit_bench --benchmark_min_time=1`.
#include "hand_mechanisms.hpp"
#include "instance_store.hpp"
#include "jit/compile.hpp"
#include "jit/compile_files.hpp"
#include "native_hh.hpp"

#include <benchmark/benchmark.h>

#include <numeric>

namespace mech::bench {
namespace {

constexpr int instances = 1'000'000;

std::unique_ptr<jit::JitCatalogue> compile_hh(const jit::Options& options = {}) {
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    return jit::compile({testing::make_hh()}, diags, options);
}

void BM_JitCompileHh(benchmark::State& state) {
    jit::CompileTimings timings;
    for (auto _ : state) {
        diag::SourceManager sources;
        diag::DiagnosticEngine diags(sources);
        auto catalogue = jit::compile_files({MECH_HH_FILE}, sources, diags, {}, {}, &timings);
        if (!catalogue) {
            state.SkipWithError("mechanisms/hh.mech does not compile");
            return;
        }
        benchmark::DoNotOptimize(catalogue->mechanisms().data());
    }
    // Milliseconds per compile in each stage (their sum is the time above).
    const auto per_compile = [&](double ms) {
        return benchmark::Counter(ms, benchmark::Counter::kAvgIterations);
    };
    state.counters["front_ms"] = per_compile(timings.front_ms);
    state.counters["codegen_ms"] = per_compile(timings.codegen_ms);
    state.counters["optimise_ms"] = per_compile(timings.optimise_ms);
    state.counters["machine_code_ms"] = per_compile(timings.machine_code_ms);
    state.SetLabel("mechanisms/hh.mech, target < 50 ms");
}
BENCHMARK(BM_JitCompileHh)->Unit(benchmark::kMillisecond);

// One instance per node, nodes in order (as the runtime lays out a density mechanism).
std::unique_ptr<testing::InstanceStore> hh_store(const mech_mechanism& m) {
    std::vector<mech_index_t> nodes(instances);
    std::iota(nodes.begin(), nodes.end(), 0);
    auto store = std::make_unique<testing::InstanceStore>(m, std::move(nodes), instances);
    std::mt19937_64 rng(42);
    store->randomise(rng);
    store->data()->dt = 0.025;
    store->data()->celsius = 6.3;
    return store;
}

void report(benchmark::State& state) {
    // Seconds per instance-step (printed with an SI prefix, e.g. "6.1n").
    state.counters["s/instance-step"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * instances,
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void run_jit(benchmark::State& state, const jit::Options& options) {
    auto catalogue = compile_hh(options);
    const auto& hh = *catalogue->find("hh");
    auto store = hh_store(hh);
    for (auto _ : state) {
        hh.compute_currents(store->data());
        hh.advance_state(store->data());
        benchmark::ClobberMemory();
    }
    report(state);
}

void BM_JitHhStep(benchmark::State& state) {
    run_jit(state, {});
}
BENCHMARK(BM_JitHhStep)->Unit(benchmark::kMillisecond);

void BM_JitHhStepScalarMath(benchmark::State& state) {
    jit::Options options;
    options.vector_math = false;
    run_jit(state, options);
}
BENCHMARK(BM_JitHhStepScalarMath)->Unit(benchmark::kMillisecond);

void BM_NativeHhStep(benchmark::State& state) {
    auto catalogue = compile_hh(); // only for the metadata the store is laid out from
    auto store = hh_store(*catalogue->find("hh"));
    for (auto _ : state) {
        native_hh_currents(store->data());
        native_hh_state(store->data());
        benchmark::ClobberMemory();
    }
    report(state);
    state.SetLabel("g++ -O3 -march=native -ffast-math; JIT target within 1.2x");
}
BENCHMARK(BM_NativeHhStep)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace mech::bench

BENCHMARK_MAIN();
