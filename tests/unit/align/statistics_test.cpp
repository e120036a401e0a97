#include "align/statistics.h"

#include <gtest/gtest.h>

#include <cmath>

namespace axis::align {
namespace {

// Pairs (human, judge) with the given confusion counts, in the order TP, TN, FP, FN.
void build_pairs(int tp, int tn, int fp, int fn, std::vector<int>& human, std::vector<int>& judge) {
  for (int i = 0; i < tp; ++i) { human.push_back(1); judge.push_back(1); }
  for (int i = 0; i < tn; ++i) { human.push_back(0); judge.push_back(0); }
  for (int i = 0; i < fp; ++i) { human.push_back(0); judge.push_back(1); }
  for (int i = 0; i < fn; ++i) { human.push_back(1); judge.push_back(0); }
}

TEST(AlignStatisticsTest, MixedMatrix) {
  // TP=3 TN=4 FP=1 FN=2, n=10. accuracy 7/10; precision 3/4; recall 3/5; specificity 4/5;
  // F1 = 2·0.75·0.6 / 1.35 = 2/3. Marginals: human 1s 5/10, judge 1s 4/10;
  // p_e = 0.5·0.4 + 0.5·0.6 = 0.5, p_o = 0.7, κ = (0.7 − 0.5) / 0.5 = 0.4.
  const auto m = point_metrics({3, 4, 1, 2});
  EXPECT_DOUBLE_EQ(m.accuracy, 0.7);
  EXPECT_DOUBLE_EQ(m.precision, 0.75);
  EXPECT_DOUBLE_EQ(m.recall, 0.6);
  EXPECT_DOUBLE_EQ(m.specificity, 0.8);
  EXPECT_NEAR(m.f1_score, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(m.cohens_kappa, 0.4, 1e-12);
  EXPECT_EQ(m.agreement_count(), 7);
  EXPECT_EQ(m.counts.total(), 10);
  std::vector<int> human, judge;
  build_pairs(3, 4, 1, 2, human, judge);
  const auto from_pairs = alignment_metrics(human, judge);
  EXPECT_NEAR(from_pairs.cohens_kappa, 0.4, 1e-12);
  EXPECT_EQ(from_pairs.counts.fn, 2);
}

TEST(AlignStatisticsTest, AllPositiveAgreementIsPerfectKappa) {
  // TP=4 only: p_o = 1 and p_e = 1·1 + 0·0 = 1 → κ = 1. Precision 4/4, recall 4/4, F1 1;
  // specificity has no negatives (TN+FP = 0) → 0.
  const auto m = point_metrics({4, 0, 0, 0});
  EXPECT_DOUBLE_EQ(m.cohens_kappa, 1.0);
  EXPECT_DOUBLE_EQ(m.f1_score, 1.0);
  EXPECT_DOUBLE_EQ(m.precision, 1.0);
  EXPECT_DOUBLE_EQ(m.recall, 1.0);
  EXPECT_DOUBLE_EQ(m.specificity, 0.0);
  EXPECT_DOUBLE_EQ(m.accuracy, 1.0);
}

TEST(AlignStatisticsTest, AllNegativeAgreementIsPerfectKappaWithZeroF1) {
  // TN=5 only: p_e = 0·0 + 1·1 = 1 and p_o = 1 → κ = 1. No positives: precision 0/0 → 0,
  // recall 0/0 → 0, F1 → 0; specificity 5/5 = 1.
  const auto m = point_metrics({0, 5, 0, 0});
  EXPECT_DOUBLE_EQ(m.cohens_kappa, 1.0);
  EXPECT_DOUBLE_EQ(m.f1_score, 0.0);
  EXPECT_DOUBLE_EQ(m.precision, 0.0);
  EXPECT_DOUBLE_EQ(m.recall, 0.0);
  EXPECT_DOUBLE_EQ(m.specificity, 1.0);
  EXPECT_DOUBLE_EQ(m.accuracy, 1.0);
}

TEST(AlignStatisticsTest, ExpectedAgreementOfOneNeedsObservedOne) {
  // p_e = 1 only when both raters give one class to everything, and then p_o = 1 too: the
  // "p_e = 1, p_o < 1 → 0" rule is unreachable with 0/1 labels. The nearest cases:
  // human all 1, judge 3×1 + 1×0 (TP=3 FN=1): p_e = 1·0.75 + 0·0.25 = 0.75 = p_o → κ = 0.
  EXPECT_DOUBLE_EQ(cohens_kappa({3, 0, 0, 1}), 0.0);
  // human all 1, judge all 0 (FN=4): p_e = 1·0 + 0·1 = 0, p_o = 0 → κ = 0; F1 0.
  EXPECT_DOUBLE_EQ(cohens_kappa({0, 0, 0, 4}), 0.0);
  EXPECT_DOUBLE_EQ(f1_score({0, 0, 0, 4}), 0.0);
  // Complete disagreement FP=2 FN=2: p_e = 0.5·0.5 + 0.5·0.5 = 0.5, p_o = 0 → κ = −1.
  EXPECT_DOUBLE_EQ(cohens_kappa({0, 0, 2, 2}), -1.0);
}

TEST(AlignStatisticsTest, NoSamplesGivesZerosAndNoIntervals) {
  const auto m = alignment_metrics(std::vector<int>{}, std::vector<int>{});
  EXPECT_EQ(m.counts.total(), 0);
  EXPECT_DOUBLE_EQ(m.cohens_kappa, 0.0);
  EXPECT_DOUBLE_EQ(m.f1_score, 0.0);
  EXPECT_DOUBLE_EQ(m.accuracy, 0.0);
  EXPECT_DOUBLE_EQ(m.specificity, 0.0);
  EXPECT_FALSE(m.intervals.has_value());
}

TEST(AlignStatisticsTest, CountsPairsFromLabels) {
  const auto c = count_pairs({1, 1, 0, 0, 1}, {1, 0, 1, 0, 1});
  EXPECT_EQ(c.tp, 2);
  EXPECT_EQ(c.fn, 1);
  EXPECT_EQ(c.fp, 1);
  EXPECT_EQ(c.tn, 1);
}

TEST(AlignStatisticsTest, SplitMixMatchesThePublishedSequence) {
  // The reference splitmix64 with seed 1234567 starts 6457827717110365317, 3203168211198807973,
  // 9817491932198370423.
  SplitMix64 rng(1234567);
  EXPECT_EQ(rng.next(), 6457827717110365317ULL);
  EXPECT_EQ(rng.next(), 3203168211198807973ULL);
  EXPECT_EQ(rng.next(), 9817491932198370423ULL);
}

TEST(AlignStatisticsTest, BootstrapIsPinnedAndReproducible) {
  // TP=7 TN=8 FP=2 FN=3 (n=20): κ = 0.5 (p_o = 0.75, p_e = (10·9 + 10·11)/400 = 0.5),
  // F1 = 14/19. The intervals below were computed by an independent Python implementation of
  // the same procedure (splitmix64 seed 0x41584953, index = next() mod 20, 2,000 resamples,
  // nearest ranks 50 and 1950).
  // The Python script drew from the pairs in this order.
  const std::vector<int> human = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0};
  const std::vector<int> judge = {1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0};
  const auto m = alignment_metrics(human, judge);
  EXPECT_DOUBLE_EQ(m.cohens_kappa, 0.5);
  EXPECT_NEAR(m.f1_score, 14.0 / 19.0, 1e-12);
  ASSERT_TRUE(m.intervals.has_value());
  const auto& ci = *m.intervals;
  EXPECT_NEAR(ci.cohens_kappa.low, 0.07407407407407407, 1e-12);
  EXPECT_NEAR(ci.cohens_kappa.high, 0.8, 1e-12);
  EXPECT_NEAR(ci.f1_score.low, 0.46153846153846151, 1e-12);
  EXPECT_NEAR(ci.f1_score.high, 0.91666666666666663, 1e-12);
  EXPECT_EQ(ci.resamples, 2000);
  EXPECT_EQ(ci.seed, kBootstrapSeed);
  EXPECT_DOUBLE_EQ(ci.level, 0.95);
  // Same numbers a second time, and the point estimates lie inside.
  const auto again = bootstrap_intervals(human, judge);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->cohens_kappa.low, ci.cohens_kappa.low);
  EXPECT_EQ(again->cohens_kappa.high, ci.cohens_kappa.high);
  EXPECT_EQ(again->f1_score.low, ci.f1_score.low);
  EXPECT_EQ(again->f1_score.high, ci.f1_score.high);
  EXPECT_LE(ci.cohens_kappa.low, m.cohens_kappa);
  EXPECT_GE(ci.cohens_kappa.high, m.cohens_kappa);
  EXPECT_LE(ci.f1_score.low, m.f1_score);
  EXPECT_GE(ci.f1_score.high, m.f1_score);
  // Another seed draws other samples.
  const auto other = bootstrap_intervals(human, judge, 2000, 7);
  EXPECT_TRUE(other->cohens_kappa.low != ci.cohens_kappa.low || other->f1_score.low != ci.f1_score.low);
}

TEST(AlignStatisticsTest, RoundsToFourPlacesAndZeroesNonFinite) {
  EXPECT_DOUBLE_EQ(round4(2.0 / 3.0), 0.6667);
  EXPECT_DOUBLE_EQ(round4(-1.23456), -1.2346);
  EXPECT_DOUBLE_EQ(round4(std::nan("")), 0.0);
  EXPECT_DOUBLE_EQ(round4(1.0 / 0.0), 0.0);
}

}  // namespace
}  // namespace axis::align
