// JIT-compiled kernels of hand-written IR mechanisms against the same maths written in C++,
// on randomised inputs, for every kernel and for widths that exercise vector remainders.
#include "hand_mechanisms.hpp"
#include "instance_store.hpp"
#include "jit/compile.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace mech::jit {
namespace {

using testing::InstanceStore;

class Kernels : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        diag::SourceManager sources;
        diag::DiagnosticEngine diags(sources);
        catalogue_ = compile({testing::make_pas(), testing::make_hh(), testing::make_expsyn(),
                              testing::make_cadecay()},
                             diags)
                         .release();
        for (const auto& d : diags.diagnostics()) {
            ADD_FAILURE() << diags.render(d);
        }
    }
    static void TearDownTestSuite() {
        delete catalogue_;
        catalogue_ = nullptr;
    }
    static const mech_mechanism& get(const char* name) {
        EXPECT_NE(catalogue_, nullptr);
        const auto* m = catalogue_->find(name);
        EXPECT_NE(m, nullptr) << name;
        return *m;
    }
    static std::vector<mech_index_t> identity(int n) {
        std::vector<mech_index_t> nodes(n);
        for (int i = 0; i < n; ++i) {
            nodes[i] = n - 1 - i; // reversed, so node order differs from instance order
        }
        return nodes;
    }
    static inline JitCatalogue* catalogue_ = nullptr;
};

void expect_close(double actual, double expected, const char* what, int i) {
    const double scale = std::max(std::fabs(expected), 1e-300);
    EXPECT_LE(std::fabs(actual - expected) / scale, 1e-12)
        << what << "[" << i << "]: " << actual << " vs " << expected;
}

double exprelr(double x) {
    return (1.0 + x == 1.0) ? 1.0 : x / std::expm1(x);
}

TEST_F(Kernels, CatalogueListsMechanismsWithTheirMetadata) {
    ASSERT_EQ(catalogue_->mechanisms().size(), 4u);
    const auto& hh = get("hh");
    EXPECT_EQ(hh.abi_version, static_cast<uint32_t>(MECH_ABI_VERSION));
    EXPECT_EQ(hh.kind, MECH_KIND_DENSITY);
    ASSERT_EQ(hh.n_fields, 10);
    EXPECT_STREQ(hh.fields[0].name, "gnabar");
    EXPECT_STREQ(hh.fields[0].units, "S/cm2");
    EXPECT_EQ(hh.fields[0].default_value, 0.12);
    EXPECT_EQ(hh.fields[4].role, MECH_FIELD_STATE);
    EXPECT_EQ(hh.fields[0].lower_limit, -HUGE_VAL);
    ASSERT_EQ(hh.n_ions, 2);
    EXPECT_STREQ(hh.ions[1].name, "k");
    EXPECT_EQ(hh.ions[1].reads, MECH_ION_REVERSAL);
    EXPECT_EQ(hh.ions[1].writes, MECH_ION_CURRENT);
    EXPECT_NE(hh.init, nullptr);
    EXPECT_NE(hh.compute_currents, nullptr);
    EXPECT_NE(hh.advance_state, nullptr);
    EXPECT_EQ(hh.net_receive, nullptr);
    EXPECT_EQ(hh.n_globals, 0);
    EXPECT_EQ(hh.globals, nullptr);

    const auto& syn = get("ExpSyn");
    EXPECT_EQ(syn.kind, MECH_KIND_POINT);
    EXPECT_EQ(syn.n_net_receive_args, 1);
    EXPECT_NE(syn.net_receive, nullptr);
    EXPECT_EQ(syn.net_receive_init, nullptr);
    const auto& ca = get("cadecay");
    ASSERT_EQ(ca.n_globals, 1);
    EXPECT_STREQ(ca.globals[0].name, "FARADAY");
    EXPECT_EQ(ca.globals[0].default_value, 96485.309);
    EXPECT_EQ(ca.ions[0].valence, 2);
    EXPECT_EQ(get("pas").advance_state, nullptr);
}

TEST_F(Kernels, PasCurrent) {
    std::mt19937_64 rng(1);
    for (int width : {0, 1, 3, 8, 17, 100}) {
        InstanceStore s(get("pas"), identity(width), width);
        s.randomise(rng);
        s.mechanism().compute_currents(s.data());
        for (int i = 0; i < width; ++i) {
            const int n = s.node_index[i];
            const double g = s.fields[0][i], e = s.fields[1][i];
            EXPECT_EQ(s.fields[2][i], g * (s.v[n] - e));
            EXPECT_EQ(s.rhs[n], -g * (s.v[n] - e));
            EXPECT_EQ(s.d[n], g);
        }
    }
}

struct HhRates {
    double am, bm, ah, bh, an, bn;
    HhRates(double v, double q10)
        : am(q10 * exprelr(-(v + 40) / 10)), bm(q10 * (4 * std::exp((v + 65) / -18))),
          ah(q10 * (0.07 * std::exp((v + 65) / -20))),
          bh(q10 * (1 / (1 + std::exp(-((v + 35) / 10))))),
          an(q10 * (0.1 * exprelr(-(v + 55) / 10))), bn(q10 * (0.125 * std::exp((v + 65) / -80))) {}
};

