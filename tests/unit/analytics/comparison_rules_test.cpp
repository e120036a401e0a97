#include <gtest/gtest.h>

#include <cmath>

#include "analytics/comparison_rules.h"

namespace axis::analytics {
namespace {

TEST(ComparisonRules, EffectSizeLabelsByAbsoluteD) {
  EXPECT_EQ(effect_size_label(0.0), "negligible");
  EXPECT_EQ(effect_size_label(-0.19), "negligible");
  EXPECT_EQ(effect_size_label(0.2), "small");
  EXPECT_EQ(effect_size_label(-0.49), "small");
  EXPECT_EQ(effect_size_label(0.5), "medium");
  EXPECT_EQ(effect_size_label(0.79), "medium");
  EXPECT_EQ(effect_size_label(-0.8), "large");
}

TEST(ComparisonRules, StarsByPValue) {
  EXPECT_EQ(significance_stars(0.0009), "***");
  EXPECT_EQ(significance_stars(0.001), "**");
  EXPECT_EQ(significance_stars(0.0099), "**");
  EXPECT_EQ(significance_stars(0.01), "*");
  EXPECT_EQ(significance_stars(0.049), "*");
  EXPECT_EQ(significance_stars(0.05), "");
}

TEST(ComparisonRules, MetricWinnerNeedsSignificanceAndAMeaningfulDifference) {
  EXPECT_EQ(metric_winner(0.2, 0.01), "challenger");
  EXPECT_EQ(metric_winner(-0.2, 0.01), "baseline");
  EXPECT_EQ(metric_winner(0.2, 0.05), "tie");     // not significant
  EXPECT_EQ(metric_winner(0.0009, 0.0), "tie");   // |diff| < 0.001
  EXPECT_EQ(metric_winner(-0.0009, 0.0), "tie");
}

TEST(ComparisonRules, CaseWinnerUsesAOnePercentBand) {
  EXPECT_EQ(case_winner(0.02), "Challenger");
  EXPECT_EQ(case_winner(-0.02), "Baseline");
  EXPECT_EQ(case_winner(0.01), "Tie");
  EXPECT_EQ(case_winner(-0.01), "Tie");
  EXPECT_EQ(case_winner(0.0), "Tie");
}

TEST(ComparisonRules, CompareMetricFillsEveryField) {
  const MetricComparison m = compare_metric("accuracy", {0.5, 0.1, 10}, {0.6, 0.2, 10});
  EXPECT_EQ(m.metric, "accuracy");
  EXPECT_NEAR(m.difference, 0.1, 1e-15);
  EXPECT_NEAR(m.percent_change, 20.0, 1e-12);
  EXPECT_NEAR(m.cohens_d, 0.1 / std::sqrt(0.025), 1e-12);  // 0.632
  EXPECT_EQ(m.effect_size, "medium");
  EXPECT_NEAR(m.t_statistic, std::sqrt(2.0), 1e-12);
  EXPECT_GT(m.p_value, 0.05);
  EXPECT_FALSE(m.significant);
  EXPECT_EQ(m.stars, "");
  EXPECT_EQ(m.winner, "tie");
}

TEST(ComparisonRules, SignificantDifferenceWins) {
  // n = 50 each, means 0.5 vs 0.7, s = 0.1: t = 0.2 / √(0.0004) = 10.
  const MetricComparison m = compare_metric("m", {0.7, 0.1, 50}, {0.5, 0.1, 50});
  EXPECT_NEAR(m.t_statistic, -10.0, 1e-9);
  EXPECT_NEAR(m.df, 98.0, 1e-9);
  EXPECT_LT(m.p_value, 0.001);
  EXPECT_EQ(m.stars, "***");
  EXPECT_TRUE(m.significant);
  EXPECT_EQ(m.winner, "baseline");
  EXPECT_NEAR(m.percent_change, -0.2 / 0.7 * 100, 1e-9);
  EXPECT_EQ(m.effect_size, "large");
}

TEST(ComparisonRules, ZeroBaselineMeanGivesZeroPercentChange) {
  const MetricComparison m = compare_metric("m", {0.0, 0.0, 3}, {0.5, 0.1, 3});
  EXPECT_EQ(m.percent_change, 0.0);
}

TEST(ComparisonRules, SummaryPrefersSignificantWinsThenWins) {
  MetricComparison a, b, c;
  a.difference = 0.1;  a.winner = "challenger"; a.percent_change = 10;
  b.difference = -0.05; b.winner = "tie";       b.percent_change = -5;
  c.difference = -0.05; c.winner = "tie";       c.percent_change = -2;
  const ComparisonSummary s = summarize_comparison({a, b, c});
  EXPECT_EQ(s.challenger_wins, 1);
  EXPECT_EQ(s.baseline_wins, 2);
  EXPECT_EQ(s.ties, 0);
  EXPECT_EQ(s.significant_challenger_wins, 1);
  EXPECT_EQ(s.significant_baseline_wins, 0);
  EXPECT_EQ(s.winner, "challenger");  // one significant win beats two plain ones
  EXPECT_NEAR(s.avg_improvement, 1.0, 1e-12);

  a.winner = "tie";
  EXPECT_EQ(summarize_comparison({a, b, c}).winner, "baseline");  // then more wins
  b.difference = 0.0005;
  c.difference = 0.1;
  EXPECT_EQ(summarize_comparison({a, b, c}).winner, "challenger");
  const ComparisonSummary even = summarize_comparison({a, b});
  EXPECT_EQ(even.ties, 1);
  EXPECT_EQ(even.winner, "challenger");
  EXPECT_EQ(summarize_comparison({}).winner, "tie");
}

}  // namespace
}  // namespace axis::analytics
