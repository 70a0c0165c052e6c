// Unit checking: assignments, sums, derivatives, built-ins, CHANNEL fields, UNITSOFF and
// the .mod (warning) versus .mech (error) severity.
#include "sema_fixture.hpp"

namespace mech::sema::test {
namespace {

TEST(SemaUnits, ScaleMismatchNamesTheFactor) {
    Checked c = check(R"(
NEURON { SUFFIX d }
ASSIGNED { x (V) }
INITIAL { x = 3 (mV) }
)");
    EXPECT_TRUE(c.has_error("4:15: assigning 'mV' to 'V' (a factor of 0.001)")) << c.dump();
}

TEST(SemaUnits, DimensionMismatchNamesBothQuantities) {
    Checked c = check(R"(
NEURON { SUFFIX d }
ASSIGNED { x (mV) }
INITIAL { x = 3 (ms) }
)");
    EXPECT_TRUE(c.has_error("assigning 'ms' (time) to 'mV' (voltage)")) << c.dump();
}

TEST(SemaUnits, ModFilesGetWarningsAndStrictUnitsMakesThemErrors) {
    const char* src = R"(
NEURON { SUFFIX d }
ASSIGNED { x (mV) }
INITIAL { x = 3 (ms) }
)";
    Checked c = check(src, "d.mod");
    EXPECT_TRUE(c.errors().empty()) << c.dump();
    EXPECT_TRUE(c.has_warning("assigning 'ms' (time) to 'mV' (voltage)")) << c.dump();

