// AnalyticsService: the six /api/analytics computations, in SQL, over either input:
//  - a stored tree/flat dataset (StoredRows): its metrics are the metric_name values, each
//    scored by metric_score (long form); a case is (dataset_id, experiment);
//  - the rows posted with the request (PostedRows): a JSON array of objects whose numeric
//    columns are the metrics; each posted row is one case (posted_scores.h has the rules).
// Both are read through a ScoreSource (score_source.h), so each computation is one SQL text.
// Thread-safe (each call leases its own connection); calls block. Errors are util::HttpError
// 400 with the spec's messages (404 for an unknown dataset); store::StoreError when DuckDB fails.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "analytics/analytics_results.h"

namespace axis::datasets { class DatasetCatalog; }

namespace axis::analytics {

class ScoreSource;
class SummaryTables;

struct StoredRows {
  std::string dataset_id;  // "" = the newest evaluation dataset
};
struct PostedRows {
  std::string json_file;  // the posted JSON array, on disk; the caller owns and removes it
};
using AnalyticsRows = std::variant<StoredRows, PostedRows>;

class AnalyticsService {
 public:
  // max_posted_columns: posted rows with more distinct keys are refused (400).
  AnalyticsService(const datasets::DatasetCatalog& catalog, SummaryTables& summaries,
                   std::size_t max_posted_columns)
      : catalog_(catalog), summaries_(summaries), max_posted_columns_(max_posted_columns) {}

  SummaryResult summary(const AnalyticsRows& rows) const;
  // 400 "Metric '<m>' not found".
  DistributionResult distribution(const AnalyticsRows& rows, const std::string& metric,
                                  int bins) const;
  // metrics empty = every metric. 400 "Group column '<g>' not found".
  GroupComparisonResult comparison(const AnalyticsRows& rows, const std::string& group_by,
                                   const std::vector<std::string>& metrics) const;
  // 400 with fewer than two metrics or more than kMaxCorrelationMetrics.
  CorrelationResult correlation(const AnalyticsRows& rows,
                                const std::vector<std::string>& metrics) const;
  // 400 with fewer than three metrics. One trace per group, or "Overall".
  RadarResult radar(const AnalyticsRows& rows, const std::vector<std::string>& metrics,
                    const std::optional<std::string>& group_by) const;
  ScatterResult scatter(const AnalyticsRows& rows, const std::string& x_metric,
                        const std::string& y_metric,
                        const std::optional<std::string>& color_by) const;

 private:
  std::unique_ptr<ScoreSource> open(const AnalyticsRows& rows) const;

  const datasets::DatasetCatalog& catalog_;
  SummaryTables& summaries_;
  std::size_t max_posted_columns_;
};

}  // namespace axis::analytics
