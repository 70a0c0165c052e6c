// Name resolution: declarations, scopes, duplicates, calls and the Analysis symbol table.
#include "sema_fixture.hpp"

namespace mech::sema::test {
namespace {

constexpr const char* kLeak = R"(
NEURON { SUFFIX leak  NONSPECIFIC_CURRENT il  RANGE gl, el }
PARAMETER { gl = 0.0003 (S/cm2) <0, 1e9>  el = -54.3 (mV) }
ASSIGNED { v (mV)  il (mA/cm2) }
BREAKPOINT { il = gl * (v - el) }
)";

TEST(SemaNames, CleanMechanismHasNoDiagnostics) {
    Checked c = check(kLeak);
    EXPECT_TRUE(c.errors().empty()) << c.dump();
    EXPECT_TRUE(c.warnings().empty()) << c.dump();
    EXPECT_EQ(c.analysis.name, "leak");
    EXPECT_EQ(c.analysis.kind, ast::MechanismKind::Density);
}

TEST(SemaNames, SymbolsCarryKindUnitsDefaultsAndLimits) {
    Checked c = check(kLeak);
    const Symbol* gl = c.analysis.find("gl");
    ASSERT_NE(gl, nullptr);
    EXPECT_EQ(gl->kind, SymbolKind::Parameter);
    EXPECT_EQ(gl->unit.str(), "S/cm2");
    EXPECT_EQ(gl->default_value.value_or(0), 0.0003);
    EXPECT_EQ(gl->lower_limit.value_or(-1), 0.0);
    EXPECT_EQ(gl->upper_limit.value_or(-1), 1e9);
    EXPECT_EQ(gl->visibility, Visibility::Range);
    EXPECT_EQ(gl->decl.begin.line, 3u);
    const Symbol* v = c.analysis.find("v");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->kind, SymbolKind::Special);
    ASSERT_EQ(c.analysis.nonspecific_currents.size(), 1u);
    EXPECT_EQ(c.analysis.symbols[c.analysis.nonspecific_currents[0]].name, "il");
}

TEST(SemaNames, NameUsesMapToSymbols) {
    Checked c = check(kLeak);
    int gl_uses = 0;
    for (const auto& [expr, id] : c.analysis.name_uses)
        if (c.analysis.symbols[id].name == "gl")
            ++gl_uses;
    EXPECT_EQ(gl_uses, 1);
    EXPECT_FALSE(c.analysis.expr_units.empty());
}

TEST(SemaNames, UndefinedNameSuggestsClosest) {
    Checked c = check(R"(
NEURON { SUFFIX leak  NONSPECIFIC_CURRENT il }
PARAMETER { gnabar = 0.12 (S/cm2)  el = -54.3 (mV) }
ASSIGNED { il (mA/cm2) }
BREAKPOINT { il = gnabr * (v - el) }
)");
    EXPECT_TRUE(c.has_error("5:19: 'gnabr' is not declared; did you mean 'gnabar'?")) << c.dump();
}

TEST(SemaNames, DuplicateDeclarationPointsAtTheFirst) {
    Checked c = check(R"(
NEURON { SUFFIX d }
PARAMETER { g = 1 }
ASSIGNED { g }
)");
    EXPECT_TRUE(c.has_error("4:12: 'g' is already declared as PARAMETER")) << c.dump();
    EXPECT_TRUE(c.has(diag::Severity::Note, "3:13: 'g' was first declared here")) << c.dump();
}

TEST(SemaNames, LocalShadowingRangeWarns) {
    Checked c = check(R"(
NEURON { SUFFIX d  RANGE g }
ASSIGNED { g }
INITIAL { LOCAL g  g = 1  g = g + 1 }
)", "d.mod");
    EXPECT_TRUE(c.has_warning("LOCAL 'g' shadows the RANGE variable 'g'")) << c.dump();
}

TEST(SemaNames, ProcedureUsedAsValueIsAnError) {
    Checked c = check(R"(
NEURON { SUFFIX d }
ASSIGNED { x }
PROCEDURE p() { }
INITIAL { x = p() }
)");
    EXPECT_TRUE(c.has_error("PROCEDURE 'p' has no value")) << c.dump();
}

TEST(SemaNames, FunctionValueDiscardedIsAnErrorInMech) {
    Checked c = check(R"(
NEURON { SUFFIX d }
FUNCTION f() { f = 1 }
INITIAL { f() }
)");
    EXPECT_TRUE(c.has_error("the value of FUNCTION 'f' is discarded")) << c.dump();
}

TEST(SemaNames, WrongArgumentCount) {
    Checked c = check(R"(
NEURON { SUFFIX d }
ASSIGNED { x }
FUNCTION f(a) { f = a }
INITIAL { x = f(1, 2) }
)");
    EXPECT_TRUE(c.has_error("'f' takes 1 argument but 2 were given")) << c.dump();
}

TEST(SemaNames, AssignmentsToVAndConstantsAreErrors) {
    Checked c = check(R"(
NEURON { SUFFIX d }
CONSTANT { k = 2 }
INITIAL { v = 1 (mV)  k = 3 }
)");
    EXPECT_TRUE(c.has_error("cannot assign to 'v'")) << c.dump();
    EXPECT_TRUE(c.has_error("cannot assign to the constant 'k'")) << c.dump();
}

TEST(SemaNames, ParameterAssignedWhileRunningWarns) {
    Checked c = check(R"(
NEURON { SUFFIX d }
PARAMETER { g = 1 }
ASSIGNED { x }
INITIAL { g = 2 }
BREAKPOINT { g = 3  x = g }
)");
    EXPECT_TRUE(c.has_warning("6:14: assigning to PARAMETER 'g' outside INITIAL")) << c.dump();
    EXPECT_EQ(c.warnings().size(), 1u) << c.dump();
}

TEST(SemaNames, UsesIonVariablesOfTheIon) {
    Checked c = check(R"(
NEURON { SUFFIX d  USEION na READ eca }
)");
    EXPECT_TRUE(c.has_error("'eca' is not a variable of ion 'na' (expected ena, ina, nai or nao)"))
        << c.dump();
}

TEST(SemaNames, IonsRecordReadAndWriteSets) {
    Checked c = check(R"(
NEURON { SUFFIX d  USEION ca READ cai, cao WRITE ica VALENCE 2 }
PARAMETER { p = 1e-6 (cm/s) }
BREAKPOINT { ica = p * ghk(v, cai, cao, 2) }
)");
    EXPECT_TRUE(c.errors().empty()) << c.dump();
    ASSERT_EQ(c.analysis.ions.size(), 1u);
    const Ion& ion = c.analysis.ions[0];
    EXPECT_EQ(ion.name, "ca");
    EXPECT_EQ(ion.valence.value_or(0), 2);
    EXPECT_EQ(ion.read, (std::vector<std::string>{"cai", "cao"}));
    EXPECT_EQ(ion.write, (std::vector<std::string>{"ica"}));
    const Symbol* cai = c.analysis.find("cai");
    ASSERT_NE(cai, nullptr);
    EXPECT_EQ(cai->kind, SymbolKind::IonVariable);
    EXPECT_EQ(cai->unit.str(), "mM");
}

} // namespace
} // namespace mech::sema::test
