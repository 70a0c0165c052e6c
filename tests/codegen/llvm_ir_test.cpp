// The shape of the optimised LLVM IR, checked lightly: loops over density instances vectorise
// (with libmvec for exp), point-process scatters into shared nodes stay scalar.
#include "hand_mechanisms.hpp"
#include "jit/compile.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace mech::jit {
namespace {

// The text of one function definition in printed LLVM IR ("" if absent).
std::string function_text(const std::string& ir, const std::string& name) {
    const auto start = ir.find("@\"" + name + "\"(");
    const auto plain = ir.find("@" + name + "(");
    auto at = start != std::string::npos ? start : plain;
    while (at != std::string::npos) {
        const auto line = ir.rfind('\n', at);
        if (ir.compare(line + 1, 6, "define") == 0) {
            return ir.substr(line + 1, ir.find("\n}\n", at) - line);
        }
        at = ir.find("@" + name + "(", at + 1);
    }
    return {};
}

std::string optimised_ir(std::vector<ir::Mechanism> mechanisms, Options options = {}) {
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    auto text = emit_llvm_ir(mechanisms, diags, options, true);
    EXPECT_FALSE(diags.has_errors());
    return text;
}

bool vectorised(const std::string& f) {
    return f.find("x double>") != std::string::npos;
}

TEST(LlvmIr, HhStateLoopIsVectorisedWithLibmvec) {
    const auto ir = optimised_ir({testing::make_hh()});
    const auto state = function_text(ir, "mech.hh.advance_state");
    ASSERT_FALSE(state.empty()) << ir.substr(0, 2000);
    EXPECT_TRUE(vectorised(state));
    EXPECT_NE(state.find("_ZGV"), std::string::npos) << "exp not mapped to libmvec";
    EXPECT_TRUE(vectorised(function_text(ir, "mech.hh.compute_currents")));
}

// q10 = 3^((celsius - 6.3)/10) reads only celsius: one scalar pow before the loop, none inside.
TEST(LlvmIr, HhQ10IsComputedOncePerCall) {
    const auto ir = optimised_ir({testing::make_hh()});
    const auto state = function_text(ir, "mech.hh.advance_state");
    const auto pow_at = state.find("call double @llvm.pow.f64");
    ASSERT_NE(pow_at, std::string::npos) << state;
    EXPECT_EQ(state.find("@llvm.pow.f64", pow_at + 30), std::string::npos) << state;
    EXPECT_EQ(state.find("vv_pow"), std::string::npos) << state;
    EXPECT_LT(pow_at, state.find("vector.body")) << state;
}

// On an AVX-512 host the state loop calls glibc's 8-lane exp, and no scalar exp remains in it.
TEST(LlvmIr, HhStateLoopUsesEightLaneExpOnAvx512) {
    Options options;
    options.cpu = "znver4";
    const auto state = function_text(optimised_ir({testing::make_hh()}, options),
                                     "mech.hh.advance_state");
    EXPECT_NE(state.find("_ZGVeN8v_exp"), std::string::npos) << state;
    const auto body = state.substr(state.find("vector.body"));
    // The vector loop ends where it branches to vector.done (or to a middle block).
    const auto end = std::min(body.find("vector.done"), body.find("middle.block"));
    EXPECT_EQ(body.substr(0, end).find("@llvm.exp.f64"), std::string::npos) << state;
}

// exprelr (hh's alpha_m and alpha_n) is x/expm1(x) through libmvec's vector expm1: no vector
// log (the earlier exp-and-log form) and no scalar expm1 call inside the vector loop. Division
// by a constant ((v + 40)/10) is a multiplication.
TEST(LlvmIr, ExprelrUsesVectorExpm1AndNoLog) {
    Options options;
    options.cpu = "znver4";
    const auto state = function_text(optimised_ir({testing::make_hh()}, options),
                                     "mech.hh.advance_state");
    EXPECT_NE(state.find("_ZGVeN8v_expm1"), std::string::npos) << state;
    EXPECT_EQ(state.find("v_log"), std::string::npos) << state;
    const auto body = state.substr(state.find("vector.body"));
    const auto end = std::min(body.find("vector.done"), body.find("middle.block"));
    EXPECT_EQ(body.substr(0, end).find("@expm1("), std::string::npos) << state;
    for (auto at = state.find("fdiv"); at != std::string::npos; at = state.find("fdiv", at + 1)) {
        const auto line = state.substr(at, state.find('\n', at) - at);
        EXPECT_EQ(line.find(", <double"), std::string::npos) << "division by a constant: " << line;
        EXPECT_EQ(line.find("splat"), std::string::npos) << "division by a constant: " << line;
    }
}

// The scalar loop over the last few instances computes exp and expm1 with the vector loop's
// libmvec functions (one lane), so an instance's bits do not depend on which loop it falls in,
// i.e. on how the runtime splits instances between threads.
TEST(LlvmIr, ScalarRemainderUsesTheVectorLoopsMath) {
    Options options;
    options.cpu = "znver4";
    const auto state = function_text(optimised_ir({testing::make_hh()}, options),
                                     "mech.hh.advance_state");
    ASSERT_NE(state.find("_ZGVeN8v_exp"), std::string::npos) << state;
    EXPECT_EQ(state.find("call double @llvm.exp.f64"), std::string::npos) << state;
    EXPECT_EQ(state.find("call double @expm1"), std::string::npos) << state;
    EXPECT_NE(state.find("splat"), std::string::npos) << state;
}

// The vector loops run over a multiple of 8 instances and one scalar loop does the rest, so
// the vectoriser adds no scalar remainder (scalar.ph), epilogue (vec.epilog) or run-time
// overflow check (vector.scevcheck) of its own, on AVX-512 and AVX2 alike.
TEST(LlvmIr, VectorLoopsHaveNoRemainderOfTheirOwn) {
    for (const char* cpu : {"znver4", "x86-64-v3"}) {
        Options options;
        options.cpu = cpu;
        const auto ir = optimised_ir({testing::make_hh()}, options);
        for (const char* kernel : {"mech.hh.compute_currents", "mech.hh.advance_state"}) {
            const auto text = function_text(ir, kernel);
            ASSERT_FALSE(text.empty()) << kernel;
            EXPECT_TRUE(vectorised(text)) << cpu << " " << text;
            for (const char* block : {"scalar.ph", "vec.epilog", "vector.scevcheck"}) {
                EXPECT_EQ(text.find(block), std::string::npos) << cpu << " " << block << text;
            }
            EXPECT_NE(text.find("body.rest:"), std::string::npos) << cpu << " " << text;
        }
        // The contiguous and gathering copies of the current loop are both vectorised.
        const auto currents = function_text(ir, "mech.hh.compute_currents");
        std::size_t bodies = 0;
        for (auto at = currents.find("\nvector.body"); at != std::string::npos;
             at = currents.find("\nvector.body", at + 1)) {
            ++bodies;
        }
        EXPECT_EQ(bodies, 3u) << cpu << " (scan, contiguous, gathering)\n" << currents;
    }
}

TEST(LlvmIr, WithoutVectorMathExpStaysScalar) {
    Options options;
    options.vector_math = false;
    const auto ir = optimised_ir({testing::make_hh()}, options);
    EXPECT_EQ(ir.find("_ZGV"), std::string::npos);
}

TEST(LlvmIr, DensityScatterIsVectorisedPointScatterIsNot) {
    const auto ir = optimised_ir({testing::make_pas(), testing::make_expsyn()});
    EXPECT_TRUE(vectorised(function_text(ir, "mech.pas.compute_currents")));
    const auto point = function_text(ir, "mech.ExpSyn.compute_currents");
    ASSERT_FALSE(point.empty());
    EXPECT_FALSE(vectorised(point)) << point;
    // The point process's own state loop has no scatter and vectorises.
    EXPECT_TRUE(vectorised(function_text(ir, "mech.ExpSyn.advance_state")));
}

TEST(LlvmIr, OnlyTheCatalogueIsExported) {
    const auto ir = optimised_ir({testing::make_pas(), testing::make_hh()});
    int exported = 0, kernels = 0;
    std::size_t at = 0;
    while ((at = ir.find("\ndefine ", at)) != std::string::npos) {
        const auto line = ir.substr(at + 1, ir.find('\n', at + 1) - at - 1);
        at += line.size();
        if (line.find("internal") == std::string::npos) {
            ++exported;
            EXPECT_NE(line.find("@mech_catalogue("), std::string::npos) << line;
        } else {
            ++kernels;
        }
    }
    EXPECT_EQ(exported, 1);
    EXPECT_EQ(kernels, 5) << ir; // pas: init, currents; hh: init, currents, state
}

TEST(LlvmIr, UnoptimisedIrNamesKernelsAndFields) {
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    const auto ir = emit_llvm_ir({testing::make_hh()}, diags, {}, false);
    EXPECT_NE(ir.find("%gnabar = load ptr"), std::string::npos);
    EXPECT_NE(ir.find("llvm.loop.parallel_accesses"), std::string::npos);
    EXPECT_NE(ir.find("c\"S/cm2\\00\""), std::string::npos);
}

} // namespace
} // namespace mech::jit
