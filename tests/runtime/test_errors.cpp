// Every user mistake gives a mech::Error naming the culprit, never a crash.
#include "test_mechanisms.hpp"

#include "mech/mech.hpp"

#include <gtest/gtest.h>
#include <string>

namespace {

using namespace mech;

template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

#define EXPECT_ERROR(statement, fragment)                                                          \
    EXPECT_NE(error_of([&] { statement; }).find(fragment), std::string::npos)                      \
        << error_of([&] { statement; })

TEST(Errors, Geometry) {
    Model model;
    EXPECT_ERROR(model.add_section("s", {100, 1, 0}), "nseg must be at least 1");
    EXPECT_ERROR(model.add_section("s", {-1, 1, 1}), "L must be positive");
    EXPECT_ERROR(model.add_section("", {}), "non-empty name");
    const SectionId a = model.add_section("a");
    EXPECT_ERROR(model.add_section("a"), "already exists");
    const SectionId b = model.add_section("b");
    model.connect(b, a);
    EXPECT_ERROR(model.connect(a, b), "would make a loop");
    EXPECT_ERROR(model.connect(b, a, 1.5), "x = 1.5 is outside [0, 1]");
    EXPECT_ERROR(model.add_point_process(a, -0.1, "ExpSyn"), "outside [0, 1]");
    EXPECT_ERROR(model.section("nope"), "no section named 'nope'");
}

TEST(Errors, NamesResolvedAgainstTheCatalogue) {
    const Catalogue cat = mech::testing::catalogue();
    {
        Model model;
        model.insert(model.add_section("soma"), "hhh");
        EXPECT_ERROR(Simulation(model, cat), "section 'soma': unknown mechanism 'hhh'");
    }
    {
        Model model;
        const SectionId s = model.add_section("soma");
        model.insert(s, "hh");
        model.set(s, "gnabarr_hh", 1);
        EXPECT_ERROR(Simulation(model, cat), "mechanism 'hh' has no field 'gnabarr'");
    }
    {
        Model model;
        const SectionId s = model.add_section("soma");
        model.set(s, "g_pas", 1);
        EXPECT_ERROR(Simulation(model, cat), "unknown name 'g_pas'");
    }
    {
        Model model;
        model.insert(model.add_section("soma"), "ExpSyn");
        EXPECT_ERROR(Simulation(model, cat), "is a point process");
    }
    {
        Model model;
        const auto p = model.add_point_process(model.add_section("soma"), 0.5, "ExpSyn");
        model.set(p, "taux", 1);
        EXPECT_ERROR(Simulation(model, cat), "no field 'taux'");
    }
    {
        Model model;
        const SectionId s = model.add_section("soma");
        model.insert(s, "pas");
        model.record("x", s, 0.5, "m_hh");
        EXPECT_ERROR(Simulation(model, cat), "nothing called 'm_hh'");
    }
}

TEST(Errors, ParameterOutsideDeclaredLimits) {
    Model model;
    const SectionId s = model.add_section("soma");
    model.insert(s, "pas");
    model.set(s, "g_pas", -1);
    EXPECT_ERROR(Simulation(model, mech::testing::catalogue()),
                 "g = -1 is outside its declared limits <0, 1000000000>");
}

TEST(Errors, Options) {
    Model model;
    model.add_section("soma");
    const Catalogue cat = mech::testing::catalogue();
    EXPECT_ERROR(Simulation(model, cat, SimOptions{10, 0}), "dt must be positive");
    EXPECT_ERROR(Simulation(model, cat, SimOptions{10, -1}), "dt must be positive");
    EXPECT_ERROR(Simulation(model, cat, SimOptions{10, 0.025, 6.3, -65, 0}), "sample_every");
    Simulation sim(model, cat);
    EXPECT_ERROR(sim.trace("v_nope"), "no recorded column 'v_nope'");
}

TEST(Errors, BlowUpNamesTimeSectionAndMechanisms) {
    Model model;
    const SectionId s = model.add_sphere("soma", 10);
    model.insert(s, "pas");
    model.set(s, "g_pas", 0);
    model.set(s, "cm", 0); // a singular membrane: nothing holds the voltage
    model.add_stimulus(s, 0.5, IClamp{1, 0, 1});
    Simulation sim(model, mech::testing::catalogue(), SimOptions{1, 0.025});
    const std::string msg = error_of([&] { sim.run(); });
    EXPECT_NE(msg.find("t = 0.025 ms"), std::string::npos) << msg;
    EXPECT_NE(msg.find("section 'soma'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("mechanisms there: pas"), std::string::npos) << msg;
}

TEST(Errors, BadWaveforms) {
    Model model;
    const SectionId s = model.add_section("soma");
    EXPECT_ERROR(model.add_stimulus(s, 0.5, CurrentWaveform::table({0, 1}, {0})), "equally many");
    EXPECT_ERROR(model.add_stimulus(s, 0.5, CurrentWaveform::table({1, 0}, {0, 1})),
                 "times must increase");
    model.add_stimulus(s, 0.5, CurrentWaveform::of_expression("0.1*sin(2*pi*tt)"));
    EXPECT_ERROR(Simulation(model, mech::testing::catalogue()), "cannot use expression");
}

} // namespace

namespace {

TEST(Errors, Connections) {
    mech::Model model;
    const auto s = model.add_section("soma");
    const auto syn = model.add_point_process(s, 0.5, "ExpSyn");
    EXPECT_ERROR(model.connect_spikes("nope", syn, {1.0}), "no spike detector named 'nope'");
    model.record_spikes("d", s, 0.5);
    EXPECT_ERROR(model.connect_spikes("d", syn, {1.0}, -1), "delay must be >= 0");
    model.connect_spikes("d", syn, {1.0, 2.0});
    EXPECT_ERROR(mech::Simulation(model, mech::testing::catalogue()),
                 "ExpSyn takes 1 weight value(s), got 2");
}

} // namespace

namespace {

TEST(Errors, ArtificialCells) {
    const mech::Catalogue cat = mech::testing::catalogue();
    {
        mech::Model model;
        model.add_artificial_cell("ExpSyn");
        EXPECT_ERROR(mech::Simulation(model, cat), "not an artificial cell");
    }
    {
        mech::Model model;
        model.add_artificial_cell("NetStimm");
        EXPECT_ERROR(mech::Simulation(model, cat), "artificial cell NetStimm: unknown mechanism");
    }
}

} // namespace