    Checked s;
    s.module = frontend::parse(src, "d.mod", *s.sources, *s.diags);
    Options o = Options::for_module(s.module);
    o.strict_units = true;
    analyse(s.module, *s.diags, o);
    EXPECT_TRUE(s.has_error("assigning 'ms' (time) to 'mV' (voltage)")) << s.dump();
}

TEST(SemaUnits, UnitsOffSilencesChecking) {
    Checked c = check(R"(
NEURON { SUFFIX d }
ASSIGNED { x (mV) }
UNITSOFF
INITIAL { x = 3 (ms) }
UNITSON
BREAKPOINT { x = 4 (ms) }
)");
    ASSERT_EQ(c.errors().size(), 1u) << c.dump();
    EXPECT_TRUE(c.has_error("7:18: assigning 'ms'")) << c.dump();
}

TEST(SemaUnits, OhmicCurrentIsConsistent) {
    Checked c = check(R"(
NEURON { SUFFIX d  USEION na READ ena WRITE ina }
PARAMETER { g = 0.1 (S/cm2) }
BREAKPOINT { ina = g * (v - ena) }
)");
    EXPECT_TRUE(c.errors().empty()) << c.dump();
}

TEST(SemaUnits, SumOfDifferentUnits) {
    Checked c = check(R"(
NEURON { SUFFIX d }
ASSIGNED { x (mV) }
INITIAL { x = v + 40 }
)");
    EXPECT_TRUE(c.has_error("4:19: adding a number without units to 'mV'")) << c.dump();
}

TEST(SemaUnits, ZeroFitsAnyUnits) {
    Checked c = check(R"(
NEURON { SUFFIX d }
ASSIGNED { x (mV) }
INITIAL { x = 0  if (x > 0) { x = -v } }
)");
    EXPECT_TRUE(c.errors().empty()) << c.dump();
}

TEST(SemaUnits, DerivativeNeedsUnitsPerTime) {
    Checked c = check(R"(
NEURON { SUFFIX d }
STATE { m }
PARAMETER { tau = 2 (ms) }
BREAKPOINT { SOLVE s METHOD cnexp }
DERIVATIVE s { m' = -m }
)");
    EXPECT_TRUE(c.has_error("assigning '1' to the derivative of 'm' in '/ms'")) << c.dump();
}

TEST(SemaUnits, ExpNeedsDimensionlessArgument) {
    Checked c = check(R"(
NEURON { SUFFIX d }
ASSIGNED { x }
INITIAL { x = exp(v) }
)");
    EXPECT_TRUE(c.has_error("the argument of 'exp' must be dimensionless, but it is 'mV' (voltage)"))
        << c.dump();
}

TEST(SemaUnits, PowersWithRationalDimensions) {
    Checked c = check(R"(
NEURON { SUFFIX d }
PARAMETER { a = 4 (um2)  b = 2 (um) }
ASSIGNED { x (um)  y }
INITIAL { x = sqrt(a)  x = a^0.5  y = 3^((celsius - 6.3 (degC))/10 (degC))  x = sqrt(b) }
)");
    ASSERT_EQ(c.errors().size(), 1u) << c.dump();
    EXPECT_TRUE(c.has_error("cannot take the square root of 'um' (length)")) << c.dump();
}

TEST(SemaUnits, LocalsTakeTheUnitsOfTheirFirstAssignment) {
    Checked c = check(R"(
NEURON { SUFFIX d }
ASSIGNED { x (ms) }
INITIAL { LOCAL a  a = 2 (mV)  x = a }
)");
    EXPECT_TRUE(c.has_error("assigning 'mV' (voltage) to 'ms' (time)")) << c.dump();
}

TEST(SemaUnits, FunctionArgumentsAndResults) {
    Checked c = check(R"(
NEURON { SUFFIX d }
ASSIGNED { x (/ms) }
FUNCTION rate(u (mV)) (/ms) { rate = 0.1 (/ms) * exp(u / 10 (mV)) }
INITIAL { x = rate(v)  x = rate(1 (V)) }
)");
    ASSERT_EQ(c.errors().size(), 1u) << c.dump();
    EXPECT_TRUE(c.has_error("passing 'V' as argument 1 of 'rate', which is in 'mV' (a factor of 1000)"))
        << c.dump();
}

TEST(SemaUnits, ChannelGatesAndConductance) {
    Checked c = check(R"(
NEURON { SUFFIX hhna }
PARAMETER { gnabar = 0.12 (S/cm2) }
CHANNEL na {
    ION na
    GMAX gnabar
    GATE m POWER 3 {
        ALPHA = linoid_rate(1 (/ms), -40 (mV), 10 (mV))
        BETA = exp_rate(4 (/ms), -65 (mV), -18 (mV))
    }
    GATE h {
        INF = 1 / (1 + exp((v + 62 (mV)) / 7 (mV)))
        TAU = 0.5 (mV)
    }
}
)");
    ASSERT_EQ(c.errors().size(), 1u) << c.dump();
    EXPECT_TRUE(c.has_error("using 'mV' (voltage) as the TAU of gate 'h', which must be in 'ms' (time)"))
        << c.dump();
    ASSERT_EQ(c.analysis.channels.size(), 1u);
    EXPECT_EQ(c.analysis.channels[0].gates.size(), 2u);
    const Symbol* m = c.analysis.find("m");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->kind, SymbolKind::Gate);
    EXPECT_EQ(m->gate_power, 3);
    ASSERT_EQ(c.analysis.ions.size(), 1u);
    EXPECT_EQ(c.analysis.ions[0].read, (std::vector<std::string>{"ena"}));
    EXPECT_EQ(c.analysis.ions[0].write, (std::vector<std::string>{"ina"}));
}

TEST(SemaUnits, UnitsBlockConstantsAndAliases) {
    Checked c = check(R"(
NEURON { SUFFIX d }
UNITS { (mM) = (milli/liter)  FARADAY = (faraday) (coulomb)  R = (k-mole) (joule/degC) }
ASSIGNED { x (mM) }
INITIAL { x = 1 (mM) }
)");
    EXPECT_TRUE(c.errors().empty()) << c.dump();
    const Symbol* f = c.analysis.find("FARADAY");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->kind, SymbolKind::Constant);
    EXPECT_EQ(f->default_value.value_or(0), 96485.3321233100184);
    EXPECT_EQ(c.analysis.find("R")->default_value.value_or(0), 8.31446261815324);
}

TEST(SemaUnits, UnknownUnitIsLocated) {
    Checked c = check(R"(
NEURON { SUFFIX d }
PARAMETER { g = 1 (mVV) }
)");
    EXPECT_TRUE(c.has_error("3:20: unknown unit 'mVV'")) << c.dump();
}

} // namespace
} // namespace mech::sema::test
