#include <gtest/gtest.h>

#include "monitoring/alerts.h"
#include "monitoring/alerts_anomaly.h"
#include "analytics_fixture.h"

namespace axis::monitoring {
namespace {

using testing::AnalyticsFixture;
using Ids = std::vector<std::string>;

AnomalyDetection detection() {
  AnomalyDetection a;
  a.enabled = true;
  return a;  // min 5 points; z 2.0 over 20; moving average 5, 0.15; rate of change 0.3
}

TEST(AnomalySeries, ZScoreOfTheLastPointAgainstTheWindow) {
  // Five equal points then one off: the window (last point included) gives z = sqrt(5).
  AnomalyCheck c = check_series("m", {.5, .5, .5, .5, .5, .9}, detection());
  ASSERT_TRUE(c.checked);
  ASSERT_TRUE(c.z_score.has_value());
  EXPECT_NEAR(*c.z_score, 2.2360679774997896, 1e-9);
  EXPECT_TRUE(c.z_fired);

  // Over all ten points the mean is .54 and the population std .28: z = .36 / .28.
  const std::vector<double> series = {.9, .1, .9, .1, .5, .5, .5, .5, .5, .9};
  AnomalyDetection all = detection();
  all.z_score.lookback_window = 0;
  c = check_series("m", series, all);
  EXPECT_NEAR(*c.z_score, 0.36 / 0.28, 1e-9);
  EXPECT_FALSE(c.z_fired);
  AnomalyDetection six = detection();
  six.z_score.lookback_window = 6;  // the last six: .5 x5 and .9 again
  EXPECT_TRUE(check_series("m", series, six).z_fired);
}

TEST(AnomalySeries, ConstantWindowSkipsTheZScore) {
  const AnomalyCheck c = check_series("m", {.5, .5, .5, .5, .5}, detection());
  EXPECT_TRUE(c.checked);
  EXPECT_FALSE(c.z_score.has_value());
  EXPECT_FALSE(c.z_fired);
  EXPECT_FALSE(c.moving_average_fired);
  EXPECT_FALSE(c.rate_of_change_fired);
}

TEST(AnomalySeries, MovingAverageOfThePointsBeforeTheLast) {
  AnomalyCheck c = check_series("m", {.8, .8, .8, .8, .8, .6}, detection());
  EXPECT_NEAR(*c.moving_average, 0.8, 1e-12);
  EXPECT_NEAR(*c.moving_average_deviation, -0.2, 1e-12);
  EXPECT_TRUE(c.moving_average_fired);
  c = check_series("m", {.8, .8, .8, .8, .8, .7}, detection());
  EXPECT_FALSE(c.moving_average_fired);  // |−.1| ≤ .15

  // The window is min(window_size, points − 1): here the 4 points before the last.
  AnomalyDetection wide = detection();
  wide.moving_average.window_size = 10;
  c = check_series("m", {.2, .4, .6, .8, .9}, wide);
  EXPECT_EQ(c.moving_average_window, 4u);
  EXPECT_NEAR(*c.moving_average, 0.5, 1e-12);
  EXPECT_TRUE(c.moving_average_fired);  // .9 − .5 = .4
}

TEST(AnomalySeries, RateOfChangeFromThePreviousPoint) {
  AnomalyCheck c = check_series("m", {.5, .5, .5, .5, .5, .9}, detection());
  EXPECT_NEAR(*c.rate_of_change, 0.4, 1e-12);
  EXPECT_TRUE(c.rate_of_change_fired);
  c = check_series("m", {.5, .5, .5, .5, .5, .7}, detection());
  EXPECT_FALSE(c.rate_of_change_fired);  // .2 ≤ .3
}

TEST(AnomalySeries, TooFewPointsOrRulesOff) {
  AnomalyCheck c = check_series("m", {.1, .9, .1, .9}, detection());  // 4 < 5
  EXPECT_FALSE(c.checked);
  EXPECT_FALSE(c.rate_of_change.has_value());

  AnomalyDetection off = detection();
  off.rate_of_change.enabled = false;
  off.moving_average.enabled = false;
  off.z_score.metrics = {"other"};
  c = check_series("relevance_score", {.5, .5, .5, .5, .5, .9}, off);
  EXPECT_FALSE(c.z_score.has_value());
  EXPECT_FALSE(c.rate_of_change.has_value());
  off.z_score.metrics = {"relevance"};  // matches the column relevance_score
  EXPECT_TRUE(check_series("relevance_score", {.5, .5, .5, .5, .5, .9}, off).z_fired);
}

// Two sources. alpha: scores .6 x4, latency 100..400, no errors.
// beta: scores .9 .4 .4 .9, latencies 500 1500 2000 3000, one row of four with errors.
class Alerts : public ::testing::Test {
 protected:
  Alerts() {
    fx_.add("thresholds",
            "SELECT 'r' || o AS dataset_id, TIMESTAMP '2026-01-05 10:00:00' + o * INTERVAL 1 HOUR "
            "AS timestamp, src AS source_name, 'prod' AS environment, 'SCORE' AS metric_category, "
            "'relevance' AS metric_name, CAST(s AS DOUBLE) AS metric_score, "
            "CAST(lat AS DOUBLE) AS latency, err AS has_errors FROM (VALUES "
            "(1, 'alpha', .6, 100, false), (2, 'alpha', .6, 200, false), "
            "(3, 'alpha', .6, 300, false), (4, 'alpha', .6, 400, false), "
            "(5, 'beta', .9, 500, false), (6, 'beta', .4, 1500, true), "
            "(7, 'beta', .4, 2000, false), (8, 'beta', .9, 3000, false)"
            ") v(o, src, s, lat, err)");
  }

