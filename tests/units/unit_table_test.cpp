// The UNITS-block aliases a file may add on top of the built-in names.
#include <gtest/gtest.h>

#include "units/parse_unit.hpp"

namespace mech::units {
namespace {

TEST(UnitTable, AliasFromUnitsBlock) {
    UnitTable t;
    ParseResult def = parse_unit("1/liter", t);
    ASSERT_TRUE(def.ok());
    t.define("molar", def.unit);
    t.define("mM", parse_unit("millimolar", t).unit);
    ParseResult r = parse_unit("mM/ms", t);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.unit.str(), "mM/ms");
    EXPECT_TRUE(equivalent(r.unit, parse_unit("milli/liter-ms").unit));
}

TEST(UnitTable, AliasOverridesBuiltin) {
    UnitTable t;
    t.define("mM", parse_unit("uM").unit);
    EXPECT_TRUE(equivalent(parse_unit("mM", t).unit, parse_unit("uM").unit));
    // The built-in table itself is untouched.
    EXPECT_TRUE(equivalent(parse_unit("mM").unit, parse_unit("milli/liter").unit));
}

TEST(UnitTable, AliasUsableWithPrefix) {
    UnitTable t;
    t.define("Mol", parse_unit("1/liter").unit);
    ParseResult r = parse_unit("mMol", t);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_DOUBLE_EQ(r.unit.scale(), 1.0); // 1e-3 / 1e-3 m3
}

TEST(UnitTable, LookupPrintsTheNameAsWritten) {
    auto u = UnitTable::builtin().lookup("mV");
    ASSERT_TRUE(u.has_value());
    EXPECT_EQ(u->str(), "mV");
    EXPECT_FALSE(UnitTable::builtin().lookup("blorp").has_value());
}

TEST(UnitTable, ClosestName) {
    EXPECT_EQ(UnitTable::builtin().closest_name("coulomg"), "coulomb");
    EXPECT_EQ(UnitTable::builtin().closest_name("zzzzzzzz"), "");
}

} // namespace
} // namespace mech::units
