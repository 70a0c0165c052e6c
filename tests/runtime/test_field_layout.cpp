// The mechanisms' structure-of-arrays storage: every field starts on a cache line (the kernels
// and the cable step load eight doubles at a time), and the padding between fields does not
// move where a value set on one instance is kept for later initialisations.
#include "mechanism_store.hpp"
#include "test_mechanisms.hpp"

#include "mech/mech.hpp"

#include <cmath>
#include <cstdint>
#include <gtest/gtest.h>

namespace {

using namespace mech;

bool on_cache_line(const double* p) {
    return reinterpret_cast<std::uintptr_t>(p) % detail::cache_line == 0;
}

TEST(FieldLayout, EveryFieldStartsOnACacheLineAndHoldsItsDefaults) {
    const mech_field_info fields[] = {{"a", "1", 1, -HUGE_VAL, HUGE_VAL, 0},
                                      {"b", "1", 2, -HUGE_VAL, HUGE_VAL, 0},
                                      {"c", "1", 3, -HUGE_VAL, HUGE_VAL, 0}};
    mech_mechanism mech{};
    mech.abi_version = MECH_ABI_VERSION;
    mech.name = "three";
    mech.kind = MECH_KIND_DENSITY;
    mech.n_fields = 3;
    mech.fields = fields;
    for (int width : {1, 5, 8, 13}) {
        detail::MechanismStore store;
        store.mech = &mech;
        for (int i = 0; i < width; ++i)
            store.node.push_back(i);
        store.allocate();
        ASSERT_EQ(store.field.size(), 3u);
        for (int k = 0; k < 3; ++k) {
            EXPECT_TRUE(on_cache_line(store.field[k])) << "width " << width << " field " << k;
            for (int i = 0; i < width; ++i)
                EXPECT_EQ(store.field[k][i], k + 1) << "width " << width;
        }
        // Blocks do not overlap: the last value of one field is not the first of the next.
        for (int k = 0; k + 1 < 3; ++k)
            EXPECT_GE(store.field[k + 1] - store.field[k], width);
    }
}

TEST(FieldLayout, AValueSetOnOneInstanceOfALaterFieldSurvivesInitialize) {
    // pas on three segments: three instances, so field e (after g) starts past padding.
    Model model;
    const SectionId d = model.add_section("dend", {300, 2, 3, 1, 100});
    model.insert(d, "pas");
    model.set(d, "e_pas", -60);
    Simulation sim(model, mech::testing::catalogue());
    sim.set(d, 0.5, "e_pas", -40);
    sim.set(d, 0.9, "g_pas", 0.002);
    sim.initialize();
    EXPECT_EQ(sim.value(d, 0.1, "e_pas"), -60);
    EXPECT_EQ(sim.value(d, 0.5, "e_pas"), -40);
    EXPECT_EQ(sim.value(d, 0.9, "e_pas"), -60);
    EXPECT_EQ(sim.value(d, 0.5, "g_pas"), 0.001);
    EXPECT_EQ(sim.value(d, 0.9, "g_pas"), 0.002);
    sim.run();
    EXPECT_EQ(sim.value(d, 0.5, "e_pas"), -40);
}

} // namespace
