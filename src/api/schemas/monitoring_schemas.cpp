// /api/monitoring: the source settings and the dashboard analytics
// (api/monitoring_routes.cpp, api/source_db_config.cpp, monitoring/monitoring_analytics_*.cpp).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {
namespace {

const Json kGranularity = one_of({"hourly", "daily", "weekly"});

Json source_db_config() {
  return object({{"success", boolean()},
                 {"configured", boolean()},
                 {"auto_connect", boolean()},
                 {"auto_load", boolean()},
                 {"has_query", boolean()},
                 {"row_limit", integer()},
                 {"query_timeout", integer()},
                 {"connection", described(nullable(ref("SourceConnection")), "null when not configured")}});
}

void add_settings(Components& c) {
  c.add("SourceConnection", object({{"host", str()}, {"port", integer()}, {"database", str()},
                                    {"username", str()}, {"ssl_mode", str()}, {"schema", str()},
                                    {"table", str()}, {"has_url", boolean()}}));
  c.add("SourceDbConfigReply", source_db_config());
  c.add("ThresholdPair", object({{"good", number()}, {"pass", number()}}));
  const Json severity = one_of({"info", "warning", "error", "critical"});
  c.add("AnomalyDetection",
        object({{"enabled", boolean()},
                {"min_data_points", integer()},
                {"z_score", object({{"enabled", boolean()}, {"threshold", number()}, {"severity", severity},
                                    {"lookback_window", integer()}, {"metrics", array_of(str())}})},
                {"moving_average", object({{"enabled", boolean()}, {"window_size", integer()},
                                           {"deviation_threshold", number()}, {"severity", severity}})},
                {"rate_of_change", object({{"enabled", boolean()}, {"threshold", number()},
                                           {"severity", severity}})}}));
  c.add("MonitoringDbConfigReply",
        extend(source_db_config(),
               {{"thresholds", object({{"default", ref("ThresholdPair")},
                                       {"per_source", map_of(ref("ThresholdPair"))}})},
                {"anomaly_detection", ref("AnomalyDetection")}}));
}

void add_overview(Components& c) {
  c.add("MonitoringKpis", object({{"total_records", described(integer(), "Rows with a finite score")},
                                  {"avg_score", number()},
                                  {"pass_rate", described(number(), "Percent of scores >= 0.5")},
                                  {"p50_latency", number()},
                                  {"p95_latency", number()},
                                  {"p99_latency", number()}}));
  c.add("MonitoringSummaryReply", object({{"success", boolean()}, {"kpis", ref("MonitoringKpis")}}));
  c.add("Percentiles", object({{"p50", number()}, {"p95", number()}, {"p99", number()}}));
  c.add("MonitoringTrendPoint", object({{"timestamp", str()}, {"metric", str()}, {"avg", number()},
                                        {"p50", number()}, {"p95", number()}, {"p99", number()},
                                        {"count", integer()}}));
  c.add("MonitoringTrendsReply", object({{"success", boolean()},
                                         {"data", array_of(ref("MonitoringTrendPoint"))},
                                         {"metrics", array_of(str())},
                                         {"granularity", kGranularity}}));
  c.add("LatencyGroup", object({{"counts", array_of(integer())}, {"percentiles", ref("Percentiles")}}));
  c.add("LatencyReply",
        object({{"success", boolean()},
                {"histogram", object({{"counts", array_of(integer())}, {"edges", array_of(number())}})},
                {"percentiles", ref("Percentiles")},
                {"by_group", described(nullable(map_of(ref("LatencyGroup"))), "null without group_by")}}));
  c.add("ClassDistributionGroup",
        object({{"group", str()},
                {"values", array_of(number())},
                {"stats", object({{"mean", number()}, {"std", number()}, {"min", number()},
                                  {"max", number()}, {"median", number()}, {"count", integer()}})}}));
  c.add("ClassDistributionReply", object({{"success", boolean()},
                                          {"data", array_of(ref("ClassDistributionGroup"))},
                                          {"metric", str()},
                                          {"group_by", str()}}));
}

void add_metrics(Components& c) {
  c.add("MetricRates", object({{"pass_rate", number()}, {"avg", number()}, {"count", integer()}}));
  c.add("MetricBreakdown",
        extend(object({{"name", str()},
                       {"by_group", described(nullable(map_of(ref("MetricRates"))), "null without group_by")}}),
               {{"pass_rate", number()}, {"avg", number()}, {"count", integer()}}));
  c.add("MetricBreakdownReply", object({{"success", boolean()}, {"metrics", array_of(ref("MetricBreakdown"))}}));
  c.add("MonitoringCorrelationReply", object({{"success", boolean()},
                                              {"matrix", array_of(array_of(number()))},
                                              {"metrics", array_of(str())}}));
}

void add_records(Components& c) {
  c.add("ClassificationCategory", object({{"value", str()}, {"count", integer()}, {"percentage", number()}}));
  c.add("ClassificationMetric", object({{"metric_name", nullable(str())},
                                        {"categories", array_of(ref("ClassificationCategory"))},
                                        {"total_count", integer()}}));
  c.add("ClassificationBreakdownReply",
        object({{"success", boolean()}, {"metrics", array_of(ref("ClassificationMetric"))}}));
  c.add("ClassificationTrendPoint", object({{"timestamp", str()}, {"categories", map_of(integer())}}));
  c.add("ClassificationTrendsReply", object({{"success", boolean()},
                                             {"data", array_of(ref("ClassificationTrendPoint"))},
                                             {"metric_name", str()},
                                             {"granularity", kGranularity},
                                             {"unique_categories", array_of(str())}}));
  c.add("InsightRecord",
        object({{"dataset_id", nullable(str())},
                {"timestamp", nullable(str())},
                {"metric_name", nullable(str())},
                {"query", nullable(str())},
                {"actual_output", nullable(str())},
                {"signals", described(any(), "The JSON the signals cell holds, else its text; null when empty")},
                {"explanation", nullable(str())},
                {"source_info", object({{"environment", nullable(str())},
                                        {"source_name", nullable(str())},
                                        {"source_component", nullable(str())}})}}));
  c.add("InsightsReply", object({{"success", boolean()},
                                 {"records", array_of(ref("InsightRecord"))},
                                 {"total_count", integer()},
                                 {"page", integer()},
                                 {"limit", integer()},
                                 {"metric_names", array_of(str())}}));
}

}  // namespace

Components monitoring_schemas() {
  Components c;
  add_settings(c);
  add_overview(c);
  add_metrics(c);
  add_records(c);
  return c;
}

}  // namespace axis::api::schema
