// The cable step: lock-step SIMD lanes for chains of equal length, NEURON's loops for the rest.
// Compiled with -ffp-contract=off (CMakeLists.txt): a fused multiply-add would round differently
// from NEURON's separate multiply and subtract.
#include "cable_step.hpp"

#include <algorithm>
#include <cstdint>
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

// Eight values (one AVX-512 register) and the index vectors of __builtin_shuffle.
using Eight = double __attribute__((vector_size(8 * sizeof(double)), aligned(sizeof(double))));
using Sixteen = double __attribute__((vector_size(16 * sizeof(double)), aligned(sizeof(double))));
using EightIndex = int64_t __attribute__((vector_size(8 * sizeof(int64_t))));

Eight load8(const double* p) {
    return *reinterpret_cast<const Eight*>(p);
}
void store8(double* p, Eight x) {
    *reinterpret_cast<Eight*>(p) = x;
}

// Packed one-compartment cells (three nodes each, the cells one after another): eight cells are
// 24 consecutive values, three registers x0 x1 x2 with (cell i, node j) at 3i + j. Row j (node j
// of the eight cells) takes two two-register shuffles: the elements in x0|x1 first, then those
// in x2; and back the same way.
// For row j, lane i: s = 3i + j; first[j][i] = s < 16 ? s : 0, second[j][i] = s < 16 ? i
// : 8 + s - 16. For x_q, element e: s = 8q + e, row j = s % 3, lane i = s / 3; back_first[q][e] =
// j < 2 ? 8j + i : 0, back_second[q][e] = j < 2 ? e : 8 + i (tests/runtime/test_cable_step.cpp
// checks the result bit for bit).
struct Transpose3 {
    EightIndex first[3], second[3];           // row j from x0|x1, then with x2
    EightIndex back_first[3], back_second[3]; // x_q from rows 0|1, then with row 2
};
constexpr Transpose3 transpose3{
    {{0, 3, 6, 9, 12, 15, 0, 0}, {1, 4, 7, 10, 13, 0, 0, 0}, {2, 5, 8, 11, 14, 0, 0, 0}},
    {{0, 1, 2, 3, 4, 5, 10, 13}, {0, 1, 2, 3, 4, 8, 11, 14}, {0, 1, 2, 3, 4, 9, 12, 15}},
    {{0, 8, 0, 1, 9, 0, 2, 10}, {0, 3, 11, 0, 4, 12, 0, 5}, {13, 0, 6, 14, 0, 7, 15, 0}},
    {{0, 1, 8, 3, 4, 9, 6, 7}, {10, 1, 2, 11, 4, 5, 12, 7}, {0, 13, 2, 3, 14, 5, 6, 15}},
};

Eight row_of(Eight x0, Eight x1, Eight x2, int j) {
    return __builtin_shuffle(__builtin_shuffle(x0, x1, transpose3.first[j]), x2,
                             transpose3.second[j]);
}
Eight packed_of(Eight r0, Eight r1, Eight r2, int q) {
    return __builtin_shuffle(__builtin_shuffle(r0, r1, transpose3.back_first[q]), r2,
                             transpose3.back_second[q]);
}

constexpr int32_t tile = 8;

Lane load_lane(const double* p) {
    return *reinterpret_cast<const Lane*>(p);
}
void store_lane(double* p, Lane x) {
    *reinterpret_cast<Lane*>(p) = x;
}

// The general gather: cell by cell (node j of lane k at base[k] + j*stride), plain scalar loads
// and stores (inserting into vector registers lane by lane costs more); in tiles of `tile`
// nodes, so that the scratch rows being filled stay in the L1 cache. d gets cap first
// (setup_tree_matrix's order); d and rhs are cleared for the next step.
[[gnu::always_inline]] inline void gather_rows(int32_t n, int32_t count, const int32_t* base,
                                               int32_t stride, const double* cap,
                                               const double* v, double* rhs, double* d,
                                               double* vs, double* ds, double* rs) {
    const int width = count <= 8 ? 8 : count <= 16 ? 16 : L; // eliminate's lanes
    for (int32_t j0 = 0; j0 < n; j0 += tile) {
        const int32_t j1 = std::min(n, j0 + tile);
        for (int k = 0; k < width; ++k) {
            const int32_t first = base[k];
            for (int32_t j = j0; j < j1; ++j) {
                const int32_t i = first + j * stride;
                vs[j * L + k] = v[i];
                ds[j * L + k] = d[i] + cap[i];
                rs[j * L + k] = rhs[i];
                if (k < count) {
                    d[i] = 0;
                    rhs[i] = 0;
                }
            }
        }
    }
}

