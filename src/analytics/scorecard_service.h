// ScorecardService: the scorecard and the metric tree of a tree/flat evaluation dataset
// (spec/data.md §2.2). Aggregates come from SQL (the dataset's summary tables, or the rows of
// one case); only the hierarchy walk is C++. Thread-safe; every call blocks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/eval_scope.h"
#include "analytics/hierarchy.h"

namespace axis::datasets { class DatasetCatalog; }

namespace axis::analytics {

class SummaryTables;

struct Scorecard {
  std::string dataset_id;
  std::optional<std::string> evaluation_name;
  std::vector<std::string> experiments;  // every experiment of the dataset, first-seen order
  double overall_score = 0;
  double score_variance = 0;       // sample variance of the cases' overall scores
  std::int64_t total_cases = 0;    // distinct dataset_id
  int metrics_count = 0;           // nodes of type metric
  int components_count = 0;        // nodes of type component
  std::vector<HierarchyNode> nodes;
};

class ScorecardService {
 public:
  ScorecardService(const datasets::DatasetCatalog& catalog, SummaryTables& summaries)
      : catalog_(catalog), summaries_(summaries) {}

  // Throws util::HttpError 404 for an unknown dataset, 400 for one without metric rows.
  Scorecard scorecard(const EvalScope& scope) const;
  // The metric tree over all cases, or over one case's scores (case_id = its dataset_id; 404
  // "Case '<id>' not found" when it has no rows in scope).
  TreeNode tree(const EvalScope& scope, const std::optional<std::string>& case_id) const;

 private:
  const datasets::DatasetCatalog& catalog_;
  SummaryTables& summaries_;
};

}  // namespace axis::analytics
