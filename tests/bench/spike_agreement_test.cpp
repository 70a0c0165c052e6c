// Reading spike CSVs and the agreement rule between mech's and NEURON's rasters.
#include "spike_agreement.hpp"

#include <mech/error.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace mech::workloads {
namespace {

std::string write_temp(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("mech_bench_" + std::to_string(::getpid()) + "_" + name);
    std::ofstream(path) << text;
    return path.string();
}

TEST(SpikeCsv, RoundTripsThroughWriteAndRead) {
    const std::vector<Spike> spikes{{3, 6.475}, {0, 11.625}, {262, 1.0 / 3.0}};
    const std::string path = write_temp("roundtrip.csv", "");
    write_spikes_csv(path, spikes);
    const auto back = read_spikes_csv(path);
    ASSERT_EQ(back.size(), 3u);
    EXPECT_EQ(back[2].gid, 262);
    EXPECT_NEAR(back[2].t, 1.0 / 3.0, 1e-10); // %.10g
    EXPECT_EQ(back[0].t, 6.475);
    std::filesystem::remove(path);
}

TEST(SpikeCsv, BadLineIsReportedWithFileAndLine) {
    const std::string path = write_temp("bad.csv", "gid,t\n1,2.5\n7;3.0\n");
    try {
        read_spikes_csv(path);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(path + ":3: expected 'gid,t'"), std::string::npos)
            << e.what();
    }
    std::filesystem::remove(path);
    EXPECT_THROW(read_spikes_csv(path), Error); // gone
}

TEST(SpikeAgreement, IdenticalRastersAgree) {
    const std::vector<Spike> s{{0, 1}, {1, 2}, {0, 3}};
    const auto a = compare_spikes(s, s, 100, 0.025);
    EXPECT_TRUE(a.ok());
    EXPECT_EQ(a.compared, 3u);
    EXPECT_EQ(a.matched, 3u);
}

TEST(SpikeAgreement, OneStepApartAgreesTwoStepsApartDoesNot) {
    const std::vector<Spike> ref{{0, 10}};
    EXPECT_TRUE(compare_spikes(ref, {{0, 10.025}}, 100, 0.025).ok());
    const auto a = compare_spikes(ref, {{0, 10.05}}, 100, 0.025);
    EXPECT_FALSE(a.ok());
    ASSERT_EQ(a.mismatches.size(), 1u);
    EXPECT_NE(a.mismatches[0].find("cell 0"), std::string::npos);
}

TEST(SpikeAgreement, MissingExtraAndWrongCellSpikesAreFound) {
    const std::vector<Spike> ref{{0, 10}, {1, 12}};
    EXPECT_FALSE(compare_spikes(ref, {{0, 10}}, 100, 0.025).ok());                   // missing
    EXPECT_FALSE(compare_spikes(ref, {{0, 10}, {1, 12}, {2, 40}}, 100, 0.025).ok()); // extra
    EXPECT_FALSE(compare_spikes(ref, {{0, 10}, {2, 12}}, 100, 0.025).ok());          // other cell
}

TEST(SpikeAgreement, OnlyTimesBeforeTheCutCount) {
    const std::vector<Spike> ref{{0, 10}, {0, 60}};
    const std::vector<Spike> ours{{0, 10}, {0, 70}, {1, 80}};
    const auto a = compare_spikes(ref, ours, 50, 0.025);
    EXPECT_TRUE(a.ok());
    EXPECT_EQ(a.compared, 1u);
    EXPECT_EQ(a.reference_total, 2u);
    EXPECT_EQ(a.ours_total, 3u);
    // A spike just at the cut may fall on either side of it.
    EXPECT_TRUE(compare_spikes({{0, 49.99}}, {{0, 50.01}}, 50, 0.025).ok());
}

} // namespace
} // namespace mech::workloads