// The interleaved gather: node j of the group's cells is the run first + j*stride + [0, L).
[[gnu::always_inline]] inline void copy_rows(int32_t n, int32_t first, int32_t stride,
                                             const double* cap, const double* v, double* rhs,
                                             double* d, Lane* V, Lane* D, Lane* R) {
    const Lane zero{};
    for (int32_t j = 0; j < n; ++j) {
        const int32_t i = first + j * stride;
        V[j] = load_lane(v + i);
        D[j] = load_lane(d + i) + load_lane(cap + i);
        R[j] = load_lane(rhs + i);
        store_lane(d + i, zero);
        store_lane(rhs + i, zero);
    }
}

// One step of eight three-node chains in registers, rows in and new v rows out: the general
// path's operations per node (and NEURON's), in the same order. D and R arrive with the
// membrane terms and cap added; A, B are the coefficients of nodes 1 and 2.
struct Rows3 {
    Eight x0, x1, x2;
};
[[gnu::always_inline]] inline Rows3 step_rows3(Rows3 V, Rows3 D, Rows3 R, Eight A1, Eight A2,
                                               Eight B1, Eight B2) {
    // Axial terms of node 1, then node 2.
    Eight dv = V.x0 - V.x1;
    R.x1 -= B1 * dv;
    R.x0 += A1 * dv;
    D.x1 -= B1;
    D.x0 -= A1;
    dv = V.x1 - V.x2;
    R.x2 -= B2 * dv;
    R.x1 += A2 * dv;
    D.x2 -= B2;
    D.x1 -= A2;
    // triang
    Eight f = A2 / D.x2;
    D.x1 -= f * B2;
    R.x1 -= f * R.x2;
    f = A1 / D.x1;
    D.x0 -= f * B1;
    R.x0 -= f * R.x1;
    // bksub
    R.x0 /= D.x0;
    R.x1 -= B1 * R.x0;
    R.x1 /= D.x1;
    R.x2 -= B2 * R.x1;
    R.x2 /= D.x2;
    return {R.x0 + V.x0, R.x1 + V.x1, R.x2 + V.x2};
}

// A whole packed3 group, eight cells at a time: load 24 values per array, shuffle them into
// node rows, step, shuffle the new v back.
[[gnu::always_inline]] inline double step_packed3(int32_t first, const double* a, const double* b,
                                                  const double* cap, double* v, double* rhs,
                                                  double* d) {
    const Eight zero{};
    Eight total{};
    for (int block = 0; block < L / 8; ++block) {
        const int32_t p = first + 24 * block;
        const Eight x0 = load8(v + p), x1 = load8(v + p + 8), x2 = load8(v + p + 16);
        const Rows3 V{row_of(x0, x1, x2, 0), row_of(x0, x1, x2, 1), row_of(x0, x1, x2, 2)};
        // setup_tree_matrix: d gets cap first.
        const Eight y0 = load8(d + p) + load8(cap + p), y1 = load8(d + p + 8) + load8(cap + p + 8),
                    y2 = load8(d + p + 16) + load8(cap + p + 16);
        const Rows3 D{row_of(y0, y1, y2, 0), row_of(y0, y1, y2, 1), row_of(y0, y1, y2, 2)};
        const Eight z0 = load8(rhs + p), z1 = load8(rhs + p + 8), z2 = load8(rhs + p + 16);
        const Rows3 R{row_of(z0, z1, z2, 0), row_of(z0, z1, z2, 1), row_of(z0, z1, z2, 2)};
        for (int q = 0; q < 3; ++q) {
            store8(d + p + 8 * q, zero);
            store8(rhs + p + 8 * q, zero);
        }
        const Rows3 n = step_rows3(V, D, R, load8(a + L + 8 * block), load8(a + 2 * L + 8 * block),
                                   load8(b + L + 8 * block), load8(b + 2 * L + 8 * block));
        total += n.x0 + n.x1 + n.x2;
        for (int q = 0; q < 3; ++q)
            store8(v + p + 8 * q, packed_of(n.x0, n.x1, n.x2, q));
    }
    double sum = 0;
    for (int k = 0; k < 8; ++k)
        sum += total[k];
    return sum;
}

