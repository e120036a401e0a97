// GET /api/monitoring/analytics/alerts (monitoring/alerts.cpp).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {

Components alert_schemas() {
  Components c;
  c.add("MonitoringAlert", object({{"id", str()},
                                   {"kind", one_of({"threshold", "anomaly"})},
                                   {"type", str()},
                                   {"severity", one_of({"info", "warning", "error", "critical"})},
                                   {"metric", nullable(str())},
                                   {"source_name", nullable(str())},
                                   {"message", str()},
                                   {"value", number()},
                                   {"threshold", number()},
                                   {"timestamp", nullable(str())}}));
  c.add("AlertSourceStats", object({{"source_name", nullable(str())},
                                    {"good", number()},
                                    {"pass", number()},
                                    {"total_records", integer()},
                                    {"avg_score", number()},
                                    {"pass_rate", number()},
                                    {"rows", integer()},
                                    {"error_rate", number()},
                                    {"p95_latency", number()}}));
  c.add("AnomalyCheck", object({{"metric", str()},
                                {"points", integer()},
                                {"last_timestamp", str()},
                                {"checked", boolean()},
                                {"z_score", nullable(number())},
                                {"moving_average", nullable(number())},
                                {"moving_average_deviation", nullable(number())},
                                {"rate_of_change", nullable(number())}}));
  c.add("AlertsEvaluated",
        object({{"dataset_id", str()},
                {"limits", object({{"pass_rate_min", number()}, {"error_rate_max", number()},
                                   {"p95_latency_max", number()}})},
                {"sources", array_of(ref("AlertSourceStats"))},
                {"anomaly_detection", object({{"enabled", boolean()},
                                              {"granularity", str()},
                                              {"min_data_points", integer()},
                                              {"metrics", array_of(ref("AnomalyCheck"))}})}}));
  c.add("AlertsReply", object({{"success", boolean()},
                               {"alerts", array_of(ref("MonitoringAlert"))},
                               {"evaluated", ref("AlertsEvaluated")}}));
  return c;
}

}  // namespace axis::api::schema
