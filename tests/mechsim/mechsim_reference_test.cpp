// `mechsim run` on each tutorial model, its traces.csv compared with NEURON's reference under the
// project's tolerances. The cases come from MECH_REFERENCE_CASES ("name:passive|spiking,...");
// a case whose mechanisms cannot be loaded fails with mechsim's own message, never skips.
#include <sstream>

#include <gtest/gtest.h>

#include "reference_compare.hpp"
#include "run_mechsim.hpp"

namespace {

using namespace mech::mechsim_test;

struct Case {
    std::string name;
    Kind kind;
};

std::vector<Case> cases() {
    std::vector<Case> out;
    std::stringstream list(MECH_REFERENCE_CASES);
    for (std::string item; std::getline(list, item, ',');) {
        const auto colon = item.find(':');
        out.push_back(Case{item.substr(0, colon), item.substr(colon + 1) == "passive" ? Kind::Passive : Kind::Spiking});
    }
    return out;
}

class MechsimReference : public ::testing::TestWithParam<Case> {};

TEST_P(MechsimReference, TracesMatchNeuron) {
    const Case c = GetParam();
    const std::string out = fresh_folder("reference-" + c.name);
    const auto r = run_mechsim("run " + std::string(MECH_TUTORIAL_DIR) + "/" + c.name + ".toml -o " + out + " --no-plot -q");
    ASSERT_EQ(r.status, 0) << "mechsim failed on " << c.name << ":\n" << r.err;
    const auto ours = mech::testing::read_csv(out + "/traces.csv");
    const auto reference = mech::testing::read_csv(mech::testing::reference_path(c.name + ".csv"));
    EXPECT_EQ(compare_with_reference(ours, reference, c.kind), "");
}

INSTANTIATE_TEST_SUITE_P(Tutorial, MechsimReference, ::testing::ValuesIn(cases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
