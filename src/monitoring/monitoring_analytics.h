// The monitoring analytics (spec data.md §2.4, GET /api/monitoring/analytics/*), computed in
// DuckDB SQL on a stored monitoring dataset narrowed by the common filters. Each function
// resolves the dataset, runs its queries on one connection leased from the catalog's store and
// returns its typed result (monitoring_results.h); the api layer renders it.
//
// Blocking (DuckDB): call from the blocking pool or the background worker. Thread-safe (each
// call leases its own connection). Throws util::HttpError 404 when there is no monitoring
// dataset or `request.dataset_id` names none, 422/400 for a bad time window, 400 for an
// unknown category_source; store::StoreError when a query fails.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "monitoring/monitoring_analytics_scope.h"
#include "monitoring/monitoring_results.h"

namespace axis::datasets { class DatasetCatalog; }

namespace axis::monitoring {

SummaryResult compute_summary(const datasets::DatasetCatalog& catalog,
                              const AnalyticsRequest& request);

// `granularity` is hourly | daily | weekly (granularities()); it is echoed in the result.
TrendsResult compute_trends(const datasets::DatasetCatalog& catalog,
                            const AnalyticsRequest& request, const std::string& granularity);

// `bins` in 5..100; `group_by` from the allowlist (check_group_by).
LatencyDistributionResult compute_latency_distribution(const datasets::DatasetCatalog& catalog,
                                                       const AnalyticsRequest& request, int bins,
                                                       const std::optional<std::string>& group_by);

// `group_by` "" puts every score in one group (NULL, shown as "Unknown").
ClassDistributionResult compute_class_distribution(const datasets::DatasetCatalog& catalog,
                                                   const AnalyticsRequest& request,
                                                   const std::string& metric,
                                                   const std::string& group_by);

// A score passes at >= `threshold`.
MetricBreakdownResult compute_metric_breakdown(const datasets::DatasetCatalog& catalog,
                                               const AnalyticsRequest& request, double threshold,
                                               const std::optional<std::string>& group_by);

CorrelationResult compute_correlation(const datasets::DatasetCatalog& catalog,
                                      const AnalyticsRequest& request,
                                      const std::vector<std::string>& metrics);

// A row's label is the first non-blank of: the `category_source` column, actual_output,
// metric_score. HttpError 400 when the dataset has no column `category_source`.
ClassificationBreakdownResult compute_classification_breakdown(
    const datasets::DatasetCatalog& catalog, const AnalyticsRequest& request,
    const std::string& category_source);

// The same labels for one metric, per time bucket.
ClassificationTrendsResult compute_classification_trends(const datasets::DatasetCatalog& catalog,
                                                         const AnalyticsRequest& request,
                                                         const std::string& metric_name,
                                                         const std::string& granularity,
                                                         const std::string& category_source);

// Page `page` (from 1) of `limit` records.
AnalysisInsightsResult compute_analysis_insights(const datasets::DatasetCatalog& catalog,
                                                 const AnalyticsRequest& request,
                                                 std::int64_t page, std::int64_t limit);

}  // namespace axis::monitoring
