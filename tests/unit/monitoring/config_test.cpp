#include <gtest/gtest.h>

#include "../config/config_test_util.h"
#include "monitoring/monitoring_config.h"

namespace axis::monitoring {
namespace {

bool warned(const MonitoringConfig& c, const std::string& key) {
  for (const auto& w : c.warnings) {
    if (w.starts_with("monitoring_db." + key + ":")) return true;
  }
  return false;
}

TEST(MonitoringConfig, defaults_without_extras) {
  const MonitoringConfig c = parse_monitoring_config_json("");
  EXPECT_TRUE(c.warnings.empty());
  EXPECT_DOUBLE_EQ(c.thresholds.good, 0.7);
  EXPECT_DOUBLE_EQ(c.thresholds.pass, 0.5);
  EXPECT_TRUE(c.per_source.empty());
  const AnomalyDetection& a = c.anomaly_detection;
  EXPECT_FALSE(a.enabled);
  EXPECT_EQ(a.min_data_points, 5);
  EXPECT_TRUE(a.z_score.enabled);
  EXPECT_DOUBLE_EQ(a.z_score.threshold, 2.0);
  EXPECT_EQ(a.z_score.severity, "warning");
  EXPECT_EQ(a.z_score.lookback_window, 20);
  EXPECT_TRUE(a.z_score.metrics.empty());
  EXPECT_TRUE(a.moving_average.enabled);
  EXPECT_EQ(a.moving_average.window_size, 5);
  EXPECT_DOUBLE_EQ(a.moving_average.deviation_threshold, 0.15);
  EXPECT_EQ(a.moving_average.severity, "warning");
  EXPECT_TRUE(a.rate_of_change.enabled);
  EXPECT_DOUBLE_EQ(a.rate_of_change.threshold, 0.3);
  EXPECT_EQ(a.rate_of_change.severity, "error");
}

TEST(MonitoringConfig, valid_values_are_taken) {
  const MonitoringConfig c = parse_monitoring_config_json(R"({
    "thresholds": {"default": {"good": 0.8, "pass": 0.6},
                   "per_source": {"Juniper": {"good": 0.9}, "Sable": {"pass": 0.4, "good": 0.65}}},
    "anomaly_detection": {"enabled": true, "min_data_points": 7,
      "z_score": {"enabled": false, "threshold": 3, "severity": "critical", "lookback_window": 30,
                  "metrics": ["faithfulness", "helpfulness"]},
      "moving_average": {"window_size": 3, "deviation_threshold": 0.2, "severity": "info"},
      "rate_of_change": {"enabled": false, "threshold": 0.5, "severity": "warning"}}})");
  EXPECT_TRUE(c.warnings.empty());
  EXPECT_DOUBLE_EQ(c.thresholds.good, 0.8);
  EXPECT_DOUBLE_EQ(c.thresholds.pass, 0.6);
  // A per-source entry inherits what it does not set from the default.
  EXPECT_DOUBLE_EQ(c.thresholds_for("Juniper").good, 0.9);
  EXPECT_DOUBLE_EQ(c.thresholds_for("Juniper").pass, 0.6);
  EXPECT_DOUBLE_EQ(c.thresholds_for("Sable").good, 0.65);
  EXPECT_DOUBLE_EQ(c.thresholds_for("Sable").pass, 0.4);
  EXPECT_DOUBLE_EQ(c.thresholds_for("Marlow").good, 0.8);
  const AnomalyDetection& a = c.anomaly_detection;
  EXPECT_TRUE(a.enabled);
  EXPECT_EQ(a.min_data_points, 7);
  EXPECT_FALSE(a.z_score.enabled);
  EXPECT_DOUBLE_EQ(a.z_score.threshold, 3.0);
  EXPECT_EQ(a.z_score.severity, "critical");
  EXPECT_EQ(a.z_score.lookback_window, 30);
  EXPECT_EQ(a.z_score.metrics, (std::vector<std::string>{"faithfulness", "helpfulness"}));
  EXPECT_EQ(a.moving_average.window_size, 3);
  EXPECT_DOUBLE_EQ(a.moving_average.deviation_threshold, 0.2);
  EXPECT_EQ(a.moving_average.severity, "info");
  EXPECT_FALSE(a.rate_of_change.enabled);
  EXPECT_DOUBLE_EQ(a.rate_of_change.threshold, 0.5);
  EXPECT_EQ(a.rate_of_change.severity, "warning");
}

TEST(MonitoringConfig, a_lookback_window_of_zero_means_every_point) {
  const MonitoringConfig c = parse_monitoring_config_json(
      R"({"anomaly_detection": {"z_score": {"lookback_window": 0}}})");
  EXPECT_TRUE(c.warnings.empty());
  EXPECT_EQ(c.anomaly_detection.z_score.lookback_window, 0);
}

TEST(MonitoringConfig, invalid_values_are_dropped_and_defaults_kept) {
  const MonitoringConfig c = parse_monitoring_config_json(R"({
    "thresholds": {"default": {"good": "high", "pass": 0.55},
                   "per_source": {"Beacon": 0.9, "Sable": {"good": null, "pass": true}}},
    "anomaly_detection": {"enabled": "yes", "min_data_points": 1.5,
      "z_score": {"threshold": -1, "severity": "loud", "lookback_window": 1, "metrics": ["a", 3, ""]},
      "moving_average": {"window_size": 0, "deviation_threshold": 0, "enabled": 1},
      "rate_of_change": "fast"}})");
  EXPECT_DOUBLE_EQ(c.thresholds.good, 0.7);
  EXPECT_DOUBLE_EQ(c.thresholds.pass, 0.55);
  EXPECT_EQ(c.per_source.count("Beacon"), 0u);
  EXPECT_DOUBLE_EQ(c.thresholds_for("Sable").good, 0.7);   // null = not set
  EXPECT_DOUBLE_EQ(c.thresholds_for("Sable").pass, 0.55);
  const AnomalyDetection& a = c.anomaly_detection;
  EXPECT_FALSE(a.enabled);
  EXPECT_EQ(a.min_data_points, 5);
  EXPECT_DOUBLE_EQ(a.z_score.threshold, 2.0);
  EXPECT_EQ(a.z_score.severity, "warning");
  EXPECT_EQ(a.z_score.lookback_window, 20);
  EXPECT_EQ(a.z_score.metrics, std::vector<std::string>{"a"});
  EXPECT_EQ(a.moving_average.window_size, 5);
  EXPECT_DOUBLE_EQ(a.moving_average.deviation_threshold, 0.15);
  EXPECT_TRUE(a.moving_average.enabled);
  EXPECT_DOUBLE_EQ(a.rate_of_change.threshold, 0.3);
  for (const char* key :
       {"thresholds.default.good", "thresholds.per_source.Beacon", "thresholds.per_source.Sable.pass",
        "anomaly_detection.enabled", "anomaly_detection.min_data_points",
        "anomaly_detection.z_score.threshold", "anomaly_detection.z_score.severity",
        "anomaly_detection.z_score.lookback_window", "anomaly_detection.z_score.metrics",
        "anomaly_detection.moving_average.window_size",
        "anomaly_detection.moving_average.deviation_threshold",
        "anomaly_detection.moving_average.enabled", "anomaly_detection.rate_of_change"}) {
    EXPECT_TRUE(warned(c, key)) << key;
  }
  EXPECT_EQ(c.warnings.size(), 14u);  // the metrics list warns for each of its two bad items
}

