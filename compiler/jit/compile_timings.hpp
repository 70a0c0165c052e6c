// Where the wall time of one compile went, stage by stage (benchmarks, `mechc --time`).
// Filled only when a caller passes one in; stages a path does not run stay 0.
#pragma once

#include <chrono>

namespace mech::jit {

struct CompileTimings {
    double front_ms = 0;        // parse, semantic checks, lowering to IR and the IR passes
    double codegen_ms = 0;      // LLVM IR built from the mechanism IR (and verified)
    double optimise_ms = 0;     // LLVM's middle end (vectorisation and its clean-up)
    double machine_code_ms = 0; // instruction selection, register allocation, in-memory linking

    double total_ms() const { return front_ms + codegen_ms + optimise_ms + machine_code_ms; }
};

// Adds the time from construction to destruction to one stage (no-op when `into` is null).
class StageTimer {
public:
    explicit StageTimer(double* into) : into_(into), start_(std::chrono::steady_clock::now()) {}
    ~StageTimer() {
        if (into_) {
            *into_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                               start_)
                          .count();
        }
    }
    StageTimer(const StageTimer&) = delete;
    StageTimer& operator=(const StageTimer&) = delete;

private:
    double* into_;
    std::chrono::steady_clock::time_point start_;
};

} // namespace mech::jit
