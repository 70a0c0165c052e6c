// Every network mistake is a mech::Error that names it, before any step is taken: missing cells,
// populations, receptors and locations, targets without NET_RECEIVE, bad weight vectors, negative
// delays and delays shorter than dt.
#include "library.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace mech {
namespace {

using network_test::hh_cell;
using network_test::library;

// Runs `f`, expects a mech::Error, and returns its message.
std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    ADD_FAILURE() << "no mech::Error";
    return {};
}

#define EXPECT_MENTIONS(message, text)                                                             \
    EXPECT_NE((message).find(text), std::string::npos) << "message: " << (message)

Network small() {
    Network net(1);
    net.add_population("exc", 4, hh_cell);
    return net;
}

TEST(NetworkValidation, ConnectionToAMissingCell) {
    Network net = small();
    const auto m = error_of([&] {
        net.connect(Projection{.source = "exc",
                               .target = "exc",
                               .receptor = "syn",
                               .rule = ExplicitList{{{0, 1, std::nullopt, std::nullopt},
                                                     {2, 9, std::nullopt, std::nullopt}}}});
    });
    EXPECT_MENTIONS(m, "target gid 9 is not a cell of 'exc'");
    EXPECT_MENTIONS(m, "connection 1");
    EXPECT_MENTIONS(error_of([&] { net.cell(17); }), "no cell with gid 17");
}

TEST(NetworkValidation, MissingPopulationReceptorOrLocation) {
    Network net = small();
    EXPECT_MENTIONS(
        error_of(
            [&] { net.connect(Projection{.source = "inh", .target = "exc", .receptor = "syn"}); }),
        "no population named 'inh' (known: exc)");
    EXPECT_MENTIONS(
        error_of(
            [&] { net.connect(Projection{.source = "exc", .target = "exc", .receptor = "gaba"}); }),
        "has no receptor named 'gaba'");
    EXPECT_MENTIONS(error_of([&] { net.add_stimulus(GidSet::range(0, 2), "dend", IClamp{}); }),
                    "no location named 'dend'");
    EXPECT_MENTIONS(error_of([&] { net.add_gap_junction(0, "soma", 1, "axon", GapJunction{}); }),
                    "no location named 'axon'");
    EXPECT_MENTIONS(
        error_of([&] { net.add_population("bad", 1, [](Model&, int) { return CellPorts{}; }); }),
        "spike source ''");
}

TEST(NetworkValidation, TargetWithoutNetReceive) {
    Network net(1);
    net.add_population("cells", 2, [](Model& m, int gid) {
        CellPorts ports = hh_cell(m, gid);
        const PointProcessId clamp =
            m.add_point_process(ports.locations["soma"].section, 0.5, "IClamp");
        ports.receptors["clamp"] = clamp;
        return ports;
    });
    net.connect(Projection{.source = "cells", .target = "cells", .receptor = "clamp"});
    const auto m = error_of([&] { net.check(library(), SimOptions{}); });
    EXPECT_MENTIONS(m, "'IClamp' has no NET_RECEIVE");
    EXPECT_MENTIONS(m, "projection 'cells' -> 'cells' (clamp)");
}

TEST(NetworkValidation, WeightVectorOfTheWrongLength) {
    Network net = small();
    net.connect(Projection{.source = "exc",
                           .target = "exc",
                           .receptor = "syn",
                           .rule = FixedInDegree{.n = 1},
                           .weight = {Distribution::constant(1), Distribution::constant(2)}});
    const auto m = error_of([&] { net.check(library(), SimOptions{}); });
    EXPECT_MENTIONS(m, "weight vector of length 2");
    EXPECT_MENTIONS(m, "ExpSyn's NET_RECEIVE takes 1");
    EXPECT_MENTIONS(error_of([&] {
                        net.connect(Projection{
                            .source = "exc", .target = "exc", .receptor = "syn", .weight = {}});
                    }),
                    "weight vector is empty");
    // The same mistake through a drive.
    Network driven = small();
    driven.add_drive(GidSet::list({1}), "syn", NetStim{}, {0.1, 0.2}, 1);
    EXPECT_MENTIONS(error_of([&] { driven.check(library(), SimOptions{}); }),
                    "drive of gid 1: weight vector of length 2");
}

TEST(NetworkValidation, NegativeDelay) {
    Network net = small();
    const auto m = error_of([&] {
        net.connect(Projection{.source = "exc",
                               .target = "exc",
                               .receptor = "syn",
                               .rule = ExplicitList{{{0, 1, std::nullopt, -0.5}}}});
    });
    EXPECT_MENTIONS(m, "delay must be >= 0 (got -0.5 ms)");
    EXPECT_MENTIONS(m, "connection gid 0 -> gid 1");
    EXPECT_MENTIONS(error_of([&] {
                        net.connect(Projection{.source = "exc",
                                               .target = "exc",
                                               .receptor = "syn",
                                               .delay = Distribution::normal(0, 1)});
                    }),
                    "delay must be >= 0");
}

TEST(NetworkValidation, DelayShorterThanTheStep) {
    Network net = small();
    net.connect(Projection{.source = "exc",
                           .target = "exc",
                           .receptor = "syn",
                           .rule = FixedOutDegree{.n = 2},
                           .delay = Distribution::constant(0.01)});
    SimOptions o;
    o.dt = 0.025;
    const auto m = error_of([&] { net.simulate(library(), o); });
    EXPECT_MENTIONS(m, "delay 0.01 ms is shorter than the time step dt = 0.025 ms");
    o.dt = 0.01;
    EXPECT_NO_THROW(net.check(library(), o));
}

TEST(NetworkValidation, MissingMechanismIsNamed) {
    Network net(1);
    net.add_population("cells", 2, [](Model& m, int gid) {
        CellPorts ports = hh_cell(m, gid);
        ports.receptors["nmda"] = m.add_point_process(ports.locations["soma"].section, 0.5, "NMDA");
        return ports;
    });
    net.connect(Projection{.source = "cells", .target = "cells", .receptor = "nmda"});
    EXPECT_MENTIONS(error_of([&] { net.check(library(), SimOptions{}); }),
                    "the target mechanism 'NMDA' is not in the catalogue");
}

TEST(NetworkValidation, GapJunctionMistakes) {
    Network net = small();
    EXPECT_MENTIONS(
        error_of([&] { net.add_gap_junction(0, "soma", 1, "soma", GapJunction{.g = -1}); }),
        "g must be >= 0");
    EXPECT_MENTIONS(error_of([&] {
                        net.add_gap_junction(0, "soma", 1, "soma",
                                             GapJunction{.g = 1, .rectifying = true, .slope = 0});
                    }),
                    "non-zero slope");
    EXPECT_MENTIONS(error_of([&] {
                        net.add_gap_junction(0, "soma", 1, "soma",
                                             GapJunction{.g = 1, .rectifying = true, .g_min = 2});
                    }),
                    "g_min must be in [0, g]");
    net.add_gap_junction(2, "soma", 2, "soma", GapJunction{});
    EXPECT_MENTIONS(error_of([&] { net.simulate(library(), SimOptions{}); }), "to itself");
}

} // namespace
} // namespace mech
