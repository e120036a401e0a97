#include "analytics/comparison_rules.h"

#include <cmath>

namespace axis::analytics {
namespace {

constexpr double kMeaningfulDifference = 0.001;
constexpr double kCaseDifference = 0.01;
constexpr double kSignificance = 0.05;

}  // namespace

std::string effect_size_label(double cohens_d) {
  const double d = std::fabs(cohens_d);
  if (d < 0.2) return "negligible";
  if (d < 0.5) return "small";
  if (d < 0.8) return "medium";
  return "large";
}

std::string significance_stars(double p_value) {
  if (p_value < 0.001) return "***";
  if (p_value < 0.01) return "**";
  if (p_value < kSignificance) return "*";
  return "";
}

std::string metric_winner(double difference, double p_value) {
  if (!(p_value < kSignificance) || std::fabs(difference) < kMeaningfulDifference) return "tie";
  return difference > 0 ? "challenger" : "baseline";
}

std::string case_winner(double difference) {
  if (difference > kCaseDifference) return "Challenger";
  if (difference < -kCaseDifference) return "Baseline";
  return "Tie";
}

MetricComparison compare_metric(const std::string& metric, const stats::SampleStats& baseline,
                                const stats::SampleStats& challenger) {
  MetricComparison m;
  m.metric = metric;
  m.baseline = baseline;
  m.challenger = challenger;
  m.difference = challenger.mean - baseline.mean;
  m.percent_change = baseline.mean != 0 ? m.difference / baseline.mean * 100.0 : 0.0;
  if (!std::isfinite(m.percent_change)) m.percent_change = 0.0;
  m.cohens_d = stats::cohens_d(baseline, challenger);
  m.effect_size = effect_size_label(m.cohens_d);
  const stats::WelchResult welch = stats::welch_test(baseline, challenger);
  m.t_statistic = welch.t;
  m.df = welch.df;
  m.p_value = welch.p;
  m.stars = significance_stars(welch.p);
  m.significant = welch.p < kSignificance;
  m.winner = metric_winner(m.difference, welch.p);
  return m;
}

ComparisonSummary summarize_comparison(const std::vector<MetricComparison>& metrics) {
  ComparisonSummary s;
  double improvement = 0;
  for (const MetricComparison& m : metrics) {
    if (std::fabs(m.difference) < kMeaningfulDifference) ++s.ties;
    else if (m.difference > 0) ++s.challenger_wins;
    else ++s.baseline_wins;
    if (m.winner == "baseline") ++s.significant_baseline_wins;
    if (m.winner == "challenger") ++s.significant_challenger_wins;
    improvement += m.percent_change;
  }
  if (!metrics.empty()) s.avg_improvement = improvement / static_cast<double>(metrics.size());
  if (s.significant_challenger_wins != s.significant_baseline_wins) {
    s.winner =
        s.significant_challenger_wins > s.significant_baseline_wins ? "challenger" : "baseline";
  } else if (s.challenger_wins != s.baseline_wins) {
    s.winner = s.challenger_wins > s.baseline_wins ? "challenger" : "baseline";
  }
  return s;
}

}  // namespace axis::analytics
