// The monitoring settings beyond the connection (monitoring_db.yaml): score thresholds, overall
// and per agent, and the anomaly-detection rules the alerts use. Read from the source's extras
// (SourceSettings::raw_yaml_json); a missing or invalid value keeps its default, with a warning.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "config/settings.h"

namespace axis::monitoring {

// A score is "good" at or above `good` and passes at or above `pass`.
struct Thresholds {
  double good = 0.7;
  double pass = 0.5;
};

struct ZScoreRule {
  bool enabled = true;
  double threshold = 2.0;            // > 0: |z| at or above it is an anomaly
  std::string severity = "warning";  // info | warning | error | critical
  int lookback_window = 20;          // the last n points (>= 2), 0 = all
  std::vector<std::string> metrics;  // empty = every metric
};

struct MovingAverageRule {
  bool enabled = true;
  int window_size = 5;               // >= 2
  double deviation_threshold = 0.15; // > 0: relative deviation from the moving average
  std::string severity = "warning";
};

struct RateOfChangeRule {
  bool enabled = true;
  double threshold = 0.3;            // > 0: relative change between consecutive points
  std::string severity = "error";
};

struct AnomalyDetection {
  bool enabled = false;
  int min_data_points = 5;           // >= 3 (smaller values are raised to 3)
  ZScoreRule z_score;
  MovingAverageRule moving_average;
  RateOfChangeRule rate_of_change;
};

struct MonitoringConfig {
  Thresholds thresholds;                          // thresholds.default
  std::map<std::string, Thresholds> per_source;   // thresholds.per_source.<source_name>
  AnomalyDetection anomaly_detection;
  std::vector<std::string> warnings;              // "<key>: <why it was dropped>"

  // The thresholds of one agent (source_name): its per_source entry, else the default.
  const Thresholds& thresholds_for(const std::string& source_name) const;
};

// The monitoring settings of `source` (monitoring_db). Never throws.
MonitoringConfig parse_monitoring_config(const config::SourceSettings& source);
// The same from the extras' JSON text ({thresholds, anomaly_detection}); "" = all defaults.
MonitoringConfig parse_monitoring_config_json(const std::string& extras_json);

}  // namespace axis::monitoring
