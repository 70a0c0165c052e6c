// IR the backend cannot compile gives a located diagnostic (never an LLVM assertion or crash),
// and a user's mistake is told apart from a compiler bug.
#include "codegen/generate.hpp"
#include "hand_mechanisms.hpp"
#include "ir/build.hpp"

#include <gtest/gtest.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

namespace mech::codegen {
namespace {

using namespace mech::ir;

struct Compiled {
    diag::SourceManager sources;
    diag::DiagnosticEngine diags{sources};
    llvm::LLVMContext context;
    std::unique_ptr<llvm::Module> module;
    diag::FileId file = 0;

    explicit Compiled(std::vector<Mechanism> mechanisms) {
        file = sources.add_file(
            "chan.mech", "NEURON { SUFFIX chan }\nBREAKPOINT { SOLVE states METHOD cnexp }\n");
        const diag::SourceRange declared{{file, 1, 10}, {file, 1, 20}};
        std::vector<diag::SourceRange> where(mechanisms.size(), declared);
        module = generate(mechanisms, context, diags, where);
    }
    const diag::Diagnostic& only() const {
        EXPECT_EQ(diags.diagnostics().size(), 1u);
        return diags.diagnostics().front();
    }
};

TEST(CodegenErrors, UnsolvedSolveIsAnInternalErrorAtTheSolve) {
    auto m = testing::make_pas();
    const diag::SourceRange at{{1, 2, 14}, {1, 2, 25}};
    m.advance_state.body = {
        Solve::make(SolveMethod::Cnexp, "states", {Derivative::make(0, num(1))}, at)};
    Compiled c({m});
    EXPECT_EQ(c.module, nullptr);
    const auto& d = c.only();
    EXPECT_EQ(d.severity, diag::Severity::InternalError);
    EXPECT_EQ(d.range.begin.line, 2u);
    EXPECT_EQ(d.range.begin.column, 14u);
    EXPECT_NE(d.message.find("SOLVE states METHOD cnexp"), std::string::npos) << d.message;
    EXPECT_NE(c.diags.render(d).find("chan.mech:2:14: internal error"), std::string::npos)
        << c.diags.render(d);
}

// An artificial cell sits on no segment: IR that reads its area or diameter is a user error.
Mechanism artificial_pas() {
    auto m = testing::make_pas();
    m.kind = Kind::Artificial;
    m.compute_currents.body.clear();
    m.advance_state.body.clear();
    return m;
}

TEST(CodegenErrors, AreaInAnArtificialCellIsAUserErrorAtTheMechanism) {
    auto m = artificial_pas();
    m.init.body = {Store::make(Var::field(2), ref(Var::special(VarKind::Area)))};
    Compiled c({m});
    EXPECT_EQ(c.module, nullptr);
    const auto& d = c.only();
    EXPECT_EQ(d.severity, diag::Severity::Error);
    EXPECT_EQ(d.range.begin.line, 1u);
    EXPECT_NE(d.message.find("'area' read by an artificial cell"), std::string::npos)
        << d.message;
}

TEST(CodegenErrors, DiamInAnArtificialCellIsAUserError) {
    auto m = artificial_pas();
    m.init.body = {Store::make(Var::field(2), ref(Var::special(VarKind::Diam)))};
    Compiled c({m});
    EXPECT_EQ(c.module, nullptr);
    EXPECT_EQ(c.only().severity, diag::Severity::Error);
    EXPECT_NE(c.only().message.find("'diam' read by an artificial cell"), std::string::npos)
        << c.only().message;
}

TEST(CodegenErrors, AreaAndDiamInADensityMechanismCompile) {
    auto m = testing::make_pas();
    m.init.body = {Store::make(Var::field(2), div(ref(Var::special(VarKind::Area)),
                                                  ref(Var::special(VarKind::Diam))))};
    Compiled c({m});
    EXPECT_NE(c.module, nullptr);
    EXPECT_TRUE(c.diags.diagnostics().empty());
}

TEST(CodegenErrors, ErrorInsideAStoreIsLocatedAtTheStatement) {
    auto m = artificial_pas();
    const diag::SourceRange at{{1, 2, 3}, {1, 2, 9}};
    m.init.body = {If::make(compare(BinaryOp::Gt, voltage(), num(0)),
                            {Store::make(Var::field(2), ref(Var::special(VarKind::Area)), false,
                                         at)})};
    Compiled c({m});
    EXPECT_EQ(c.module, nullptr);
    const auto& d = c.only();
    EXPECT_EQ(d.range.begin.line, 2u);
    EXPECT_EQ(d.range.begin.column, 3u);
}

TEST(CodegenErrors, MechanismLocationIsUsedWhenTheCallerGivesNone) {
    auto m = artificial_pas();
    m.loc = {{1, 1, 1}, {1, 1, 22}};
    m.init.body = {Store::make(Var::field(2), ref(Var::special(VarKind::Area)))};
    diag::SourceManager sources;
    diag::DiagnosticEngine diags{sources};
    sources.add_file("chan.mech", "NEURON { SUFFIX chan }\n");
    llvm::LLVMContext context;
    EXPECT_EQ(generate({m}, context, diags, {}), nullptr);
    ASSERT_EQ(diags.diagnostics().size(), 1u);
    EXPECT_EQ(diags.diagnostics().front().range.begin.line, 1u);
    EXPECT_EQ(diags.diagnostics().front().range.begin.column, 1u);
}

TEST(CodegenErrors, StoreToVoltageIsReported) {
    auto m = testing::make_pas();
    m.init.body = {Store::make(Var::special(VarKind::Voltage), num(0))};
    Compiled c({m});
    EXPECT_EQ(c.module, nullptr);
    EXPECT_EQ(c.only().severity, diag::Severity::InternalError);
    EXPECT_NE(c.only().message.find("read-only"), std::string::npos);
}

TEST(CodegenErrors, OutOfRangeFieldIsReported) {
    auto m = testing::make_pas();
    m.init.body = {Store::make(Var::field(7), num(0))};
    Compiled c({m});
    EXPECT_EQ(c.module, nullptr);
    EXPECT_NE(c.only().message.find("field 7 out of range"), std::string::npos) << c.only().message;
}

TEST(CodegenErrors, CurrentWithoutConductanceIsReported) {
    auto m = testing::make_pas();
    m.compute_currents.body = {AccumulateCurrent::make(-1, false, field(0))};
    Compiled c({m});
    EXPECT_EQ(c.module, nullptr);
    EXPECT_NE(c.only().message.find("without its conductance"), std::string::npos);
}

TEST(CodegenErrors, WeightOutsideNetReceiveIsReported) {
    auto m = testing::make_expsyn();
    m.advance_state.body = {Store::make(Var::field(2), ref(Var::weight(0)))};
    Compiled c({m});
    EXPECT_EQ(c.module, nullptr);
    EXPECT_NE(c.only().message.find("NET_RECEIVE"), std::string::npos);
}

TEST(CodegenErrors, DuplicateNamesAreAUserError) {
    Compiled c({testing::make_pas(), testing::make_pas()});
    EXPECT_EQ(c.module, nullptr);
    EXPECT_EQ(c.only().severity, diag::Severity::Error);
    EXPECT_NE(c.only().message.find("two mechanisms named 'pas'"), std::string::npos);
}

TEST(CodegenErrors, OneBadMechanismDoesNotHideAnother) {
    auto bad1 = testing::make_pas();
    bad1.name = "bad1";
    bad1.init.body = {Store::make(Var::field(9), num(0))};
    auto bad2 = testing::make_hh();
    bad2.init.body = {Store::make(Var::special(VarKind::Time), num(0))};
    Compiled c({bad1, testing::make_expsyn(), bad2});
    EXPECT_EQ(c.module, nullptr);
    EXPECT_EQ(c.diags.error_count(), 2u);
}

TEST(CodegenErrors, GoodMechanismsGiveAVerifiedModule) {
    Compiled c(
        {testing::make_pas(), testing::make_hh(), testing::make_expsyn(), testing::make_cadecay()});
    ASSERT_NE(c.module, nullptr);
    EXPECT_EQ(c.diags.diagnostics().size(), 0u);
    EXPECT_NE(c.module->getFunction("mech_catalogue"), nullptr);
}

} // namespace
} // namespace mech::codegen
