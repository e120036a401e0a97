// Server-side monitoring alerts (spec data.md §2.5) over the filtered rows of a stored
// monitoring dataset: threshold alerts per source_name and, when anomaly detection is enabled,
// anomaly alerts per metric on its trend series. The result is typed; the api layer renders it
// (the reply's shape is documented in docs/monitoring.md).
//
// Blocking (DuckDB): call from the blocking pool or the background worker. Thread-safe (each
// call leases its own connection). Throws util::HttpError 404 when there is no monitoring
// dataset or `request.dataset_id` names none, 422/400 for a bad time window;
// store::StoreError when a query fails.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "monitoring/alerts_anomaly.h"
#include "monitoring/monitoring_analytics_scope.h"
#include "monitoring/monitoring_config.h"

namespace axis::datasets { class DatasetCatalog; }

namespace axis::monitoring {

// The fixed limits of the threshold alerts.
inline constexpr double kMinPassRate = 70.0;        // percent; below → error low-pass-rate
inline constexpr double kMaxErrorRate = 5.0;        // percent; above → error high-error-rate
inline constexpr double kMaxP95LatencyMs = 1000.0;  // above → warning high-latency

// What the threshold alerts read of one source_name (null: rows without one).
struct SourceStats {
  std::optional<std::string> source_name;
  Thresholds thresholds;  // the source's own, else the default
  std::int64_t scores = 0, rows = 0, errors = 0, latencies = 0;
  double avg_score = 0, pass_rate = 0, error_rate = 0, p95_latency = 0;  // rates in percent
};

struct Alert {
  std::string id;        // "<type>:<source_name>" or "<type>:<metric>"
  std::string kind;      // threshold | anomaly
  std::string type;      // low-score, low-pass-rate, ..., z-score, moving-average, rate-of-change
  std::string severity;  // info | warning | error | critical
  std::optional<std::string> metric, source_name;
  std::string message;
  double value = 0, threshold = 0;
  std::optional<std::string> timestamp;  // anomalies: the bucket of the last point
};

// One metric's trend series as the anomaly rules saw it.
struct MetricAnomalies {
  std::string metric;
  std::string last_timestamp;
  AnomalyCheck check;
};

struct AnomalyEvaluation {
  bool enabled = false;
  std::string granularity;
  int min_data_points = 0;
  std::vector<MetricAnomalies> metrics;  // by metric; empty when disabled
};

struct AlertsResult {
  std::vector<Alert> alerts;         // most severe first, then as found
  std::string dataset_id;            // the dataset evaluated
  std::vector<SourceStats> sources;  // named sources by name, then rows without one
  AnomalyEvaluation anomaly_detection;
};

// `granularity` is hourly|daily|weekly: the trend series the anomaly rules read.
AlertsResult compute_alerts(const datasets::DatasetCatalog& catalog,
                            const AnalyticsRequest& request, const MonitoringConfig& config,
                            const std::string& granularity);

}  // namespace axis::monitoring