// A group of interleaved three-node chains (node j of lane k at first + j*stride + k), eight
// lanes at a time: the rows are plain loads.
[[gnu::always_inline]] inline double step_adjacent3(int32_t first, int32_t stride,
                                                    const double* a, const double* b,
                                                    const double* cap, double* v, double* rhs,
                                                    double* d) {
    const Eight zero{};
    Eight total{};
    for (int block = 0; block < L / 8; ++block) {
        const int32_t i0 = first + 8 * block, i1 = i0 + stride, i2 = i1 + stride;
        const Rows3 V{load8(v + i0), load8(v + i1), load8(v + i2)};
        const Rows3 D{load8(d + i0) + load8(cap + i0), load8(d + i1) + load8(cap + i1),
                      load8(d + i2) + load8(cap + i2)};
        const Rows3 R{load8(rhs + i0), load8(rhs + i1), load8(rhs + i2)};
        for (const int32_t i : {i0, i1, i2}) {
            store8(d + i, zero);
            store8(rhs + i, zero);
        }
        const Rows3 n = step_rows3(V, D, R, load8(a + L + 8 * block), load8(a + 2 * L + 8 * block),
                                   load8(b + L + 8 * block), load8(b + 2 * L + 8 * block));
        total += n.x0 + n.x1 + n.x2;
        store8(v + i0, n.x0);
        store8(v + i1, n.x1);
        store8(v + i2, n.x2);
    }
    double sum = 0;
    for (int k = 0; k < 8; ++k)
        sum += total[k];
    return sum;
}

// The set-up of the axial terms, the elimination and the new v, on rows of Row's lanes (row j of
// V, D, R, a, b at j*L): per node NEURON's operations in NEURON's order. R ends as the new v.
// (Row is a vector type named at namespace scope: GCC drops vector_size from a type that
// depends on a template parameter.)
template <typename Row>
[[gnu::always_inline]] inline void eliminate(int32_t n, double* vs, double* ds, double* rs,
                                             const double* as, const double* bs) {
    auto row = [](double* p, int32_t j) -> Row& { return *reinterpret_cast<Row*>(p + j * L); };
    auto coef = [](const double* p, int32_t j) -> const Row& {
        return *reinterpret_cast<const Row*>(p + j * L);
    };
    // Per node, -b[j] and the child's -a on d; -b[j]*dv and the child's a*dv on rhs.
    for (int32_t j = 1; j < n; ++j) {
        const Row dv = row(vs, j - 1) - row(vs, j);
        row(rs, j) -= coef(bs, j) * dv;
        row(rs, j - 1) += coef(as, j) * dv;
        row(ds, j) -= coef(bs, j);
        row(ds, j - 1) -= coef(as, j);
    }
    for (int32_t j = n - 1; j >= 1; --j) { // triang
        const Row f = coef(as, j) / row(ds, j);
        row(ds, j - 1) -= f * coef(bs, j);
        row(rs, j - 1) -= f * row(rs, j);
    }
    row(rs, 0) /= row(ds, 0);
    for (int32_t j = 1; j < n; ++j) { // bksub
        row(rs, j) -= coef(bs, j) * row(rs, j - 1);
        row(rs, j) /= row(ds, j);
    }
    for (int32_t j = 0; j < n; ++j)
        row(rs, j) += row(vs, j);
}

// One group of chains: gather, set up, eliminate, back-substitute, update v, scatter. Node j
// of lane k is base[k] + j*stride; a and b hold n lanes each, scratch 3n. Cloned per
// instruction set: the vector divisions are the point, and the baseline x86-64 build would have
// only two lanes per instruction.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx512f", "avx2", "default")))
#endif
double
step_chains(int32_t n, int32_t count, bool packed3, bool adjacent, int32_t stride,
            const int32_t* base, const Lane* a, const Lane* b, const double* cap, double* v,
            double* rhs, double* d, Lane* scratch) {
    Lane* V = scratch;
    Lane* D = V + n;
    Lane* R = D + n;
    auto* vs = reinterpret_cast<double*>(V);
    auto* ds = reinterpret_cast<double*>(D);
    auto* rs = reinterpret_cast<double*>(R);
    if (packed3)
        return step_packed3(base[0], reinterpret_cast<const double*>(a),
                            reinterpret_cast<const double*>(b), cap, v, rhs, d);
    if (adjacent && n == 3)
        return step_adjacent3(base[0], stride, reinterpret_cast<const double*>(a),
                              reinterpret_cast<const double*>(b), cap, v, rhs, d);
    if (adjacent)
        copy_rows(n, base[0], stride, cap, v, rhs, d, V, D, R);
    else
        gather_rows(n, count, base, stride, cap, v, rhs, d, vs, ds, rs);
    // A partial group computes only the vectors its cells occupy.
    if (count <= 8)
        eliminate<Eight>(n, vs, ds, rs, reinterpret_cast<const double*>(a),
                     reinterpret_cast<const double*>(b));
    else if (count <= 16)
        eliminate<Sixteen>(n, vs, ds, rs, reinterpret_cast<const double*>(a),
                      reinterpret_cast<const double*>(b));
    else
        eliminate<Lane>(n, vs, ds, rs, reinterpret_cast<const double*>(a),
                     reinterpret_cast<const double*>(b));
    double sum = 0;
    if (adjacent) {
        Lane total{};
        for (int32_t j = 0; j < n; ++j) {
            store_lane(v + base[0] + j * stride, R[j]);
            total += R[j];
        }
        for (int k = 0; k < L; ++k)
            sum += total[k];
        return sum;
    }
    for (int32_t j0 = 0; j0 < n; j0 += tile) {
        const int32_t j1 = std::min(n, j0 + tile);
        for (int k = 0; k < count; ++k) {
            const int32_t first = base[k];
            for (int32_t j = j0; j < j1; ++j) {
                v[first + j * stride] = rs[j * L + k];
                sum += rs[j * L + k];
            }
        }
    }
    return sum;
}

