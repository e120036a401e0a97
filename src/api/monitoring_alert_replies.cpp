// The reply of GET /api/monitoring/analytics/alerts and the alert settings of
// GET /api/monitoring/db-config (declared in monitoring_replies.h).
#include <nlohmann/json.hpp>

#include "api/monitoring_replies.h"
#include "util/json_text.h"

namespace axis::api {
namespace {

using Json = nlohmann::ordered_json;
using namespace axis::monitoring;

Json number_or_null(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json alert_json(const Alert& a) {
  return {{"id", a.id}, {"kind", a.kind}, {"type", a.type}, {"severity", a.severity},
          {"metric", util::json_or_null(a.metric)}, {"source_name", util::json_or_null(a.source_name)},
          {"message", a.message}, {"value", a.value}, {"threshold", a.threshold},
          {"timestamp", util::json_or_null(a.timestamp)}};
}

Json source_json(const SourceStats& s) {
  return {{"source_name", util::json_or_null(s.source_name)}, {"good", s.thresholds.good},
          {"pass", s.thresholds.pass}, {"total_records", s.scores}, {"avg_score", s.avg_score},
          {"pass_rate", s.pass_rate}, {"rows", s.rows}, {"error_rate", s.error_rate},
          {"p95_latency", s.p95_latency}};
}

Json anomalies_json(const AnomalyEvaluation& e) {
  Json metrics = Json::array();
  for (const MetricAnomalies& m : e.metrics) {
    const AnomalyCheck& c = m.check;
    metrics.push_back({{"metric", m.metric}, {"points", c.points},
                       {"last_timestamp", m.last_timestamp}, {"checked", c.checked},
                       {"z_score", number_or_null(c.z_score)},
                       {"moving_average", number_or_null(c.moving_average)},
                       {"moving_average_deviation", number_or_null(c.moving_average_deviation)},
                       {"rate_of_change", number_or_null(c.rate_of_change)}});
  }
  return {{"enabled", e.enabled}, {"granularity", e.granularity},
          {"min_data_points", e.min_data_points}, {"metrics", metrics}};
}

}  // namespace

std::string MonitoringReplies::render(const AlertsResult& r) const {
  Json alerts = Json::array();
  for (const Alert& a : r.alerts) alerts.push_back(alert_json(a));
  Json sources = Json::array();
  for (const SourceStats& s : r.sources) sources.push_back(source_json(s));
  return util::json_text(
      {{"success", true},
       {"alerts", alerts},
       {"evaluated",
        {{"dataset_id", r.dataset_id},
         {"limits", {{"pass_rate_min", kMinPassRate}, {"error_rate_max", kMaxErrorRate},
                     {"p95_latency_max", kMaxP95LatencyMs}}},
         {"sources", sources},
         {"anomaly_detection", anomalies_json(r.anomaly_detection)}}}});
}

nlohmann::json thresholds_json(const MonitoringConfig& config) {
  auto pair = [](const Thresholds& t) {
    return nlohmann::json{{"good", t.good}, {"pass", t.pass}};
  };
  nlohmann::json per_source = nlohmann::json::object();
  for (const auto& [source, t] : config.per_source) per_source[source] = pair(t);
  return {{"default", pair(config.thresholds)}, {"per_source", per_source}};
}

nlohmann::json anomaly_detection_json(const AnomalyDetection& a) {
  return {{"enabled", a.enabled},
          {"min_data_points", a.min_data_points},
          {"z_score",
           {{"enabled", a.z_score.enabled},
            {"threshold", a.z_score.threshold},
            {"severity", a.z_score.severity},
            {"lookback_window", a.z_score.lookback_window},
            {"metrics", a.z_score.metrics}}},
          {"moving_average",
           {{"enabled", a.moving_average.enabled},
            {"window_size", a.moving_average.window_size},
            {"deviation_threshold", a.moving_average.deviation_threshold},
            {"severity", a.moving_average.severity}}},
          {"rate_of_change",
           {{"enabled", a.rate_of_change.enabled},
            {"threshold", a.rate_of_change.threshold},
            {"severity", a.rate_of_change.severity}}}};
}


}  // namespace axis::api
