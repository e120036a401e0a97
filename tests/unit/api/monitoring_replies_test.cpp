// The monitoring analytics replies: hand-built results and the exact text each one becomes
// (field order, null versus empty, number formatting, signals that are JSON or not).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "api/monitoring_replies.h"

namespace axis::api {
namespace {

using namespace axis::monitoring;

template <class Result>
std::string reply(const Result& result) {
  return MonitoringReplies().render(result);
}

TEST(MonitoringReplies, SummaryKeepsTheFieldOrderAndWritesDoublesAsDoubles) {
  const SummaryResult r{{8, 0.6375, 75.0, {250.0, 790.0, 957.9999999999999}}};
  EXPECT_EQ(reply(r),
            R"({"success":true,"kpis":{"total_records":8,"avg_score":0.6375,"pass_rate":75.0,)"
            R"("p50_latency":250.0,"p95_latency":790.0,"p99_latency":957.9999999999999}})");
}

TEST(MonitoringReplies, Trends) {
  TrendsResult r;
  r.points = {{"2026-01-05T00:00:00Z", "coherence", 1.6 / 3, {0.6, 0.78, 0.796}, 3}};
  r.metrics = {"coherence"};
  r.granularity = "daily";
  EXPECT_EQ(reply(r),
            R"({"success":true,"data":[{"timestamp":"2026-01-05T00:00:00Z","metric":"coherence",)"
            R"("avg":0.5333333333333333,"p50":0.6,"p95":0.78,"p99":0.796,"count":3}],)"
            R"("metrics":["coherence"],"granularity":"daily"})");
}

TEST(MonitoringReplies, LatencyDistributionWithoutValuesOrGroups) {
  LatencyDistributionResult r;
  EXPECT_EQ(reply(r),
            R"({"success":true,"histogram":{"counts":[],"edges":[]},)"
            R"("percentiles":{"p50":0.0,"p95":0.0,"p99":0.0},"by_group":null})");
  r.by_group.emplace();  // asked per group, none found
  EXPECT_NE(reply(r).find(R"("by_group":{}})"), std::string::npos);
  r.counts = {2, 0};
  r.edges = {100, 100.5, 101};
  (*r.by_group)["beta"] = {{0, 0}, {}};
  (*r.by_group)["alpha"] = {{2, 0}, {100, 100, 100}};
  EXPECT_EQ(reply(r),
            R"({"success":true,"histogram":{"counts":[2,0],"edges":[100.0,100.5,101.0]},)"
            R"("percentiles":{"p50":0.0,"p95":0.0,"p99":0.0},"by_group":{)"
            R"("alpha":{"counts":[2,0],"percentiles":{"p50":100.0,"p95":100.0,"p99":100.0}},)"
            R"("beta":{"counts":[0,0],"percentiles":{"p50":0.0,"p95":0.0,"p99":0.0}}}})");
}

TEST(MonitoringReplies, ClassDistribution) {
  ClassDistributionResult r{{{"dev", {0.5, 0.7}, {0.6, 0.1414213562373095, 0.5, 0.7, 0.6, 2}}},
                            "relevance", "environment"};
  EXPECT_EQ(reply(r),
            R"({"success":true,"data":[{"group":"dev","values":[0.5,0.7],"stats":{"mean":0.6,)"
            R"("std":0.1414213562373095,"min":0.5,"max":0.7,"median":0.6,"count":2}}],)"
            R"("metric":"relevance","group_by":"environment"})");
}

TEST(MonitoringReplies, MetricBreakdownGroupsOrNull) {
  MetricBreakdownResult r;
  r.metrics.push_back({"coherence", {200.0 / 3, 0.5, 3}, std::nullopt});
  r.metrics.push_back({"relevance", {40.0, 0.7, 5}, {{{"prod", {200.0 / 3, 0.8, 3}}}}});
  EXPECT_EQ(reply(r),
            R"({"success":true,"metrics":[{"name":"coherence","pass_rate":66.66666666666667,)"
            R"("avg":0.5,"count":3,"by_group":null},{"name":"relevance","pass_rate":40.0,)"
            R"("avg":0.7,"count":5,"by_group":{"prod":{"pass_rate":66.66666666666667,)"
            R"("avg":0.8,"count":3}}}]})");
}

TEST(MonitoringReplies, Correlation) {
  EXPECT_EQ(reply(CorrelationResult{}), R"({"success":true,"matrix":[],"metrics":[]})");
  const CorrelationResult r{{{1.0, -0.5}, {-0.5, 1.0}}, {"a", "b"}};
  EXPECT_EQ(reply(r),
            R"({"success":true,"matrix":[[1.0,-0.5],[-0.5,1.0]],"metrics":["a","b"]})");
}

TEST(MonitoringReplies, ClassificationBreakdownAndTrends) {
  ClassificationBreakdownResult b;
  b.metrics.push_back({std::nullopt, {{"positive", 2, 66.7}, {"negative", 1, 33.3}}, 3});
  EXPECT_EQ(reply(b),
            R"({"success":true,"metrics":[{"metric_name":null,"categories":[{"value":"positive",)"
            R"("count":2,"percentage":66.7},{"value":"negative","count":1,"percentage":33.3}],)"
            R"("total_count":3}]})");
  ClassificationTrendsResult t{{{"2026-01-06T00:00:00Z", {{"negative", 1}, {"positive", 1}}}},
                               "sentiment", "weekly", {"negative", "positive"}};
  EXPECT_EQ(reply(t),
            R"({"success":true,"data":[{"timestamp":"2026-01-06T00:00:00Z","categories":)"
            R"({"negative":1,"positive":1}}],"metric_name":"sentiment","granularity":"weekly",)"
            R"("unique_categories":["negative","positive"]})");
}

TEST(MonitoringReplies, InsightSignalsAreJsonWhenTheyParse) {
  AnalysisInsightsResult r;
  r.total_count = 4;
  r.page = 1;
  r.limit = 4;
  r.metric_names = {"summary"};
  InsightRecord json_object;
  json_object.dataset_id = "a1";
  json_object.signals = R"({"z": 1, "a": [true, null]})";  // key order kept
  InsightRecord text;
  text.signals = "not json";
  InsightRecord number;
  number.signals = "42";
  r.records = {json_object, text, number, InsightRecord{}};
  const std::string nulls =
      R"("explanation":null,"source_info":{"environment":null,"source_name":null,)"
      R"("source_component":null}})";
  EXPECT_EQ(reply(r),
            R"({"success":true,"records":[{"dataset_id":"a1","timestamp":null,"metric_name":null,)"
            R"("query":null,"actual_output":null,"signals":{"z":1,"a":[true,null]},)" + nulls +
                R"(,{"dataset_id":null,"timestamp":null,"metric_name":null,"query":null,)"
                R"("actual_output":null,"signals":"not json",)" + nulls +
                R"(,{"dataset_id":null,"timestamp":null,"metric_name":null,"query":null,)"
                R"("actual_output":null,"signals":42,)" + nulls +
                R"(,{"dataset_id":null,"timestamp":null,"metric_name":null,"query":null,)"
                R"("actual_output":null,"signals":null,)" + nulls +
                R"(],"total_count":4,"page":1,"limit":4,"metric_names":["summary"]})");
}

TEST(MonitoringReplies, TextThatIsNotUtf8IsReplaced) {
  const CorrelationResult r{{{1.0, 0.0}, {0.0, 1.0}}, {"ok", "bad\xff"}};
  EXPECT_EQ(reply(r),
            "{\"success\":true,\"matrix\":[[1.0,0.0],[0.0,1.0]],"
            "\"metrics\":[\"ok\",\"bad\xef\xbf\xbd\"]}");
}

TEST(MonitoringReplies, Alerts) {
  AlertsResult r;
  r.dataset_id = "d1";
  r.alerts.push_back({"low-score:alpha", "threshold", "low-score", "warning", std::nullopt,
                      "alpha", "Average score 0.600 is below the good threshold 0.70 for alpha",
                      0.6, 0.7, std::nullopt});
  SourceStats alpha;
  alpha.source_name = "alpha";
  alpha.scores = alpha.rows = alpha.latencies = 4;
  alpha.avg_score = 0.6;
  alpha.pass_rate = 100.0;
  alpha.p95_latency = 385.0;
  r.sources = {alpha};
  r.anomaly_detection = {true, "daily", 5, {}};
  AnomalyCheck check;
  check.points = 2;
  check.rate_of_change = 0.25;
  r.anomaly_detection.metrics.push_back({"relevance", "2026-01-06T00:00:00Z", check});
  EXPECT_EQ(reply(r),
            R"({"success":true,"alerts":[{"id":"low-score:alpha","kind":"threshold",)"
            R"("type":"low-score","severity":"warning","metric":null,"source_name":"alpha",)"
            R"("message":"Average score 0.600 is below the good threshold 0.70 for alpha",)"
            R"("value":0.6,"threshold":0.7,"timestamp":null}],"evaluated":{"dataset_id":"d1",)"
            R"("limits":{"pass_rate_min":70.0,"error_rate_max":5.0,"p95_latency_max":1000.0},)"
            R"("sources":[{"source_name":"alpha","good":0.7,"pass":0.5,"total_records":4,)"
            R"("avg_score":0.6,"pass_rate":100.0,"rows":4,"error_rate":0.0,"p95_latency":385.0}],)"
            R"("anomaly_detection":{"enabled":true,"granularity":"daily","min_data_points":5,)"
            R"("metrics":[{"metric":"relevance","points":2,)"
            R"("last_timestamp":"2026-01-06T00:00:00Z",)"
            R"("checked":false,"z_score":null,"moving_average":null,)"
            R"("moving_average_deviation":null,"rate_of_change":0.25}]}}})");
}

TEST(MonitoringReplies, AlertSettingsOfTheDbConfigReply) {
  const auto c = parse_monitoring_config_json(
      R"({"thresholds": {"per_source": {"Juniper": {"good": 0.9}}}})");
  EXPECT_EQ(thresholds_json(c), nlohmann::json::parse(R"({"default": {"good": 0.7, "pass": 0.5},
      "per_source": {"Juniper": {"good": 0.9, "pass": 0.5}}})"));
  EXPECT_EQ(anomaly_detection_json(c.anomaly_detection), nlohmann::json::parse(R"({
      "enabled": false, "min_data_points": 5,
      "z_score": {"enabled": true, "threshold": 2.0, "severity": "warning", "lookback_window": 20,
                  "metrics": []},
      "moving_average": {"enabled": true, "window_size": 5, "deviation_threshold": 0.15,
                         "severity": "warning"},
      "rate_of_change": {"enabled": true, "threshold": 0.3, "severity": "error"}})"));
}

}  // namespace
}  // namespace axis::api
