// Density kernels take a contiguous copy of the instance loop when node_index and the ion
// indices are unbroken runs: results must be bit-identical to the gathering loop, whatever the
// width, the first node, and wherever a run breaks.
#include "hand_mechanisms.hpp"
#include "instance_store.hpp"
#include "jit/compile.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace mech::jit {
namespace {

using testing::InstanceStore;

std::unique_ptr<JitCatalogue> catalogue() {
    diag::SourceManager sources;
    diag::DiagnosticEngine diags(sources);
    auto c = compile({testing::make_pas(), testing::make_hh(), testing::make_cadecay()}, diags);
    EXPECT_FALSE(diags.has_errors());
    return c;
}

// Instance i of `to` gets every value instance i of `from` has (fields, node and ion slots).
void copy_instances(InstanceStore& from, InstanceStore& to) {
    for (std::size_t k = 0; k < from.fields.size(); ++k) {
        std::copy(from.fields[k].begin(), from.fields[k].end(), to.fields[k].begin());
    }
    to.data()->t = from.data()->t;
    to.data()->dt = from.data()->dt;
    to.data()->celsius = from.data()->celsius;
    for (std::size_t i = 0; i < from.node_index.size(); ++i) {
        const auto a = from.node_index[i], b = to.node_index[i];
        to.v[b] = from.v[a];
        to.rhs[b] = from.rhs[a];
        to.d[b] = from.d[a];
        for (std::size_t j = 0; j < from.ions.size(); ++j) {
            const auto& f = from.ions[j];
            auto& t = to.ions[j];
            const auto sa = f.index[i], sb = t.index[i];
            t.current[sb] = f.current[sa];
            t.conductance[sb] = f.conductance[sa];
            t.reversal[sb] = f.reversal[sa];
            t.internal[sb] = f.internal[sa];
            t.external[sb] = f.external[sa];
        }
    }
}

void expect_same_instances(const InstanceStore& a, const InstanceStore& b, const char* when) {
    ASSERT_EQ(a.fields, b.fields) << when;
    for (std::size_t i = 0; i < a.node_index.size(); ++i) {
        const auto na = a.node_index[i], nb = b.node_index[i];
        EXPECT_EQ(a.rhs[na], b.rhs[nb]) << when << " rhs " << i;
        EXPECT_EQ(a.d[na], b.d[nb]) << when << " d " << i;
        for (std::size_t j = 0; j < a.ions.size(); ++j) {
            const auto sa = a.ions[j].index[i], sb = b.ions[j].index[i];
            EXPECT_EQ(a.ions[j].current[sa], b.ions[j].current[sb]) << when << " i_ion " << i;
            EXPECT_EQ(a.ions[j].conductance[sa], b.ions[j].conductance[sb]) << when << " g " << i;
            EXPECT_EQ(a.ions[j].internal[sa], b.ions[j].internal[sb]) << when << " in " << i;
        }
    }
}

std::vector<mech_index_t> run_from(int first, int width) {
    std::vector<mech_index_t> nodes(width);
    std::iota(nodes.begin(), nodes.end(), first);
    return nodes;
}

TEST(Contiguity, ContiguousAndGatheringLoopsAgreeBitForBit) {
    auto jit = catalogue();
    std::mt19937_64 rng(7);
    for (const char* name : {"pas", "hh", "cadecay"}) {
        const auto& m = *jit->find(name);
        for (int width : {1, 7, 8, 9, 64, 1001}) {
            // Reversed order: never a run, so the gathering loop.
            std::vector<mech_index_t> reversed(width);
            for (int i = 0; i < width; ++i) {
                reversed[i] = width - 1 - i;
            }
            auto broken = run_from(3, width); // a run except for its last instance
            broken.back() += 1;
            for (const auto& layout : {run_from(0, width), run_from(3, width), broken}) {
                InstanceStore general(m, reversed, width);
                general.randomise(rng);
                InstanceStore other(m, layout, layout.back() + 1);
                copy_instances(general, other);
                if (m.compute_currents) {
                    m.compute_currents(general.data());
                    m.compute_currents(other.data());
                    expect_same_instances(general, other, name);
                }
                if (m.advance_state) {
                    m.advance_state(general.data());
                    m.advance_state(other.data());
                    expect_same_instances(general, other, name);
                }
            }
        }
    }
}

} // namespace
} // namespace mech::jit
