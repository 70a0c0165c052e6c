// Unit arithmetic, equivalence, conversion factors and printing.
#include <gtest/gtest.h>

#include "units/constants.hpp"
#include "units/parse_unit.hpp"

namespace mech::units {
namespace {

Unit u(std::string_view text) {
    ParseResult r = parse_unit(text);
    EXPECT_TRUE(r.ok()) << text << ": " << r.error;
    return r.unit;
}

TEST(UnitArith, OhmsLawDensityIsExact) {
    Unit lhs = u("mA/cm2");
    Unit rhs = u("S/cm2") * u("mV");
    EXPECT_EQ(lhs.dims(), rhs.dims());
    // Exactly, not to rounding: prefixes are kept as powers of ten.
    EXPECT_EQ(conversion_factor(rhs, lhs).value(), 1.0);
    EXPECT_TRUE(equivalent(lhs, rhs));
}

TEST(UnitArith, OhmsLawPointProcessIsExact) {
    EXPECT_EQ(conversion_factor(u("uS") * u("mV"), u("nA")).value(), 1.0);
}

TEST(UnitArith, MillivoltToVolt) {
    EXPECT_EQ(conversion_factor(u("mV"), u("V")).value(), 0.001);
    EXPECT_EQ(conversion_factor(u("V"), u("mV")).value(), 1000.0);
    EXPECT_FALSE(equivalent(u("mV"), u("V")));
    EXPECT_TRUE(commensurable(u("mV"), u("V")));
}

TEST(UnitArith, IncommensurableHasNoFactor) {
    EXPECT_FALSE(conversion_factor(u("mV"), u("ms")).has_value());
    EXPECT_FALSE(commensurable(u("mA/cm2"), u("nA")));
}

TEST(UnitArith, RateTimesTimeIsDimensionless) {
    Unit r = u("/ms") * u("ms");
    EXPECT_TRUE(r.dimensionless());
    EXPECT_TRUE(r.is_one());
    EXPECT_EQ(r.str(), "1");
}

TEST(UnitArith, ScaledDimensionlessIsNotOne) {
    Unit r = u("mV") / u("V");
    EXPECT_TRUE(r.dimensionless());
    EXPECT_FALSE(r.is_one());
    EXPECT_DOUBLE_EQ(r.scale(), 1e-3);
}

TEST(UnitArith, IntegerPowers) {
    EXPECT_TRUE(equivalent(u("cm").pow(2), u("cm2")));
    EXPECT_TRUE(equivalent(u("ms").pow(-1), u("/ms")));
    EXPECT_TRUE(u("mV").pow(0).is_one());
    EXPECT_EQ(u("cm").pow(3).str(), "cm3");
}

TEST(UnitArith, RationalPowersWhereDimensionsAllow) {
    auto r = u("um2").pow(1, 2);
    ASSERT_TRUE(r.has_value());
    EXPECT_TRUE(equivalent(*r, u("um")));
    EXPECT_EQ(r->str(), "um");
    EXPECT_FALSE(u("um").pow(1, 2).has_value());
    auto cube = u("cm3").pow(2, 3);
    ASSERT_TRUE(cube.has_value());
    EXPECT_TRUE(equivalent(*cube, u("cm2")));
    auto d = u("1").pow(1, 3);
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(d->is_one());
}

TEST(UnitArith, PrintingProductsAndQuotients) {
    EXPECT_EQ((u("S/cm2") * u("mV")).str(), "S-mV/cm2");
    EXPECT_EQ((u("mV") / u("ms")).str(), "mV/ms");
    EXPECT_EQ((u("mA/cm2") / u("mA/cm2")).str(), "1");
    EXPECT_EQ((u("/ms") * u("/ms")).str(), "/ms2");
}

TEST(UnitArith, SiPrinting) {
    EXPECT_EQ(u("mV").si_str(), "0.001 m2-kg/s3-A");
    EXPECT_EQ(u("1").si_str(), "1");
}

TEST(UnitArith, QuantityNames) {
    EXPECT_EQ(quantity_name(u("mV").dims()), "voltage");
    EXPECT_EQ(quantity_name(u("mA/cm2").dims()), "current density");
    EXPECT_EQ(quantity_name(u("S/cm2").dims()), "conductance density");
    EXPECT_EQ(quantity_name(u("uS").dims()), "conductance");
    EXPECT_EQ(quantity_name(u("/ms").dims()), "rate (1/time)");
    EXPECT_EQ(quantity_name(u("mM").dims()), "concentration");
    EXPECT_EQ(quantity_name(u("kg2").dims()), "");
}

TEST(UnitArith, FactorFormatting) {
    EXPECT_EQ(format_factor(0.001), "0.001");
    EXPECT_EQ(format_factor(1000.0), "1000");
    EXPECT_EQ(format_factor(1.0), "1");
    EXPECT_EQ(format_factor(96485.3321233100184), "96485.3321233");
}

TEST(UnitConstants, FaradayInCoulomb) {
    auto f = conversion_factor(u("faraday"), u("coulomb"));
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(*f, constants::kFaraday);
    EXPECT_EQ(*f, 96485.3321233100184);
}

TEST(UnitConstants, GasConstantInJoulePerDegC) {
    auto f = conversion_factor(u("k-mole"), u("joule/degC"));
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(*f, constants::kGasConstant);
    EXPECT_EQ(conversion_factor(u("R"), u("joule/kelvin")).value(), constants::kGasConstant);
}

TEST(UnitConstants, ElementaryChargeBoltzmannMolePi) {
    EXPECT_EQ(conversion_factor(u("e"), u("coulombs")).value(), constants::kElementaryCharge);
    EXPECT_EQ(conversion_factor(u("k"), u("joule/degC")).value(), constants::kBoltzmann);
    EXPECT_EQ(conversion_factor(u("mole"), u("1")).value(), constants::kAvogadro);
    EXPECT_EQ(conversion_factor(u("pi"), u("1")).value(), constants::kPi);
}

} // namespace
} // namespace mech::units