// Whether every cell of the block is a chain: node j's parent is node j-1 of the same cell.
bool is_chain_block(std::span<const int32_t> parent, const CellBlock& block) {
    const int32_t k = block.cells;
    for (int32_t i = block.begin; i < block.end; ++i)
        if (parent[i] != (i - block.begin < k ? -1 : i - k))
            return false;
    return true;
}

} // namespace

CableStepPlan::CableStepPlan(std::span<const int32_t> parent, std::span<const double> a,
                             std::span<const double> b, std::span<const CellBlock> blocks)
    : parent_(parent.data()), a_full_(a.data()), b_full_(b.data()) {
    // (length, stride) -> first node of each chain, in node order.
    std::map<std::pair<int32_t, int32_t>, std::vector<int32_t>> chains;
    std::vector<std::pair<int32_t, int32_t>> others;
    for (const CellBlock& block : blocks) {
        if (block.end <= block.begin)
            continue;
        if (is_chain_block(parent, block)) {
            const int32_t n = (block.end - block.begin) / block.cells;
            auto& firsts = chains[{n, block.cells}];
            for (int32_t c = 0; c < block.cells; ++c)
                firsts.push_back(block.begin + c);
        } else {
            others.emplace_back(block.begin, block.end);
        }
    }
    std::size_t scratch = 0;
    for (const auto& [shape, firsts] : chains) {
        const auto [n, stride] = shape;
        scratch = std::max(scratch, 3 * static_cast<std::size_t>(n));
        for (std::size_t c = 0; c < firsts.size(); c += static_cast<std::size_t>(lanes)) {
            // A short tail of separate cells takes the general path; the cells of an
            // interleaved block are not node ranges of their own, so they stay in lanes.
            if (stride == 1 && firsts.size() - c < static_cast<std::size_t>(min_group)) {
                for (std::size_t k = c; k < firsts.size(); ++k)
                    others.emplace_back(firsts[k], firsts[k] + n);
                break;
            }
            ChainGroup g;
            g.nodes = n;
            g.stride = stride;
            g.count = static_cast<int32_t>(
                std::min<std::size_t>(static_cast<std::size_t>(lanes), firsts.size() - c));
            g.coeff = static_cast<int64_t>(a_.size());
            g.base = static_cast<int64_t>(base_.size());
            for (int k = 0; k < lanes; ++k)
                base_.push_back(firsts[c + static_cast<std::size_t>(std::min(k, g.count - 1))]);
            const int32_t* lane_base = base_.data() + g.base;
            g.packed3 = n == 3 && stride == 1 && g.count == lanes;
            g.adjacent = stride > 1 && g.count == lanes;
            for (int k = 0; k < lanes; ++k) {
                g.packed3 = g.packed3 && lane_base[k] == lane_base[0] + 3 * k;
                g.adjacent = g.adjacent && lane_base[k] == lane_base[0] + k;
            }
            for (int32_t j = 0; j < n; ++j) {
                LaneStore aj, bj;
                for (int k = 0; k < lanes; ++k) {
                    aj.x[k] = a[static_cast<std::size_t>(lane_base[k] + j * stride)];
                    bj.x[k] = b[static_cast<std::size_t>(lane_base[k] + j * stride)];
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
        sum += step_chains(g.nodes, g.count, g.packed3, g.adjacent, g.stride, base_.data() + g.base,
                           lanes_of(a_.data() + g.coeff), lanes_of(b_.data() + g.coeff), cap, v,
                           rhs, d, lanes_of(scratch_.data()));
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
