// The monitoring analytics (spec data.md §2.4, GET /api/monitoring/analytics/*), computed in
// DuckDB SQL on a stored monitoring dataset narrowed by the common filters. Each function
// resolves the dataset (404 when there is none), runs its queries on one pooled connection and
// returns the complete JSON reply ({"success":true,...}). Timestamps are ISO 8601 UTC text,
// pass rates are percentages, percentiles interpolate linearly (quantile_cont), and a statistic
// that is undefined (no rows, NaN) is 0. Blocking; call from the blocking pool.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "monitoring/monitoring_analytics_scope.h"

namespace axis::datasets { class DatasetCatalog; }

namespace axis::monitoring {

// {kpis{total_records, avg_score, pass_rate, p50_latency, p95_latency, p99_latency}}
std::string summary_json(const datasets::DatasetCatalog& catalog, const AnalyticsRequest& request);

// {data[{timestamp, metric, avg, p50, p95, p99, count}], metrics, granularity}
std::string trends_json(const datasets::DatasetCatalog& catalog, const AnalyticsRequest& request,
                        const std::string& granularity);

// {histogram{counts, edges}, percentiles{p50,p95,p99}, by_group{g{counts, percentiles}}|null}
std::string latency_distribution_json(const datasets::DatasetCatalog& catalog,
                                      const AnalyticsRequest& request, int bins,
                                      const std::optional<std::string>& group_by);

// {data[{group, values, stats{mean,std,min,max,median,count}}], metric, group_by}
std::string class_distribution_json(const datasets::DatasetCatalog& catalog,
                                    const AnalyticsRequest& request, const std::string& metric,
                                    const std::string& group_by);

// {metrics[{name, pass_rate, avg, count, by_group}]}
std::string metric_breakdown_json(const datasets::DatasetCatalog& catalog,
                                  const AnalyticsRequest& request, double threshold,
                                  const std::optional<std::string>& group_by);

// {matrix, metrics}: Pearson correlations of the named metrics that have values.
std::string correlation_json(const datasets::DatasetCatalog& catalog,
                             const AnalyticsRequest& request,
                             const std::vector<std::string>& metrics);

// {metrics[{metric_name, categories[{value, count, percentage}], total_count}]}
std::string classification_breakdown_json(const datasets::DatasetCatalog& catalog,
                                          const AnalyticsRequest& request,
                                          const std::string& category_source);

// {data[{timestamp, categories{label: n}}], metric_name, granularity, unique_categories}
std::string classification_trends_json(const datasets::DatasetCatalog& catalog,
                                       const AnalyticsRequest& request,
                                       const std::string& metric_name,
                                       const std::string& granularity,
                                       const std::string& category_source);

// {records[...], total_count, page, limit, metric_names}
std::string analysis_insights_json(const datasets::DatasetCatalog& catalog,
                                   const AnalyticsRequest& request, std::int64_t page,
                                   std::int64_t limit);

}  // namespace axis::monitoring
