// End to end through the evaluator: hh.mod parsed, analysed, lowered and solved, then run.
#include "eval/evaluator.hpp"
#include "eval/instance_storage.hpp"
#include "lower_source.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace mech::test {
namespace {


TEST(FromSource, HodgkinHuxleyRestingStateAndCurrents) {
    auto m = lower_source_file(MECH_GOLDEN_DIR "/hh.mod", FailOn::AnyDiagnostic);
    eval::InstanceStorage s(m, 1);
    eval::init(m, s.data);
    int mi = m.find_field("m"), hi = m.find_field("h"), ni = m.find_field("n");
    // NEURON's steady states at -65 mV and 6.3 degC.
    EXPECT_NEAR(s.field(mi, 0), 0.052932485257249, 1e-12);
    EXPECT_NEAR(s.field(hi, 0), 0.596120753508460, 1e-12);
    EXPECT_NEAR(s.field(ni, 0), 0.317676914060697, 1e-12);

    eval::compute_currents(m, s.data);
    double mv = s.field(mi, 0), hv = s.field(hi, 0), nv = s.field(ni, 0);
    double gna = 0.12 * mv * mv * mv * hv, gk = 0.036 * nv * nv * nv * nv;
    double ina = gna * (-65 - 50), ik = gk * (-65 + 77), il = 0.0003 * (-65 + 54.3);
    EXPECT_NEAR(s.ion(0, ir::IonQuantity::Current, 0), ina, 1e-15);
    EXPECT_NEAR(s.ion(1, ir::IonQuantity::Current, 0), ik, 1e-15);
    EXPECT_NEAR(s.rhs(0), -(il + ina + ik), 1e-15);
    EXPECT_NEAR(s.d(0), gna + gk + 0.0003, 1e-15);

    // At a fixed voltage the gates stay at their steady states under cnexp.
    for (int n = 0; n < 100; ++n)
        eval::advance_state(m, s.data);
    EXPECT_NEAR(s.field(mi, 0), 0.052932485257249, 1e-12);
}

} // namespace
} // namespace mech::test
