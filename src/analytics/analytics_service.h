// AnalyticsService: the /api/analytics computations over a stored tree/flat dataset, in SQL.
// Its metrics are the dataset's metric_name values, each scored by metric_score (long form);
// a "row" of the wide view (correlation, scatter) is a case: (dataset_id, experiment).
// Thread-safe; calls block. Errors are util::HttpError 400 with the spec's messages.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analytics/analytics_results.h"

namespace axis::datasets { class DatasetCatalog; }

namespace axis::analytics {

class SummaryTables;

class AnalyticsService {
 public:
  AnalyticsService(const datasets::DatasetCatalog& catalog, SummaryTables& summaries)
      : catalog_(catalog), summaries_(summaries) {}

  SummaryResult summary(const std::string& dataset_id) const;
  // 400 "Metric '<m>' not found".
  DistributionResult distribution(const std::string& dataset_id, const std::string& metric,
                                  int bins) const;
  // metrics empty = every metric. 400 "Group column '<g>' not found".
  GroupComparisonResult comparison(const std::string& dataset_id, const std::string& group_by,
                                   const std::vector<std::string>& metrics) const;
  // 400 with fewer than two metrics.
  CorrelationResult correlation(const std::string& dataset_id,
                                const std::vector<std::string>& metrics) const;
  // 400 with fewer than three metrics. One trace per group, or "Overall".
  RadarResult radar(const std::string& dataset_id, const std::vector<std::string>& metrics,
                    const std::optional<std::string>& group_by) const;
  ScatterResult scatter(const std::string& dataset_id, const std::string& x_metric,
                        const std::string& y_metric,
                        const std::optional<std::string>& color_by) const;

 private:
  const datasets::DatasetCatalog& catalog_;
  SummaryTables& summaries_;
};

}  // namespace axis::analytics
