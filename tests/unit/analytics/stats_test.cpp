#include <gtest/gtest.h>

#include <cmath>

#include "analytics/stats.h"

namespace axis::analytics::stats {
namespace {

TEST(Stats, MeanAndStandardDeviations) {
  const std::vector<double> v = {0.2, 0.4, 0.9};
  EXPECT_NEAR(mean(v), 0.5, 1e-15);
  // deviations -0.3, -0.1, 0.4: squares sum 0.26
  EXPECT_NEAR(sample_std(v), std::sqrt(0.26 / 2), 1e-15);
  EXPECT_NEAR(population_std(v), std::sqrt(0.26 / 3), 1e-15);
}

TEST(Stats, EmptyAndSingleSamplesGiveZeroNotNaN) {
  EXPECT_EQ(mean({}), 0.0);
  EXPECT_EQ(sample_std({0.7}), 0.0);
  EXPECT_EQ(population_std({}), 0.0);
  EXPECT_EQ(quantile_linear({}, 0.5), 0.0);
  EXPECT_EQ(quantile_at_rank({}, 0.25), 0.0);
}

TEST(Stats, LinearQuantileInterpolatesAtPositionNMinusOneTimesQ) {
  const std::vector<double> sorted = {1, 2, 4, 8};
  EXPECT_DOUBLE_EQ(quantile_linear(sorted, 0.5), 3.0);   // position 1.5
  EXPECT_DOUBLE_EQ(quantile_linear(sorted, 0.25), 1.75);  // position 0.75
  EXPECT_DOUBLE_EQ(quantile_linear(sorted, 0.75), 5.0);   // position 2.25
  EXPECT_DOUBLE_EQ(quantile_linear(sorted, 1.0), 8.0);
}

TEST(Stats, RankQuantileIsSortedAtFloorQTimesN) {
  const std::vector<double> four = {1, 2, 4, 8};
  EXPECT_EQ(quantile_at_rank(four, 0.25), 2);  // floor(1) = 1
  EXPECT_EQ(quantile_at_rank(four, 0.75), 8);  // floor(3) = 3
  const std::vector<double> five = {1, 2, 3, 4, 5};
  EXPECT_EQ(quantile_at_rank(five, 0.25), 2);  // floor(1.25) = 1
  EXPECT_EQ(quantile_at_rank(five, 0.75), 4);  // floor(3.75) = 3
  EXPECT_EQ(quantile_at_rank({7}, 0.75), 7);
}

TEST(Stats, ScoreBinsFollowFloorTimesFiveCappedAtFour) {
  EXPECT_EQ(score_bin5(0.0), 0);
  EXPECT_EQ(score_bin5(0.19), 0);
  EXPECT_EQ(score_bin5(0.2), 1);
  EXPECT_EQ(score_bin5(0.5), 2);
  EXPECT_EQ(score_bin5(0.6), 3);
  EXPECT_EQ(score_bin5(0.79), 3);
  EXPECT_EQ(score_bin5(0.8), 4);
  EXPECT_EQ(score_bin5(1.0), 4);
  EXPECT_EQ(score_bin5(3.0), 4);
  EXPECT_EQ(score_bin5(-0.5), 0);
}

TEST(Stats, BinThresholdsAreTheExactLowerEdges) {
  for (int bin = 1; bin <= 4; ++bin) {
    const double t = score_bin_threshold(bin);
    EXPECT_EQ(score_bin5(t), bin);
    EXPECT_EQ(score_bin5(std::nextafter(t, -1.0)), bin - 1);
  }
  EXPECT_EQ(score_bin_threshold(1), 0.2);
}

TEST(Stats, HistogramEdgesAndBinsFollowNumpy) {
  const auto edges = histogram_edges(0.0, 1.0, 4);
  ASSERT_EQ(edges.size(), 5u);
  EXPECT_DOUBLE_EQ(edges[1], 0.25);
  EXPECT_EQ(edges[4], 1.0);
  EXPECT_EQ(histogram_bin(0.0, edges), 0);
  EXPECT_EQ(histogram_bin(0.25, edges), 1);  // an inner edge belongs to the right bin
  EXPECT_EQ(histogram_bin(0.74, edges), 2);
  EXPECT_EQ(histogram_bin(1.0, edges), 3);   // the last bin is closed
  const auto one_value = histogram_edges(0.5, 0.5, 2);
  EXPECT_DOUBLE_EQ(one_value.front(), 0.0);
  EXPECT_DOUBLE_EQ(one_value.back(), 1.0);
  EXPECT_EQ(histogram_bin(0.5, one_value), 1);
}

TEST(Stats, PearsonOnKnownPairs) {
  EXPECT_NEAR(pearson({1, 2, 3}, {2, 4, 6}), 1.0, 1e-15);
  EXPECT_NEAR(pearson({1, 2, 3}, {3, 2, 1}), -1.0, 1e-15);
  // x = 1,2,3,4; y = 1,3,2,4: deviations ±1.5, ±0.5 give sxy = 4, sxx = syy = 5 → 0.8
  EXPECT_NEAR(pearson({1, 2, 3, 4}, {1, 3, 2, 4}), 0.8, 1e-15);
  EXPECT_EQ(pearson({1, 1, 1}, {1, 2, 3}), 0.0);
  EXPECT_EQ(pearson({1}, {1}), 0.0);
}

TEST(Stats, IncompleteBetaMatchesClosedForms) {
  // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1−x)^b.
  EXPECT_NEAR(incomplete_beta(1, 1, 0.3), 0.3, 1e-13);
  EXPECT_NEAR(incomplete_beta(3, 1, 0.6), 0.216, 1e-13);
  EXPECT_NEAR(incomplete_beta(1, 4, 0.2), 1 - std::pow(0.8, 4), 1e-13);
  // I_x(½, ½) = (2/π)·asin(√x)
  EXPECT_NEAR(incomplete_beta(0.5, 0.5, 0.25), 2 / M_PI * std::asin(0.5), 1e-12);
  EXPECT_EQ(incomplete_beta(2, 3, 0.0), 0.0);
  EXPECT_EQ(incomplete_beta(2, 3, 1.0), 1.0);
}

TEST(Stats, TwoSidedPMatchesClosedFormsAndTables) {
  // df = 1 (Cauchy): p = 1 − (2/π)·atan|t|; df = 2: p = 1 − |t|/√(t² + 2).
  EXPECT_NEAR(two_sided_p(1.0, 1), 0.5, 1e-12);
  EXPECT_NEAR(two_sided_p(3.0, 1), 1 - 2 / M_PI * std::atan(3.0), 1e-12);
  EXPECT_NEAR(two_sided_p(2.0, 2), 1 - 2 / std::sqrt(6.0), 1e-12);
  EXPECT_NEAR(two_sided_p(-2.0, 2), 1 - 2 / std::sqrt(6.0), 1e-12);
  // Student t tables: two-sided 5 % critical values.
  EXPECT_NEAR(two_sided_p(2.228138852, 10), 0.05, 1e-8);
  EXPECT_NEAR(two_sided_p(2.042272456, 30), 0.05, 1e-8);
  EXPECT_NEAR(two_sided_p(3.169272673, 10), 0.01, 1e-8);
  // Non-integer df (Welch) lies between its neighbours.
  EXPECT_GT(two_sided_p(2.1, 10.5), two_sided_p(2.1, 11));
  EXPECT_LT(two_sided_p(2.1, 10.5), two_sided_p(2.1, 10));
  // df > 100: normal approximation, 1.959964 → 0.05.
  EXPECT_NEAR(two_sided_p(1.959963985, 150), 0.05, 1e-9);
  EXPECT_EQ(two_sided_p(0.0, 5), 1.0);
  EXPECT_EQ(two_sided_p(1.0, 0), 1.0);
}

TEST(Stats, WelchTestOnHandComputedSamples) {
  // Baseline mean 0.5, s 0.1, n 10; challenger mean 0.6, s 0.2, n 10.
  // vB = 0.001, vC = 0.004, se = √0.005, t = 0.1/√0.005 = √2.
  // df = 0.005² / (0.001²/9 + 0.004²/9) = 0.000025·9 / 0.000017 = 13.235294...
  const WelchResult w = welch_test({0.5, 0.1, 10}, {0.6, 0.2, 10});
  EXPECT_NEAR(w.t, std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(w.df, 0.000225 / 0.000017, 1e-9);
  // Cross-check the p-value against the incomplete beta directly.
  EXPECT_NEAR(w.p, incomplete_beta(w.df / 2, 0.5, w.df / (w.df + 2.0)), 1e-15);
  EXPECT_GT(w.p, 0.1);
  EXPECT_LT(w.p, 0.2);
}

TEST(Stats, WelchTestIsNeutralWithoutEnoughData) {
  const WelchResult few = welch_test({0.5, 0.1, 1}, {0.9, 0.1, 10});
  EXPECT_EQ(few.t, 0.0);
  EXPECT_EQ(few.p, 1.0);
  const WelchResult no_spread = welch_test({0.5, 0.0, 5}, {0.9, 0.0, 5});
  EXPECT_EQ(no_spread.t, 0.0);
  EXPECT_EQ(no_spread.df, 0.0);
  EXPECT_EQ(no_spread.p, 1.0);
}

TEST(Stats, CohensDUsesThePooledStandardDeviation) {
  // pooled = (9·0.04 + 9·0.01) / 18 = 0.025; d = 0.1 / √0.025
  EXPECT_NEAR(cohens_d({0.5, 0.1, 10}, {0.6, 0.2, 10}), 0.1 / std::sqrt(0.025), 1e-12);
  EXPECT_LT(cohens_d({0.6, 0.1, 10}, {0.5, 0.1, 10}), 0.0);
  EXPECT_EQ(cohens_d({0.5, 0.0, 3}, {0.6, 0.0, 3}), 0.0);
  EXPECT_EQ(cohens_d({0.5, 0.1, 1}, {0.6, 0.2, 1}), 0.0);  // nB + nC < 3
}

}  // namespace
}  // namespace axis::analytics::stats
