// The tree solver against a dense Gaussian elimination on random trees.
#include "hines_solver.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <random>
#include <vector>

namespace {

std::vector<double> dense_solve(std::vector<std::vector<double>> m, std::vector<double> r) {
    const std::size_t n = r.size();
    for (std::size_t c = 0; c < n; ++c) {
        std::size_t pivot = c;
        for (std::size_t i = c + 1; i < n; ++i)
            if (std::fabs(m[i][c]) > std::fabs(m[pivot][c]))
                pivot = i;
        std::swap(m[c], m[pivot]);
        std::swap(r[c], r[pivot]);
        for (std::size_t i = c + 1; i < n; ++i) {
            const double f = m[i][c] / m[c][c];
            for (std::size_t j = c; j < n; ++j)
                m[i][j] -= f * m[c][j];
            r[i] -= f * r[c];
        }
    }
    std::vector<double> x(n);
    for (std::size_t i = n; i-- > 0;) {
        double s = r[i];
        for (std::size_t j = i + 1; j < n; ++j)
            s -= m[i][j] * x[j];
        x[i] = s / m[i][i];
    }
    return x;
}

TEST(HinesSolver, MatchesDenseSolveOnRandomTrees) {
    std::mt19937_64 rng(12345);
    std::uniform_real_distribution<double> coef(0.1, 10.0), value(-5, 5);
    for (int trial = 0; trial < 50; ++trial) {
        const int n = 1 + static_cast<int>(rng() % 60);
        std::vector<int32_t> parent(n);
        std::vector<double> a(n, 0), b(n, 0), d(n), rhs(n);
        for (int i = 0; i < n; ++i) {
            // Mostly one tree, sometimes a new root (several cells in one system).
            parent[i] = (i == 0 || rng() % 10 == 0) ? -1 : static_cast<int32_t>(rng() % i);
            if (parent[i] >= 0) {
                a[i] = -coef(rng);
                b[i] = -coef(rng);
            }
            rhs[i] = value(rng);
        }
        for (int i = 0; i < n; ++i)
            d[i] = coef(rng);
        for (int i = 0; i < n; ++i)
            if (parent[i] >= 0) {
                d[i] -= b[i];
                d[parent[i]] -= a[i];
            }
        std::vector<std::vector<double>> m(n, std::vector<double>(n, 0.0));
        for (int i = 0; i < n; ++i) {
            m[i][i] = d[i];
            if (parent[i] >= 0) {
                m[i][parent[i]] = b[i];
                m[parent[i]][i] = a[i];
            }
        }
        const auto expected = dense_solve(m, rhs);
        mech::detail::solve_tree(parent, a, b, d, rhs);
        for (int i = 0; i < n; ++i)
            EXPECT_NEAR(rhs[i], expected[i], 1e-10 * (1 + std::fabs(expected[i])))
                << "trial " << trial << " node " << i;
    }
}

} // namespace
