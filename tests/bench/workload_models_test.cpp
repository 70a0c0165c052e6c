// W1-W3 as Models: the cells, stimuli, wiring and drives WORKLOADS.md specifies.
#include "workload_models.hpp"

#include <mech/error.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace mech::workloads {
namespace {

double assigned(const SectionSpec& s, const std::string& name) {
    for (const auto& a : s.assignments)
        if (a.name == name)
            return a.value;
    ADD_FAILURE() << s.name << " has no assignment to " << name;
    return NAN;
}

TEST(Workloads, W1IsAThousandHhSomasWithGradedClamps) {
    const Workload w = build_w1();
    ASSERT_EQ(w.model.sections().size(), 1000u);
    EXPECT_EQ(w.compartments, 1000u);
    for (const auto& s : w.model.sections()) {
        EXPECT_EQ(s.mechanisms, std::vector<std::string>{"hh"});
        EXPECT_EQ(s.geometry.length, 20);
        EXPECT_EQ(s.geometry.diam, 20);
        EXPECT_EQ(s.geometry.nseg, 1);
        EXPECT_EQ(s.geometry.Ra, 35.4);
        EXPECT_EQ(s.parent, -1);
    }
    const auto& stim = w.model.stimuli();
    ASSERT_EQ(stim.size(), 1000u);
    EXPECT_DOUBLE_EQ(std::get<IClamp>(stim[0].source).amp, 0.2);
    EXPECT_DOUBLE_EQ(std::get<IClamp>(stim[999].source).amp, 0.3);
    EXPECT_EQ(std::get<IClamp>(stim[500].source).dur, 1000);
    ASSERT_EQ(w.model.spike_detectors().size(), 1000u);
    EXPECT_EQ(w.model.spike_detectors()[7].threshold, 10);
    EXPECT_EQ(w.detectors[7], w.model.spike_detectors()[7].name);
    EXPECT_TRUE(w.drives.empty());
}

TEST(Workloads, W2IsBallAndStickWith102CompartmentsPerCell) {
    const Workload w = build_w2();
    EXPECT_EQ(w.compartments, 20400u);
    const auto& secs = w.model.sections();
    ASSERT_EQ(secs.size(), 400u);
    const SectionSpec& soma = secs[0];
    const SectionSpec& dend = secs[1];
    EXPECT_EQ(soma.geometry.Ra, 100);
    EXPECT_EQ(dend.geometry.nseg, 101);
    EXPECT_EQ(dend.geometry.length, 400);
    EXPECT_EQ(dend.geometry.diam, 2);
    EXPECT_EQ(dend.parent, 0);
    EXPECT_EQ(dend.parent_x, 1.0);
    EXPECT_EQ(dend.mechanisms, std::vector<std::string>{"pas"});
    EXPECT_EQ(assigned(dend, "g_pas"), 1e-4);
    EXPECT_EQ(assigned(dend, "e_pas"), -65);
    EXPECT_DOUBLE_EQ(std::get<IClamp>(w.model.stimuli().back().source).amp, 0.4);
    EXPECT_EQ(w.model.spike_detectors().size(), 200u);
}

TEST(Workloads, W3WiresOneExpSynPerCellAndDrivesTenCells) {
    const Workload w = build_w3();
    ASSERT_EQ(w.model.point_processes().size(), 1000u);
    EXPECT_EQ(w.model.point_processes()[3].mechanism, "ExpSyn");
    const auto& cons = w.model.connections();
    ASSERT_EQ(cons.size(), 100000u);
    EXPECT_EQ(cons[0].detector, w.detectors[944]);
    EXPECT_EQ(cons[0].target, 0);
    EXPECT_DOUBLE_EQ(cons[0].delay, 4.4);
    EXPECT_EQ(cons[0].weight, std::vector<double>{0.0004});
    ASSERT_EQ(w.drives.size(), 10u);
    EXPECT_EQ(w.drives[9].target.index, 9);
    EXPECT_EQ(w.drives[0].weight, 0.05);
    ASSERT_EQ(w.notes.size(), 1u);
    EXPECT_NE(w.notes[0].find("(944 -> 0, 4.4 ms), (405 -> 0, 2.675 ms), (363 -> 0, 4.475 ms)"),
              std::string::npos);
    EXPECT_NE(w.notes[0].find("out-degree 68-136"), std::string::npos);
}

TEST(Workloads, NetStimDriveDeliversStartPlusIntervalsPlusDelay) {
    const NetStimDrive d{};
    EXPECT_EQ(d.event_times(50), (std::vector<double>{6, 16, 26, 36, 46}));
    EXPECT_EQ(d.event_times(5.5), std::vector<double>{});
    NetStimDrive three;
    three.start = 0;
    three.interval = 2;
    three.number = 3;
    EXPECT_EQ(three.event_times(100), (std::vector<double>{1, 3, 5}));
}

TEST(Workloads, UnknownNameIsAnError) {
    EXPECT_THROW(build_workload("W4"), Error);
    EXPECT_EQ(build_workload("W1").name, "W1");
}

} // namespace
} // namespace mech::workloads