  AlertsResult alerts(const MonitoringConfig& config, AnalyticsRequest r = {}) {
    return compute_alerts(fx_.catalog(), r, config, "daily");
  }

  static Ids ids(const AlertsResult& result) {
    Ids out;
    for (const Alert& a : result.alerts) out.push_back(a.id);
    return out;
  }

  AnalyticsFixture fx_;
};

TEST_F(Alerts, ThresholdAlertsPerSource) {
  const AlertsResult result = alerts(MonitoringConfig{});
  EXPECT_EQ(result.dataset_id, "thresholds");
  // Errors first, then warnings.
  EXPECT_EQ(ids(result), (Ids{"low-pass-rate:beta", "high-error-rate:beta", "low-score:alpha",
                              "low-score:beta", "high-latency:beta"}));
  const auto& a = result.alerts;
  EXPECT_EQ(a[0].severity, "error");
  EXPECT_EQ(a[0].kind, "threshold");
  EXPECT_EQ(a[0].source_name, "beta");
  EXPECT_NEAR(a[0].value, 50.0, 1e-9);
  EXPECT_EQ(a[0].threshold, 70.0);
  EXPECT_EQ(a[0].message, "Pass rate 50.0% is below 70% (a score passes at 0.50) for beta");
  EXPECT_NEAR(a[1].value, 25.0, 1e-9);
  EXPECT_EQ(a[2].severity, "warning");
  EXPECT_NEAR(a[2].value, 0.6, 1e-12);
  EXPECT_EQ(a[2].threshold, 0.7);
  EXPECT_NEAR(a[4].value, 2850.0, 1e-9);  // 2000 + .85 * 1000
  EXPECT_FALSE(a[4].metric.has_value());
  EXPECT_FALSE(a[4].timestamp.has_value());

  const auto& sources = result.sources;
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(sources[0].source_name, "alpha");
  EXPECT_EQ(sources[0].scores, 4);
  EXPECT_NEAR(sources[0].pass_rate, 100.0, 1e-9);
  EXPECT_NEAR(sources[1].avg_score, 0.65, 1e-12);
  EXPECT_EQ(sources[1].rows, 4);
  EXPECT_NEAR(sources[1].error_rate, 25.0, 1e-9);
  EXPECT_FALSE(result.anomaly_detection.enabled);
  EXPECT_EQ(result.anomaly_detection.granularity, "daily");
  EXPECT_TRUE(result.anomaly_detection.metrics.empty());
}

TEST_F(Alerts, PerSourceThresholdsOverrideTheDefault) {
  MonitoringConfig config;
  config.per_source["alpha"] = {0.5, 0.7};  // good .5: .6 is fine; pass .7: no .6 passes
  const AlertsResult result = alerts(config);
  EXPECT_EQ(ids(result), (Ids{"low-pass-rate:alpha", "low-pass-rate:beta", "high-error-rate:beta",
                              "low-score:beta", "high-latency:beta"}));
  EXPECT_NEAR(result.alerts[0].value, 0.0, 1e-12);
  EXPECT_EQ(result.sources[0].thresholds.good, 0.5);
  EXPECT_EQ(result.sources[0].thresholds.pass, 0.7);
  EXPECT_EQ(result.sources[1].thresholds.pass, 0.5);
}

TEST_F(Alerts, FiltersNarrowTheRows) {
  AnalyticsRequest r;
  r.filters.source_name = "alpha";
  EXPECT_EQ(ids(alerts(MonitoringConfig{}, r)), (Ids{"low-score:alpha"}));
}

TEST(AlertsAnomaly, FiresOnTheDailyTrendOfEachMetric) {
  // relevance per day: .8 .8 .8 .8 .8 then .3; coherence .8 every day.
  AnalyticsFixture fx;
  fx.add("series",
         "SELECT 'r' || d AS dataset_id, TIMESTAMP '2026-01-05 09:00:00' + d * INTERVAL 1 DAY "
         "AS timestamp, 'alpha' AS source_name, m AS metric_name, "
         "CAST(CASE WHEN d = 5 AND m = 'relevance' THEN .3 ELSE .8 END AS DOUBLE) AS metric_score,"
         " 100.0 AS latency, false AS has_errors "
         "FROM range(6) t(d), (VALUES ('relevance'), ('coherence')) v(m)");
  MonitoringConfig config;
  config.anomaly_detection = detection();
  AnalyticsRequest r;
  r.filters.metric_category = "SCORE";  // no category column: every row is a score
  const AlertsResult result = compute_alerts(fx.catalog(), r, config, "daily");
  std::vector<Alert> anomalies;
  for (const Alert& a : result.alerts) {
    if (a.kind == "anomaly") anomalies.push_back(a);
  }
  ASSERT_EQ(anomalies.size(), 3u);
  EXPECT_EQ(anomalies[0].type, "rate-of-change");  // severity error sorts first
  EXPECT_EQ(anomalies[0].severity, "error");
  EXPECT_NEAR(anomalies[0].value, -0.5, 1e-9);
  EXPECT_EQ(anomalies[1].type, "z-score");
  EXPECT_NEAR(anomalies[1].value, -2.2360679774997896, 1e-9);
  EXPECT_EQ(anomalies[1].metric, "relevance");
  EXPECT_EQ(anomalies[1].timestamp, "2026-01-10T00:00:00Z");
  EXPECT_EQ(anomalies[2].type, "moving-average");
  EXPECT_NEAR(anomalies[2].value, -0.5, 1e-9);

  const auto& evaluated = result.anomaly_detection.metrics;
  ASSERT_EQ(evaluated.size(), 2u);
  EXPECT_EQ(evaluated[0].metric, "coherence");
  EXPECT_EQ(evaluated[0].check.points, 6u);
  EXPECT_EQ(evaluated[0].last_timestamp, "2026-01-10T00:00:00Z");
  EXPECT_FALSE(evaluated[0].check.z_score.has_value());  // constant series
  EXPECT_NEAR(*evaluated[0].check.rate_of_change, 0.0, 1e-12);

  config.anomaly_detection.min_data_points = 7;  // six days are too few
  const AlertsResult few = compute_alerts(fx.catalog(), r, config, "daily");
  for (const Alert& a : few.alerts) EXPECT_NE(a.kind, "anomaly");
  EXPECT_EQ(few.anomaly_detection.min_data_points, 7);
  EXPECT_FALSE(few.anomaly_detection.metrics[1].check.checked);
}

}  // namespace
}  // namespace axis::monitoring
