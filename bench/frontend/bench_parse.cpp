// Parses a generated 5,000-line file: many PARAMETERs, a long PROCEDURE, channels and gates.
#include "frontend/parse.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>

namespace {

std::string generated_file(int lines) {
    std::string s = "NEURON {\n    SUFFIX big\n}\nPARAMETER {\n";
    int n = lines / 3; // three parts of about n lines each
    for (int i = 0; i < n; ++i) s += "    p" + std::to_string(i) + " = " + std::to_string(i) + ".5 (mV) <0, 1e9>\n";
    s += "}\nPROCEDURE work(v (mV)) {\n    LOCAL a, b\n";
    for (int i = 0; i < n; ++i)
        s += "    a = exp(-(v + p" + std::to_string(i) + ") / 10 (mV)) * b + 3^((celsius - 6.3) / 10)\n";
    s += "}\n";
    for (int i = 0; i < n / 8; ++i) {
        std::string k = std::to_string(i);
        s += "CHANNEL c" + k + " {\n    ION k\n    GMAX p" + k + "\n    GATE g" + k + " POWER 2 {\n";
        s += "        ALPHA = linoid_rate(0.1 (/ms), -55 (mV), 10 (mV))\n        BETA = exp_rate(0.125 (/ms), -65 (mV), -80 (mV))\n    }\n}\n";
    }
    return s;
}

void BM_Parse5000Lines(benchmark::State& state) {
    const std::string text = generated_file(5000);
    for (auto _ : state) {
        mech::diag::SourceManager sources;
        mech::diag::DiagnosticEngine diags(sources);
        auto m = mech::frontend::parse(text, "big.mech", sources, diags);
        if (diags.has_errors()) state.SkipWithError("the generated file did not parse");
        benchmark::DoNotOptimize(m);
    }
    state.counters["lines"] = static_cast<double>(std::count(text.begin(), text.end(), '\n'));
}
BENCHMARK(BM_Parse5000Lines)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
