// Server-side monitoring alerts (spec data.md §2.5) over the filtered rows of a stored
// monitoring dataset: threshold alerts per source_name and, when anomaly detection is enabled,
// anomaly alerts per metric on its trend series. Blocking; call from the blocking pool.
#pragma once

#include <string>

#include "monitoring/monitoring_analytics_scope.h"
#include "monitoring/monitoring_config.h"

namespace axis::datasets { class DatasetCatalog; }

namespace axis::monitoring {

// The fixed limits of the threshold alerts.
inline constexpr double kMinPassRate = 70.0;        // percent; below → error low-pass-rate
inline constexpr double kMaxErrorRate = 5.0;        // percent; above → error high-error-rate
inline constexpr double kMaxP95LatencyMs = 1000.0;  // above → warning high-latency

// {success, alerts[{id, kind, type, severity, metric, source_name, message, value, threshold,
// timestamp}], evaluated{dataset_id, granularity, limits, sources[...], anomaly_detection{...}}}
// (the shape is documented in docs/monitoring.md). `granularity` is hourly|daily|weekly.
std::string alerts_json(const datasets::DatasetCatalog& catalog, const AnalyticsRequest& request,
                        const MonitoringConfig& config, const std::string& granularity);

}  // namespace axis::monitoring