TEST_F(Kernels, HhInitAdvanceAndCurrents) {
    std::mt19937_64 rng(2);
    for (int width : {1, 5, 16, 33, 1000}) {
        InstanceStore s(get("hh"), identity(width), width);
        s.randomise(rng);
        auto before = s.fields;
        const auto& hh = s.mechanism();

        hh.advance_state(s.data());
        const double q10 = std::pow(3.0, (s.data()->celsius - 6.3) / 10);
        const double dt = s.data()->dt;
        for (int i = 0; i < width; ++i) {
            HhRates r(s.v[s.node_index[i]], q10);
            const double a[3] = {r.am, r.ah, r.an}, b[3] = {r.bm, r.bh, r.bn};
            for (int g = 0; g < 3; ++g) {
                const double x = before[4 + g][i];
                const double expected =
                    x + (1 - std::exp(-(dt * (a[g] + b[g])))) * (a[g] / (a[g] + b[g]) - x);
                expect_close(s.fields[4 + g][i], expected, "gate", i);
            }
        }

        hh.compute_currents(s.data());
        for (int i = 0; i < width; ++i) {
            const int n = s.node_index[i];
            const double v = s.v[n];
            const double gna = s.fields[0][i] * std::pow(s.fields[4][i], 3) * s.fields[5][i];
            const double gk = s.fields[1][i] * std::pow(s.fields[6][i], 4);
            const double il = s.fields[2][i] * (v - s.fields[3][i]);
            expect_close(s.fields[7][i], gna, "gna", i);
            expect_close(s.fields[8][i], gk, "gk", i);
            expect_close(s.ions[0].conductance[n], gna, "dina/dv", i);
            expect_close(s.rhs[n], -il, "rhs", i);
            expect_close(s.d[n], s.fields[2][i], "d", i);
        }

        hh.init(s.data());
        for (int i = 0; i < width; ++i) {
            HhRates r(s.v[s.node_index[i]], 1.0);
            expect_close(s.fields[4][i], r.am / (r.am + r.bm), "minf", i);
            expect_close(s.fields[5][i], r.ah / (r.ah + r.bh), "hinf", i);
            expect_close(s.fields[6][i], r.an / (r.an + r.bn), "ninf", i);
        }
    }
}

TEST_F(Kernels, HhIonCurrentsAddToWhatIsThere) {
    InstanceStore s(get("hh"), identity(4), 4);
    std::mt19937_64 rng(3);
    s.randomise(rng);
    auto initial = s.ions[0].current;
    s.mechanism().compute_currents(s.data());
    for (int i = 0; i < 4; ++i) {
        const int n = s.node_index[i];
        const double ina = s.fields[7][i] * (s.v[n] - s.ions[0].reversal[n]);
        expect_close(s.ions[0].current[n], initial[n] + ina, "ina", i);
    }
}

TEST_F(Kernels, PointProcessesSharingANodeAccumulateAll) {
    // 64 synapses on 3 nodes: the scatter must not lose any contribution.
    std::vector<mech_index_t> nodes;
    for (int i = 0; i < 64; ++i) {
        nodes.push_back(i % 3);
    }
    InstanceStore s(get("ExpSyn"), nodes, 3);
    std::mt19937_64 rng(4);
    s.randomise(rng);
    s.mechanism().compute_currents(s.data());
    std::vector<double> rhs(3, 0.0), d(3, 0.0);
    for (int i = 0; i < 64; ++i) {
        const int n = nodes[i];
        const double g = s.fields[2][i];
        const double current = g * (s.v[n] - s.fields[1][i]);
        EXPECT_EQ(s.fields[3][i], current);
        rhs[n] -= s.scale[i] * current;
        d[n] += s.scale[i] * g;
    }
    for (int n = 0; n < 3; ++n) {
        EXPECT_EQ(s.rhs[n], rhs[n]);
        EXPECT_EQ(s.d[n], d[n]);
    }
}

TEST_F(Kernels, NetReceiveTouchesOneInstance) {
    InstanceStore s(get("ExpSyn"), identity(5), 5);
    s.reset();
    s.mechanism().init(s.data());
    double weight[1] = {0.004};
    s.mechanism().net_receive(s.data(), 3, weight, 0.0);
    s.mechanism().net_receive(s.data(), 3, weight, 0.0);
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(s.fields[2][i], i == 3 ? 0.008 : 0.0);
    }
    s.mechanism().advance_state(s.data());
    expect_close(s.fields[2][3], 0.008 * std::exp(-0.025 / 0.1), "g", 3);
}

TEST_F(Kernels, CalciumPoolWithBranchesLoopsAndIonStores) {
    std::mt19937_64 rng(5);
    const int width = 13;
    InstanceStore s(get("cadecay"), identity(width), width);
    s.randomise(rng);
    const auto cai0 = s.ions[0].internal;
    s.mechanism().advance_state(s.data());
    const double dt = s.data()->dt;
    for (int i = 0; i < width; ++i) {
        const int n = s.node_index[i];
        double drive = -1e4 * s.ions[0].current[n] / (2 * s.globals[0] * s.fields[0][i]);
        if (drive <= 0) {
            drive = 0;
        }
        double cai = cai0[n];
        for (int k = 0; k < 4; ++k) {
            cai += dt / 4 * (drive + (s.fields[2][i] - cai) / s.fields[1][i]);
        }
        expect_close(s.ions[0].internal[n], cai, "cai", i);
        expect_close(s.fields[3][i], drive == 0 ? 0 : drive, "drive", i);
        const double steps =
            std::fmod(4.0, 3.0) + std::fmax(std::log10(cai), std::tanh(std::fabs(cai)));
        expect_close(s.fields[4][i], steps, "steps", i);
    }
    s.mechanism().init(s.data());
    for (int i = 0; i < width; ++i) {
        EXPECT_EQ(s.ions[0].internal[s.node_index[i]], s.fields[2][i]);
    }
}

} // namespace
} // namespace mech::jit
