// The figures of a finished (or stopped) run, as the runner's replies show them (spec ai.md §3
// "Aggregation"): per metric average, median, min, max and pass rate over its threshold, the
// share of items that pass, and the first items' scores. Numbers are rounded to 4 places as Python's round() does. Large
// runs are summarised in full but list only their first kListedItems items; the exports hold
// every row.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "evalrun/run_store.h"

namespace axis::evalrun {

inline constexpr long long kListedItems = 1000;

struct MetricResult {
  std::string metric_key, metric_name;
  double average_score = 0, median_score = 0, min_score = 0, max_score = 0;
  double pass_rate = 0, threshold = 0.5;
  bool passed = false;          // pass_rate ≥ 0.5
  std::vector<double> scores;   // of the listed items
  long long failed_calls = 0;   // judge calls that failed for good
};

struct ItemResult {
  std::string item_id, dataset_id, query, actual_output, expected_output;
  std::map<std::string, double> metric_scores;
  std::map<std::string, std::string> metric_reasons;
  bool passed = false;
};

struct RunSummary {
  std::string evaluation_name, run_id;
  bool completed = false;  // false: the run stopped (cancelled) with these figures so far
  std::optional<std::string> dataset_id;
  long long total_items = 0, metrics_count = 0;
  double average_score = 0;      // mean of the metric averages
  double overall_pass_rate = 0;  // share of items that pass
  std::vector<MetricResult> metric_results;
  std::vector<ItemResult> item_results;  // the first kListedItems items
  bool items_truncated = false;
  std::vector<RunStore::FlatRow> flat_rows;  // the listed items' rows of the flat format
  std::map<std::string, MetricRule> rules;   // by metric key, for writing the flat rows
};

// Reads the run's figures back from the store.
RunSummary summarise(const RunStore& runs, const RunRecord& run, const std::vector<MetricRule>& rules);

}  // namespace axis::evalrun
