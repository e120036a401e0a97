// MonitoringReplies: the replies of GET /api/monitoring/analytics/*, each typed result of the
// monitoring analytics (monitoring/monitoring_results.h, monitoring/alerts.h) as the JSON text
// the route sends: {"success":true, ...} with the fields in the order of docs/monitoring.md.
// Numbers are written as nlohmann/json writes them (shortest round-trip doubles, integers
// without a fraction); text that is not UTF-8 is written with U+FFFD in its place. The App
// builds the monitoring service with it (monitoring/answer_renderer.h), and the service keeps
// the replies it answers with.
//
// Stateless: thread-safe, non-blocking; throws only std::bad_alloc.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>

#include "monitoring/alerts.h"
#include "monitoring/answer_renderer.h"
#include "monitoring/monitoring_config.h"
#include "monitoring/monitoring_results.h"

namespace axis::api {

class MonitoringReplies final : public monitoring::AnswerRenderer {
 public:
  // {kpis{total_records, avg_score, pass_rate, p50_latency, p95_latency, p99_latency}}
  std::string render(const monitoring::SummaryResult& result) const override;

  // {data[{timestamp, metric, avg, p50, p95, p99, count}], metrics, granularity}
  std::string render(const monitoring::TrendsResult& result) const override;

  // {histogram{counts, edges}, percentiles{p50,p95,p99}, by_group{g{counts, percentiles}}|null}
  std::string render(const monitoring::LatencyDistributionResult& result) const override;

  // {data[{group, values, stats{mean,std,min,max,median,count}}], metric, group_by}
  std::string render(const monitoring::ClassDistributionResult& result) const override;

  // {metrics[{name, pass_rate, avg, count, by_group{g{pass_rate, avg, count}}|null}]}
  std::string render(const monitoring::MetricBreakdownResult& result) const override;

  // {matrix, metrics}
  std::string render(const monitoring::CorrelationResult& result) const override;

  // {metrics[{metric_name, categories[{value, count, percentage}], total_count}]}
  std::string render(const monitoring::ClassificationBreakdownResult& result) const override;

  // {data[{timestamp, categories{label: n}}], metric_name, granularity, unique_categories}
  std::string render(const monitoring::ClassificationTrendsResult& result) const override;

  // {records[{dataset_id, timestamp, metric_name, query, actual_output, signals, explanation,
  // source_info{environment, source_name, source_component}}], total_count, page, limit,
  // metric_names}; `signals` is the stored text parsed as JSON when it is JSON, else the text.
  std::string render(const monitoring::AnalysisInsightsResult& result) const override;

  // {alerts[{id, kind, type, severity, metric, source_name, message, value, threshold,
  // timestamp}], evaluated{dataset_id, limits{pass_rate_min, error_rate_max, p95_latency_max},
  // sources[{source_name, good, pass, total_records, avg_score, pass_rate, rows, error_rate,
  // p95_latency}], anomaly_detection{enabled, granularity, min_data_points, metrics[{metric,
  // points, last_timestamp, checked, z_score, moving_average, moving_average_deviation,
  // rate_of_change}]}}}
  std::string render(const monitoring::AlertsResult& result) const override;
};

// The alert settings GET /api/monitoring/db-config reports.
// {default{good,pass}, per_source{<src>{good,pass}}}
nlohmann::json thresholds_json(const monitoring::MonitoringConfig& config);
// {enabled, min_data_points, z_score{...}, moving_average{...}, rate_of_change{...}}
nlohmann::json anomaly_detection_json(const monitoring::AnomalyDetection& anomaly);

}  // namespace axis::api
