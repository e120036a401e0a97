// CaseService: the rows behind the scorecard — one metric's cases (filtered, searched, sorted
// and paginated in SQL) and one case with all its metric scores. Thread-safe; calls block.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/eval_scope.h"

namespace axis::datasets { class DatasetCatalog; }

namespace axis::analytics {

struct MetricCasesQuery {
  EvalScope scope;
  std::string metric;
  std::int64_t page = 1;        // ≥ 1
  std::int64_t page_size = 10;  // 1..500
  std::string sort_by = "score";  // score | dataset_id
  std::string sort_dir = "asc";   // asc | desc
  std::optional<std::string> band;    // fail | pass | low | mid | high
  std::optional<std::string> search;  // case-insensitive substring of dataset_id, query,
                                      // actual_output or explanation
};

struct MetricCasesPage {
  std::string metric;
  // JSON array of {dataset_id, evaluation_name, query, actual_output, score, explanation}.
  std::string cases_json;
  std::int64_t total = 0;  // matching rows before paging
  std::int64_t page = 1;
  std::int64_t page_size = 10;
};

struct CaseMetricScore {
  std::string metric_name;
  std::optional<double> score;
  std::optional<std::string> explanation;
  std::optional<std::string> parent;
  std::optional<std::string> metric_type;
  double weight = 1;  // effective weight (null or 0 → 1)
};

struct CaseDetail {
  std::string dataset_id;
  std::string evaluation_name;
  std::optional<std::string> query, actual_output, expected_output;
  std::optional<std::string> evaluation_metadata, data_metadata;
  double overall_score = 0;  // mean of the finite metric scores, 0 if none
  std::vector<CaseMetricScore> metrics;  // in row order
};

class SummaryTables;

class CaseService {
 public:
  CaseService(const datasets::DatasetCatalog& catalog, SummaryTables& summaries)
      : catalog_(catalog), summaries_(summaries) {}

  // Throws util::HttpError 400 "Metric '<m>' not found. Available: a, b" for an unknown metric
  // (and the dataset errors of EvalDataset::open).
  MetricCasesPage metric_cases(const MetricCasesQuery& query) const;
  // One case (dataset_id = case_id) in the scoped experiment, or its first experiment when none
  // is given. Throws util::HttpError 404 "Case '<id>' not found".
  CaseDetail case_detail(const EvalScope& scope, const std::string& case_id) const;

 private:
  const datasets::DatasetCatalog& catalog_;
  SummaryTables& summaries_;
};

}  // namespace axis::analytics
