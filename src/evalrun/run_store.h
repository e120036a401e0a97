// RunStore: the eval runs kept in the store — _evalrun_runs (one row per run and its settings),
// _evalrun_items (the mapped rows) and _evalrun_scores (one row per scored item × metric,
// written once, so what a resumed run still has to score is exactly what has no row).
// Thread-safe (each call leases its own connection); every call blocks.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "evalrun/run_config.h"
#include "evalrun/run_items.h"
#include "store/value.h"

namespace axis::store { class Store; }

namespace axis::evalrun {

// A run as listed: its row in _evalrun_runs and how many evaluations are done.
struct RunRecord {
  std::string run_id;
  std::string evaluation_name;
  std::string status;  // running | completed | failed | cancelled | interrupted
  long long total_items = 0;
  long long total_evaluations = 0;
  long long completed_evaluations = 0;
  std::vector<std::string> metrics;
  std::string created_at;               // ISO 8601, UTC
  std::optional<std::string> finished_at;
  std::optional<double> average_score;  // set when completed
  std::optional<double> overall_pass_rate;
  std::optional<std::string> dataset_id;
  std::optional<std::string> error;
  long long llm_calls = 0;  // model calls made for the run (judge and agent), from the usage log
  long long input_tokens = 0, output_tokens = 0;
  RunConfig config;
};

// One score to write: score null when the judge call failed (the reason says why).
struct ScoreRow {
  long long item_index = 0;
  std::string metric_key;
  std::optional<double> score;
  std::string reason;
};

// How one metric did over a run, computed in SQL.
struct MetricAggregate {
  std::string metric_key;
  long long scored = 0;        // items with a score
  long long failed_calls = 0;  // items whose judge call failed
  double average = 0, median = 0, min = 0, max = 0;
  double pass_rate = 0;        // share of scored items that pass
};

// The threshold of one metric and which side passes.
struct MetricRule {
  std::string metric_key;
  double threshold = 0.5;
  bool lower_is_better = false;
  // The score passes: ≥ threshold, or ≤ for a lower-is-better metric (kPasses in SQL).
  bool passes(double score) const { return lower_is_better ? score <= threshold : score >= threshold; }
  // What the score adds to an item's mean: the score, or 1/0 (passes or not) for a
  // lower-is-better metric, whose raw values are not on a 0–1 scale.
  double item_share(double score) const { return lower_is_better ? (passes(score) ? 1.0 : 0.0) : score; }
};

class RunStore {
 public:
  explicit RunStore(store::Store& store) : store_(store) {}

  // Writes the run (status running) and its items in one transaction.
  void create(const std::string& run_id, const RunConfig& config, const std::vector<RunItem>& items,
              long long total_evaluations) const;
  void set_status(const std::string& run_id, const std::string& status,
                  const std::optional<std::string>& error = std::nullopt) const;
  // Marks the run completed with its figures and the dataset it was stored as.
  void complete(const std::string& run_id, double average_score, double overall_pass_rate,
                const std::string& dataset_id) const;
  // Runs left `running` by a server that stopped become `interrupted`; returns how many.
  long long interrupt_unfinished() const;

  std::vector<RunRecord> list() const;  // newest first
  std::optional<RunRecord> find(const std::string& run_id) const;
  // Deletes the run, its items and scores (not the dataset it was stored as).
  void remove(const std::string& run_id) const;

  std::vector<RunItem> items(const std::string& run_id) const;
  // Stores an item's output (and any field the agent filled, such as latency) as it is now.
  void set_output(const std::string& run_id, const RunItem& item) const;
  // The (item_index, metric_key) pairs that already have a row.
  std::set<std::pair<long long, std::string>> scored(const std::string& run_id) const;
  void append_scores(const std::string& run_id, const std::vector<ScoreRow>& rows) const;
  // How many of the run's rows have a score.
  long long scored_count(const std::string& run_id) const;

  std::vector<MetricAggregate> aggregate(const std::string& run_id,
                                         const std::vector<MetricRule>& rules) const;
  // Share of items that pass: the mean of an item's scores (a lower-is-better metric counts
  // 1 when it passes, else 0) is at least 0.5. Items with no score do not pass.
  double overall_pass_rate(const std::string& run_id, const std::vector<MetricRule>& rules) const;

  // The run's results in the flat format, one row per scored item × metric, as a SELECT with
  // its bound values and column names: dataset_id, query, actual_output, expected_output,
  // evaluation_name, metric_name, metric_score, metric_type, threshold, passed, explanation,
  // [run_id,] timestamp. The run's dataset leaves run_id out: with it beside dataset_id and
  // passed, the header is the runner's own format, which uploads refuse. Its rows come in the
  // order the scores were stored (sorting 400k wide rows first costs ~200 MB); the exports, with
  // run_id, are sorted by item, then metric in the order asked.
  struct FlatSelect {
    std::string sql;
    std::vector<store::Value> values;
    std::vector<std::string> columns;
  };
  FlatSelect flat_select(const std::string& run_id, const std::vector<MetricRule>& rules, bool with_run_id) const;
  // The flat rows with run_id, written by DuckDB to `path` as CSV or a JSON array.
  void export_flat(const std::string& run_id, const std::vector<MetricRule>& rules, const std::string& path,
                   bool json) const;
  // The first `limit` items' rows of the flat format, for a reply.
  struct FlatRow {
    long long item_index;
    std::string item_id, dataset_id, query, actual_output, expected_output;
    std::string metric_key;
    std::optional<double> score;
    std::string reason;
  };
  std::vector<FlatRow> flat_rows(const std::string& run_id, long long limit) const;

 private:
  store::Store& store_;
};

}  // namespace axis::evalrun
