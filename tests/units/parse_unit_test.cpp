// Parsing of unit expressions as NMODL files spell them.
#include <gtest/gtest.h>

#include "units/parse_unit.hpp"

namespace mech::units {
namespace {

Unit parse_ok(std::string_view text) {
    ParseResult r = parse_unit(text);
    EXPECT_TRUE(r.ok()) << text << ": " << r.error;
    return r.unit;
}

Dims dims(int m, int kg, int s, int a, int k = 0) { return Dims{{m, kg, s, a, k}}; }

double factor(std::string_view from, std::string_view to) {
    auto f = conversion_factor(parse_ok(from), parse_ok(to));
    EXPECT_TRUE(f.has_value()) << from << " -> " << to;
    return f.value_or(0);
}

TEST(ParseUnit, Millivolt) {
    Unit u = parse_ok("mV");
    EXPECT_EQ(u.dims(), dims(2, 1, -3, -1));
    EXPECT_DOUBLE_EQ(u.scale(), 1e-3);
    EXPECT_EQ(u.str(), "mV");
}

TEST(ParseUnit, ReciprocalMillisecond) {
    for (const char* t : {"/ms", "1/ms", "(/ms)", "( 1/ms )", "ms^-1"}) {
        Unit u = parse_ok(t);
        EXPECT_EQ(u.dims(), dims(0, 0, -1, 0)) << t;
        EXPECT_DOUBLE_EQ(u.scale(), 1e3) << t;
    }
    EXPECT_EQ(parse_ok("/ms").str(), "/ms");
}

TEST(ParseUnit, CurrentDensity) {
    Unit u = parse_ok("mA/cm2");
    EXPECT_EQ(u.dims(), dims(-2, 0, 0, 1));
    EXPECT_DOUBLE_EQ(u.scale(), 10.0);
    EXPECT_EQ(u.str(), "mA/cm2");
}

TEST(ParseUnit, ConductanceDensitySpellings) {
    Unit s = parse_ok("S/cm2");
    Unit mho = parse_ok("mho/cm2");
    EXPECT_TRUE(equivalent(s, mho));
    EXPECT_EQ(s.dims(), dims(-4, -1, 3, 2));
}

TEST(ParseUnit, PointProcessUnits) {
    EXPECT_DOUBLE_EQ(parse_ok("uS").scale(), 1e-6);
    EXPECT_DOUBLE_EQ(parse_ok("nA").scale(), 1e-9);
    EXPECT_EQ(parse_ok("nA").dims(), dims(0, 0, 0, 1));
    EXPECT_DOUBLE_EQ(parse_ok("pF").scale(), 1e-12);
    EXPECT_DOUBLE_EQ(parse_ok("pf").scale(), 1e-12);
    EXPECT_DOUBLE_EQ(parse_ok("megohm").scale(), 1e6);
    EXPECT_TRUE(equivalent(parse_ok("megohm"), parse_ok("Mohm")));
}

TEST(ParseUnit, Lengths) {
    EXPECT_TRUE(equivalent(parse_ok("um"), parse_ok("micron")));
    EXPECT_DOUBLE_EQ(parse_ok("um").scale(), 1e-6);
    EXPECT_DOUBLE_EQ(parse_ok("cm").scale(), 1e-2);
    EXPECT_EQ(parse_ok("um2").dims(), dims(2, 0, 0, 0));
    EXPECT_EQ(parse_ok("um3").dims(), dims(3, 0, 0, 0));
    EXPECT_DOUBLE_EQ(factor("um2/ms", "cm2/s"), 1e-5);
}

TEST(ParseUnit, Concentrations) {
    Unit mm = parse_ok("mM");
    EXPECT_TRUE(equivalent(mm, parse_ok("milli/liter")));
    EXPECT_TRUE(equivalent(mm, parse_ok("millimolar")));
    EXPECT_EQ(mm.dims(), dims(-3, 0, 0, 0));
    EXPECT_DOUBLE_EQ(factor("uM", "mM"), 1e-3);
    EXPECT_DOUBLE_EQ(factor("nM", "mM"), 1e-6);
}

TEST(ParseUnit, Temperature) {
    EXPECT_TRUE(equivalent(parse_ok("degC"), parse_ok("kelvin")));
    EXPECT_TRUE(equivalent(parse_ok("degC"), parse_ok("K")));
    EXPECT_EQ(parse_ok("degC").dims(), dims(0, 0, 0, 0, 1));
}

TEST(ParseUnit, ProductsBySpaceAndHyphen) {
    Unit a = parse_ok("ohm cm");
    Unit b = parse_ok("ohm-cm");
    EXPECT_TRUE(equivalent(a, b));
    EXPECT_EQ(a.dims(), dims(3, 1, -3, -2));
    EXPECT_DOUBLE_EQ(a.scale(), 1e-2);
    EXPECT_EQ(a.str(), "ohm-cm");
}

TEST(ParseUnit, EverythingAfterSlashDivides) {
    // NEURON's reading: "gm/cm-sec" is gm/(cm sec), "/mM-ms" is 1/(mM ms).
    EXPECT_TRUE(equivalent(parse_ok("gm/cm-sec"), parse_ok("gm/(cm sec)")));
    EXPECT_TRUE(equivalent(parse_ok("/mM-ms"), parse_ok("/mM/ms")));
    EXPECT_EQ(parse_ok("/mM-ms").dims(), dims(3, 0, -1, 0));
}

TEST(ParseUnit, PermeabilityAndVelocity) {
    Unit u = parse_ok("cm/s");
    EXPECT_EQ(u.dims(), dims(1, 0, -1, 0));
    EXPECT_DOUBLE_EQ(u.scale(), 1e-2);
}

TEST(ParseUnit, Capacitance) {
    Unit u = parse_ok("uF/cm2");
    EXPECT_EQ(u.dims(), dims(-4, -1, 4, 2));
    EXPECT_DOUBLE_EQ(u.scale(), 1e-2);
}

TEST(ParseUnit, Dimensionless) {
    for (const char* t : {"1", "(1)", "", "  ", "()"}) {
        Unit u = parse_ok(t);
        EXPECT_TRUE(u.dimensionless()) << t;
        EXPECT_TRUE(u.is_one()) << t;
        EXPECT_EQ(u.str(), "1") << t;
    }
}

TEST(ParseUnit, NumericFactors) {
    Unit u = parse_ok("1e-3 mV");
    EXPECT_DOUBLE_EQ(u.scale(), 1e-6);
    EXPECT_DOUBLE_EQ(parse_ok("1|60 min").scale(), 1.0);
}

TEST(ParseUnit, PluralsAndLongNames) {
    EXPECT_TRUE(equivalent(parse_ok("coulombs"), parse_ok("coulomb")));
    EXPECT_TRUE(equivalent(parse_ok("millivolts"), parse_ok("mV")));
    EXPECT_TRUE(equivalent(parse_ok("milliamp"), parse_ok("mA")));
    EXPECT_TRUE(equivalent(parse_ok("microsiemens"), parse_ok("uS")));
    EXPECT_TRUE(equivalent(parse_ok("hours"), parse_ok("3600 s")));
}

TEST(ParseUnit, MsIsMillisecondNotMeters) {
    EXPECT_EQ(parse_ok("ms").dims(), dims(0, 0, 1, 0));
    EXPECT_EQ(parse_ok("mm").dims(), dims(1, 0, 0, 0));
    EXPECT_EQ(parse_ok("min").dims(), dims(0, 0, 1, 0));
    EXPECT_DOUBLE_EQ(parse_ok("min").scale(), 60.0);
}

TEST(ParseUnit, EnergyPerTemperature) {
    Unit u = parse_ok("joule/degC");
    EXPECT_EQ(u.dims(), dims(2, 1, -2, 0, -1));
    EXPECT_TRUE(commensurable(u, parse_ok("k-mole")));
}

TEST(ParseUnitErrors, UnknownNameIsNamed) {
    ParseResult r = parse_unit("mA/furlong");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error.find("unknown unit 'furlong'"), std::string::npos) << r.error;
    EXPECT_EQ(r.offset, 3u);
}

TEST(ParseUnitErrors, SuggestsCloseName) {
    ParseResult r = parse_unit("mVV");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error.find("did you mean"), std::string::npos) << r.error;
    ParseResult r2 = parse_unit("milivolt");
    ASSERT_FALSE(r2.ok());
    EXPECT_NE(r2.error.find("'millivolt'"), std::string::npos) << r2.error;
}

TEST(ParseUnitErrors, BadCharactersAndParentheses) {
    ParseResult a = parse_unit("mV + 1");
    ASSERT_FALSE(a.ok());
    EXPECT_NE(a.error.find("unexpected character '+'"), std::string::npos) << a.error;
    EXPECT_EQ(a.offset, 3u);
    ParseResult b = parse_unit("(mV");
    ASSERT_FALSE(b.ok());
    EXPECT_NE(b.error.find("missing ')'"), std::string::npos) << b.error;
    ParseResult c = parse_unit("mV)");
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error.find("unexpected ')'"), std::string::npos) << c.error;
    ParseResult d = parse_unit("cm^x");
    ASSERT_FALSE(d.ok());
    ParseResult e = parse_unit("0 mV");
    ASSERT_FALSE(e.ok());
    EXPECT_NE(e.error.find("zero"), std::string::npos);
}

TEST(ParseUnitErrors, OffsetAccountsForLeadingSpaces) {
    ParseResult r = parse_unit("  qq");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.offset, 2u);
}

} // namespace
} // namespace mech::units
