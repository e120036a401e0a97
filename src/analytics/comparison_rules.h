// The decision rules of the model comparison (spec/data.md §2.3): per-metric statistics from
// the two sides' mean, std and n; effect-size labels, significance stars, winners, and the
// summary over all metrics. Pure functions, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "analytics/stats.h"

namespace axis::analytics {

struct MetricComparison {
  std::string metric;
  stats::SampleStats baseline;
  stats::SampleStats challenger;
  double difference = 0;      // challenger mean − baseline mean
  double percent_change = 0;  // difference / baseline mean · 100; 0 when the baseline mean is 0
  double cohens_d = 0;
  std::string effect_size;    // negligible | small | medium | large
  double t_statistic = 0;
  double df = 0;
  double p_value = 1;
  std::string stars;          // "***" p<0.001, "**" p<0.01, "*" p<0.05, else ""
  bool significant = false;   // p < 0.05
  std::string winner;         // baseline | challenger | tie
};

struct ComparisonSummary {
  std::string winner = "tie";  // baseline | challenger | tie
  int baseline_wins = 0;       // metrics whose baseline mean is higher by at least 0.001
  int challenger_wins = 0;     // metrics whose challenger mean is higher by at least 0.001
  int ties = 0;                // metrics whose means differ by less than 0.001
  int significant_baseline_wins = 0;    // metrics whose winner is the baseline
  int significant_challenger_wins = 0;  // metrics whose winner is the challenger
  double avg_improvement = 0;  // mean percent_change over the metrics
};

// |d| < 0.2 negligible, < 0.5 small, < 0.8 medium, else large.
std::string effect_size_label(double cohens_d);
std::string significance_stars(double p_value);
// tie when not significant (p ≥ 0.05) or |difference| < 0.001, else the side with the higher
// mean.
std::string metric_winner(double difference, double p_value);
// A case's winner from challenger − baseline overall score: > 0.01 Challenger, < −0.01
// Baseline, else Tie (capitalised, as the case table shows it).
std::string case_winner(double difference);

MetricComparison compare_metric(const std::string& metric, const stats::SampleStats& baseline,
                                const stats::SampleStats& challenger);

// Overall winner: more significant wins; if equal, more wins; else tie.
ComparisonSummary summarize_comparison(const std::vector<MetricComparison>& metrics);

}  // namespace axis::analytics
