// The typed results of the monitoring analytics (monitoring_analytics.h), one per endpoint of
// GET /api/monitoring/analytics/*. Plain data holding values only, no JSON: the api layer
// renders them as replies (api/monitoring_replies.h). Statistics that are undefined (no rows,
// NaN) are 0; timestamps are ISO 8601 UTC text; pass rates are percentages.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "monitoring/monitoring_analytics_queries.h"

namespace axis::monitoring {

// summary: the KPIs of the rows with a score.
struct SummaryResult {
  ScoreKpis kpis;
};

// trends: scores per (time bucket, metric).
struct TrendsResult {
  std::vector<TrendPoint> points;    // bucket ascending, then metric
  std::vector<std::string> metrics;  // the distinct metrics of `points`, sorted
  std::string granularity;           // as asked: hourly | daily | weekly
};

// One group's share of a latency histogram.
struct LatencyCounts {
  std::vector<std::int64_t> counts;  // per bin, on the histogram's edges
  Percentiles percentiles;
};

// latency-distribution: a histogram of the finite latencies in scope.
struct LatencyDistributionResult {
  std::vector<std::int64_t> counts;  // per bin; empty when no row has a latency
  std::vector<double> edges;         // bins + 1 edges (min + i·width); empty likewise
  Percentiles percentiles;
  // With group_by: per group ("Unknown" for rows without a value), by name. Without: nullopt.
  std::optional<std::map<std::string, LatencyCounts>> by_group;
};

struct ScoreStats {
  double mean = 0, std = 0, min = 0, max = 0, median = 0;  // std: sample standard deviation
  std::int64_t count = 0;
};

// One group of class-distribution: its scores (sorted; an evenly spaced sample of them above
// 10,000) and the statistics of all of them.
struct ScoreGroup {
  std::string group;  // "Unknown" for rows without a value
  std::vector<double> values;
  ScoreStats stats;
};

// class-distribution: one metric's scores per group, groups by name (rows without one last).
struct ClassDistributionResult {
  std::vector<ScoreGroup> groups;  // empty when the metric is unknown
  std::string metric;
  std::string group_by;
};

struct PassRate {
  double pass_rate = 0;  // percent of scores >= the threshold
  double avg = 0;
  std::int64_t count = 0;
};

struct MetricPassRates {
  std::string name;
  PassRate overall;
  // With group_by: per group key, in group order ("Unknown" for rows without a value; keys are
  // unique). Without: nullopt.
  std::optional<std::vector<std::pair<std::string, PassRate>>> by_group;
};

// metric-breakdown: pass rate, average and count per metric, by name.
struct MetricBreakdownResult {
  std::vector<MetricPassRates> metrics;
};

// correlation: Pearson correlations of the requested metrics that have values, in the order
// asked; both empty when fewer than two do.
struct CorrelationResult {
  std::vector<std::vector<double>> matrix;  // matrix[i][j] for metrics[i], metrics[j]
  std::vector<std::string> metrics;
};

struct LabelCount {
  std::string value;
  std::int64_t count = 0;
  double percentage = 0;  // of the metric's labelled rows, one decimal
};

struct MetricLabels {
  std::optional<std::string> metric_name;  // null for rows without one
  std::vector<LabelCount> categories;      // most frequent first, then by label
  std::int64_t total_count = 0;
};

// classification-breakdown: label counts of the CLASSIFICATION rows per metric, by metric name.
struct ClassificationBreakdownResult {
  std::vector<MetricLabels> metrics;
};

struct LabelBucket {
  std::string timestamp;                                     // bucket start
  std::vector<std::pair<std::string, std::int64_t>> counts;  // per label, by label
};

// classification-trends: label counts of one metric per time bucket, bucket ascending.
struct ClassificationTrendsResult {
  std::vector<LabelBucket> buckets;
  std::string metric_name;
  std::string granularity;
  std::vector<std::string> unique_categories;  // sorted
};

// One ANALYSIS row. Cells are text as stored (null when absent); `signals` is the stored text,
// which the reply shows as JSON when it is JSON.
struct InsightRecord {
  std::optional<std::string> dataset_id, timestamp, metric_name, query, actual_output, signals,
      explanation, environment, source_name, source_component;
};

// analysis-insights: one page of the ANALYSIS rows, newest first.
struct AnalysisInsightsResult {
  std::vector<InsightRecord> records;
  std::int64_t total_count = 0;  // every ANALYSIS row in scope
  std::int64_t page = 0, limit = 0;
  std::vector<std::string> metric_names;  // sorted
};

}  // namespace axis::monitoring