TEST(MonitoringConfig, min_data_points_below_three_is_raised_to_three) {
  const auto c = parse_monitoring_config_json(R"({"anomaly_detection": {"min_data_points": 2}})");
  EXPECT_EQ(c.anomaly_detection.min_data_points, 3);
  EXPECT_TRUE(c.warnings.empty());
}

TEST(MonitoringConfig, text_that_is_not_a_json_object_gives_the_defaults_with_a_warning) {
  for (const char* text : {"not json", "[1, 2]"}) {
    const auto c = parse_monitoring_config_json(text);
    EXPECT_DOUBLE_EQ(c.thresholds.good, 0.7);
    EXPECT_EQ(c.warnings.size(), 1u);
  }
}

TEST(MonitoringConfig, read_from_monitoring_db_yaml_through_the_settings_loader) {
  config::testing::ConfigSandbox box;
  box.yaml("monitoring_db.yaml", R"(monitoring_db:
  thresholds:
    default: {good: 0.75}
    per_source:
      Juniper: {pass: 0.65}
  anomaly_detection:
    enabled: true
    min_data_points: 4
    z_score: {threshold: 2.5, metrics: [faithfulness]}
    rate_of_change: {severity: critical}
)");
  const MonitoringConfig c = parse_monitoring_config(box.load().monitoring_db);
  EXPECT_TRUE(c.warnings.empty());
  EXPECT_DOUBLE_EQ(c.thresholds.good, 0.75);
  EXPECT_DOUBLE_EQ(c.thresholds.pass, 0.5);
  EXPECT_DOUBLE_EQ(c.thresholds_for("Juniper").good, 0.75);
  EXPECT_DOUBLE_EQ(c.thresholds_for("Juniper").pass, 0.65);
  EXPECT_TRUE(c.anomaly_detection.enabled);
  EXPECT_EQ(c.anomaly_detection.min_data_points, 4);
  EXPECT_DOUBLE_EQ(c.anomaly_detection.z_score.threshold, 2.5);
  EXPECT_EQ(c.anomaly_detection.z_score.metrics, std::vector<std::string>{"faithfulness"});
  EXPECT_EQ(c.anomaly_detection.rate_of_change.severity, "critical");
  EXPECT_EQ(c.anomaly_detection.moving_average.window_size, 5);
}

}  // namespace
}  // namespace axis::monitoring
