// The cable step: lock-step SIMD lanes for chains of equal length, NEURON's loops for the rest.
// Compiled with -ffp-contract=off (CMakeLists.txt): a fused multiply-add would round differently
// from NEURON's separate multiply and subtract.
#include "cable_step.hpp"

#include <algorithm>
#include <map>

namespace mech::detail {
namespace {

// One value per lane (GCC/Clang vector extension). Accessed as if only 8-byte aligned: the
// baseline x86-64 target caps a vector type's alignment at 16 bytes, so the storage
// (LaneStore, 64-byte aligned) and the type are kept apart.
constexpr int L = CableStepPlan::lanes;
using Lane = double __attribute__((vector_size(L * sizeof(double)), aligned(sizeof(double))));
static_assert(sizeof(Lane) == sizeof(CableStepPlan::LaneStore));

Lane* lanes_of(CableStepPlan::LaneStore* p) {
    return reinterpret_cast<Lane*>(p);
}

// One group of chains: gather, set up, eliminate, back-substitute, update v, scatter. Node j
// of lane k is base[k] + j; a and b hold n lanes each, scratch 3n. Cloned per instruction set:
// the vector divisions are the point, and the baseline x86-64 build would have only two lanes
// per instruction.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx512f", "avx2", "default")))
#endif
double
step_chains(int32_t n, int32_t count, const int32_t* base, const Lane* a, const Lane* b,
            const double* cap, double* v, double* rhs, double* d, Lane* scratch) {
    Lane* V = scratch;
    Lane* D = V + n;
    Lane* R = D + n;
    // Gather cell by cell: each lane's nodes are contiguous in the node arrays, so this is plain
    // scalar loads and stores (inserting into vector registers lane by lane costs more). In
    // tiles of `tile` nodes, so that the scratch rows being filled stay in the L1 cache.
    auto* vs = reinterpret_cast<double*>(V);
    auto* ds = reinterpret_cast<double*>(D);
    auto* rs = reinterpret_cast<double*>(R);
    constexpr int32_t tile = 8;
    for (int32_t j0 = 0; j0 < n; j0 += tile) {
        const int32_t j1 = std::min(n, j0 + tile);
        for (int k = 0; k < L; ++k) {
            const int32_t first = base[k];
            for (int32_t j = j0; j < j1; ++j) {
                vs[j * L + k] = v[first + j];
                ds[j * L + k] = d[first + j] + cap[first + j]; // setup_tree_matrix: cap first
                rs[j * L + k] = rhs[first + j];
                if (k < count) { // cleared for the next step's current evaluation
                    d[first + j] = 0;
                    rhs[first + j] = 0;
                }
            }
        }
    }
    // Then, per node, -b[j] and the child's -a on d; -b[j]*dv and the child's a*dv on rhs.
    for (int32_t j = 1; j < n; ++j) {
        const Lane dv = V[j - 1] - V[j];
        R[j] -= b[j] * dv;
        R[j - 1] += a[j] * dv;
        D[j] -= b[j];
        D[j - 1] -= a[j];
    }
    for (int32_t j = n - 1; j >= 1; --j) { // triang
        const Lane f = a[j] / D[j];
        D[j - 1] -= f * b[j];
        R[j - 1] -= f * R[j];
    }
    R[0] /= D[0];
    for (int32_t j = 1; j < n; ++j) { // bksub
        R[j] -= b[j] * R[j - 1];
        R[j] /= D[j];
    }
    for (int32_t j = 0; j < n; ++j)
        R[j] += V[j]; // the new v
    double sum = 0;
    for (int32_t j0 = 0; j0 < n; j0 += tile) {
        const int32_t j1 = std::min(n, j0 + tile);
        for (int k = 0; k < count; ++k) {
            const int32_t first = base[k];
            for (int32_t j = j0; j < j1; ++j) {
                v[first + j] = rs[j * L + k];
                sum += rs[j * L + k];
            }
        }
    }
    return sum;
}

bool is_chain(std::span<const int32_t> parent, int32_t begin, int32_t end) {
    if (parent[begin] >= 0)
        return false;
    for (int32_t i = begin + 1; i < end; ++i)
        if (parent[i] != i - 1)
            return false;
    return true;
}

} // namespace

CableStepPlan::CableStepPlan(std::span<const int32_t> parent, std::span<const double> a,
                             std::span<const double> b,
                             std::span<const std::pair<int32_t, int32_t>> cells)
    : parent_(parent.data()), a_full_(a.data()), b_full_(b.data()) {
    std::map<int32_t, std::vector<int32_t>> chains; // length -> first nodes
    std::vector<std::pair<int32_t, int32_t>> others;
    for (const auto& [begin, end] : cells) {
        if (end <= begin)
            continue;
        if (is_chain(parent, begin, end))
            chains[end - begin].push_back(begin);
        else
            others.emplace_back(begin, end);
    }
    std::size_t scratch = 0;
    for (const auto& [n, firsts] : chains) {
        scratch = std::max(scratch, 3 * static_cast<std::size_t>(n));
        for (std::size_t c = 0; c < firsts.size(); c += static_cast<std::size_t>(lanes)) {
            if (firsts.size() - c < static_cast<std::size_t>(min_group)) { // a short tail
                for (std::size_t k = c; k < firsts.size(); ++k)
                    others.emplace_back(firsts[k], firsts[k] + n);
                break;
            }
            ChainGroup g;
            g.nodes = n;
            g.count = static_cast<int32_t>(
                std::min<std::size_t>(static_cast<std::size_t>(lanes), firsts.size() - c));
            g.coeff = static_cast<int64_t>(a_.size());
            g.base = static_cast<int64_t>(base_.size());
            for (int k = 0; k < lanes; ++k)
                base_.push_back(firsts[c + static_cast<std::size_t>(std::min(k, g.count - 1))]);
            const int32_t* lane_base = base_.data() + g.base;
            for (int32_t j = 0; j < n; ++j) {
                LaneStore aj, bj;
                for (int k = 0; k < lanes; ++k) {
                    aj.x[k] = a[static_cast<std::size_t>(lane_base[k] + j)];
                    bj.x[k] = b[static_cast<std::size_t>(lane_base[k] + j)];
                }
                a_.push_back(aj);
                b_.push_back(bj);
            }
            groups_.push_back(g);
        }
    }
    scratch_.assign(scratch, LaneStore{});
    std::sort(others.begin(), others.end());
    others_ = TreeSolvePlan(parent, others);
    for (const auto& r : others) {
        if (!other_ranges_.empty() && other_ranges_.back().second == r.first)
            other_ranges_.back().second = r.second;
        else
            other_ranges_.push_back(r);
    }
}

double CableStepPlan::step(const double* cap, double* v, double* rhs, double* d) {
    double sum = 0;
    for (const ChainGroup& g : groups_)
        sum +=
            step_chains(g.nodes, g.count, base_.data() + g.base, lanes_of(a_.data() + g.coeff),
                        lanes_of(b_.data() + g.coeff), cap, v, rhs, d, lanes_of(scratch_.data()));
    if (other_ranges_.empty())
        return sum;
    // setup_tree_matrix: capacitance, axial rhs and axial diagonal in one pass. Per node the
    // additions come in the order of NEURON's separate loops: d[i] gets cap[i], then -b[i],
    // then -a[c] of each child c > i; rhs[i] gets -b[i]*dv, then a[c]*dv of each child.
    // Distinct arrays (restrict lets the compiler keep d[i] and rhs[i] in registers).
    const int32_t* __restrict parent = parent_;
    const double* __restrict a = a_full_;
    const double* __restrict b = b_full_;
    const double* __restrict vv = v;
    double* __restrict r = rhs;
    double* __restrict dd = d;
    for (const auto& [nb, ne] : other_ranges_)
        for (int32_t i = nb; i < ne; ++i) {
            dd[i] += cap[i];
            const int32_t p = parent[i];
            if (p < 0)
                continue;
            const double dv = vv[p] - vv[i];
            r[i] -= b[i] * dv;
            r[p] += a[i] * dv;
            dd[i] -= b[i];
            dd[p] -= a[i];
        }
    others_.solve(a_full_, b_full_, d, rhs);
    // The voltage update also clears rhs and d for the next step's current evaluation.
    for (const auto& [nb, ne] : other_ranges_)
        for (int32_t i = nb; i < ne; ++i) {
            v[i] += rhs[i];
            sum += v[i];
            rhs[i] = 0;
            d[i] = 0;
        }
    return sum;
}

} // namespace mech::detail
