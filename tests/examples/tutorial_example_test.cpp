// examples/tutorial.cpp, run as a program: it JIT-compiles hh and pas from the library and its
// CSV output matches values printed by NEURON 8.2.2 for the same model (usetable_hh = 0).
#include "reference_csv.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

namespace {

TEST(TutorialExample, RunsAndMatchesNeuron) {
    const std::string out = std::string(MECH_TEST_OUTPUT_DIR) + "/tutorial.csv";
    std::remove(out.c_str());
    ASSERT_EQ(std::system((std::string(MECH_TUTORIAL_EXE) + " " + out).c_str()), 0);
    const auto csv = mech::testing::read_csv(out);
    const auto& vs = csv["v_soma"];
    const auto& vd = csv["v_dend"];
    ASSERT_EQ(vs.size(), 1001u);
    // step index, v_soma, v_dend (mV) from NEURON.
    const double neuron[][3] = {{200, -64.982363, -64.985349},
                                {400, -65.166986, -65.071328},
                                {600, -65.258491, -65.224037},
                                {800, -65.036679, -65.033339},
                                {1000, -64.991891, -64.993712}};
    for (const auto& row : neuron) {
        const auto k = static_cast<std::size_t>(row[0]);
        EXPECT_NEAR(vs[k], row[1], 2e-6) << k;
        EXPECT_NEAR(vd[k], row[2], 2e-6) << k;
    }
    EXPECT_NEAR(*std::max_element(vs.begin(), vs.end()), -59.80382304075172, 1e-6);
}

} // namespace
