// SummaryTables: per-dataset aggregates derived once from a metric-rows dataset and kept in the
// store, so the evaluation endpoints answer from a few thousand rows instead of rescanning
// millions. Stored datasets never change after upload; the summaries are rebuilt when the row
// count or the summary layout differs, and summaries of deleted datasets are dropped.
//
//  metrics table — one row per (metric_name, experiment) and one per metric_name over all
//    experiments (all_experiments = true): n, mean, std (sample), pop_std, min, max, median,
//    p25 = sorted[floor(0.25n)], p75 = sorted[floor(0.75n)], h0..h4 (scorecard bins), passing
//    (scores ≥ 0.5), the first row's parent, weight and metric_type, first_row (rowid).
//  cases table — one row per (dataset_id, experiment), ordered by experiment: overall (mean of
//    the finite scores, 0 if none), n, var_pop of the scores, first_row, query (first row's),
//    metadata (the first non-empty data_metadata as a JSON object, or NULL).
//  experiments table — one row per experiment and one over all (all_experiments = true):
//    first_row, cases (distinct dataset_id), score_variance (sample variance of the cases'
//    overall scores), wins (cases whose best overall score is this experiment's alone); the all
//    row also holds ties (a shared best) and cases_compared (cases in two experiments or more).
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace axis::store {
class Connection;
class Store;
}  // namespace axis::store

namespace axis::analytics {

class EvalDataset;

struct SummaryTableNames {  // quoted
  std::string metrics;
  std::string cases;
  std::string experiments;
};

// The statistics of one metric over a group of rows, as SQL select items over a DOUBLE column
// `score` (NULL where a row has no score): n, mean, std (sample; 0 below two scores), min, max,
// passing (scores >= 0.5). Stored summaries and posted rows (posted_scores.h) summarise alike.
std::string metric_stats_sql();

// Marks the summaries of `table` out of date, on `conn` (e.g. inside the transaction of a sync
// that replaced its rows): the next request builds them again.
void forget_summaries(store::Connection& conn, const std::string& table);

class SummaryTables {
 public:
  explicit SummaryTables(store::Store& store) : store_(store) {}
  SummaryTables(const SummaryTables&) = delete;
  SummaryTables& operator=(const SummaryTables&) = delete;

  // The summaries of a metric-rows dataset, built now unless current ones exist. Blocking;
  // thread-safe (builds are serialised). Throws store::StoreError when the store cannot write.
  SummaryTableNames ensure(const EvalDataset& dataset);

 private:
  bool current(const EvalDataset& dataset, std::int64_t rows);
  void build(const EvalDataset& dataset, std::int64_t rows);

  store::Store& store_;
  std::mutex build_mutex_;
};

// Every experiment of a summarised dataset, in first-seen (file) order.
std::vector<std::string> list_experiments(store::Connection& conn, const SummaryTableNames& names);

}  // namespace axis::analytics
