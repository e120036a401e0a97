// Monitoring analytics on the fixture datasets of analytics_fixture.h; every expected value is
// worked out by hand from the rows listed there.
#include <gtest/gtest.h>

#include "analytics_fixture.h"
#include "monitoring/monitoring_analytics.h"
#include "util/http_error.h"

namespace axis::monitoring {
namespace {

using testing::AnalyticsFixture;
using testing::parse;
using Json = nlohmann::json;

class MonitoringAnalytics : public ::testing::Test {
 protected:
  MonitoringAnalytics() {
    fx_.add_wide();
    fx_.add_long();  // newest: the default dataset
  }
  AnalyticsRequest request(const std::string& id = "") { return {id, {}, {}}; }
  const datasets::DatasetCatalog& catalog() { return fx_.catalog(); }

  AnalyticsFixture fx_;
};

TEST(MonitoringAnalyticsEmpty, NoDatasetIs404) {
  AnalyticsFixture fx;
  try {
    summary_json(fx.catalog(), {});
    FAIL() << "expected a 404";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_STREQ(e.what(), "No monitoring data yet: upload a monitoring CSV or load the example");
  }
}

TEST_F(MonitoringAnalytics, UnknownOrForeignDatasetIs404) {
  fx_.add("evalset", "SELECT 1 AS x", "evaluation");
  for (const char* id : {"nope", "evalset"}) {
    try {
      summary_json(catalog(), request(id));
      FAIL() << "expected a 404 for " << id;
    } catch (const util::HttpError& e) {
      EXPECT_EQ(e.status(), 404);
    }
  }
}

TEST_F(MonitoringAnalytics, SummaryOverScoredRows) {
  // Scores .9 .6 .4 .8 .7 .2 .5 1.0; latencies of the scored rows 100 100 200 200 300 300 1000 400.
  const Json k = parse(summary_json(catalog(), request()))["kpis"];
  EXPECT_EQ(k["total_records"], 8);
  EXPECT_NEAR(k["avg_score"].get<double>(), 5.1 / 8, 1e-12);
  EXPECT_NEAR(k["pass_rate"].get<double>(), 75.0, 1e-9);
  EXPECT_NEAR(k["p50_latency"].get<double>(), 250.0, 1e-9);  // between 200 and 300
  EXPECT_NEAR(k["p95_latency"].get<double>(), 790.0, 1e-9);  // 400 + .65 * 600
  EXPECT_NEAR(k["p99_latency"].get<double>(), 958.0, 1e-9);  // 400 + .93 * 600
}

TEST_F(MonitoringAnalytics, SummaryFilters) {
  AnalyticsRequest r = request();
  r.filters.metric_name = "relevance";  // .9 .4 .7 .5 1.0, latencies 100 200 300 1000 400
  Json k = parse(summary_json(catalog(), r))["kpis"];
  EXPECT_EQ(k["total_records"], 5);
  EXPECT_NEAR(k["avg_score"].get<double>(), 0.7, 1e-12);
  EXPECT_NEAR(k["pass_rate"].get<double>(), 80.0, 1e-9);
  EXPECT_NEAR(k["p50_latency"].get<double>(), 300.0, 1e-9);
  EXPECT_NEAR(k["p95_latency"].get<double>(), 880.0, 1e-9);

  r = request();
  r.filters.environment = "dev";  // .7 .2 .5
  k = parse(summary_json(catalog(), r))["kpis"];
  EXPECT_EQ(k["total_records"], 3);
  EXPECT_NEAR(k["pass_rate"].get<double>(), 200.0 / 3, 1e-9);

  r = request();
  r.filters.time_start = "2026-01-05T12:00:00+01:00";  // 11:00 UTC
  r.filters.time_end = "2026-01-11T23:59:00Z";         // inclusive: r4 counts
  k = parse(summary_json(catalog(), r))["kpis"];
  EXPECT_EQ(k["total_records"], 3);  // r3 .7 .2, r4 .5
  EXPECT_NEAR(k["avg_score"].get<double>(), 1.4 / 3, 1e-12);

  r = request();
  r.visible_metrics = {"coherence"};
  EXPECT_EQ(parse(summary_json(catalog(), r))["kpis"]["total_records"], 3);

  r = request();
  r.filters.source_name = "nobody";
  k = parse(summary_json(catalog(), r))["kpis"];
  EXPECT_EQ(k, Json::parse(R"({"total_records":0,"avg_score":0.0,"pass_rate":0.0,
      "p50_latency":0.0,"p95_latency":0.0,"p99_latency":0.0})"));
}

TEST_F(MonitoringAnalytics, WideSummaryCountsEveryScoreColumn) {
  // Scores .8 .6 .4 .9 .3; latencies 100 200 300.
  Json k = parse(summary_json(catalog(), request("wide")))["kpis"];
  EXPECT_EQ(k["total_records"], 5);
  EXPECT_NEAR(k["avg_score"].get<double>(), 0.6, 1e-12);
  EXPECT_NEAR(k["pass_rate"].get<double>(), 60.0, 1e-9);
  EXPECT_NEAR(k["p50_latency"].get<double>(), 200.0, 1e-9);

  AnalyticsRequest r = request("wide");
  r.filters.metric_name = "relevance";  // matches relevance_score
  k = parse(summary_json(catalog(), r))["kpis"];
  EXPECT_EQ(k["total_records"], 3);
  EXPECT_NEAR(k["avg_score"].get<double>(), 0.7, 1e-12);
  r = request("wide");
  r.visible_metrics = {"accuracy_score"};
  k = parse(summary_json(catalog(), r))["kpis"];
  EXPECT_EQ(k["total_records"], 2);
  EXPECT_NEAR(k["avg_score"].get<double>(), 0.45, 1e-12);
}

TEST_F(MonitoringAnalytics, DailyTrends) {
  const Json t = parse(trends_json(catalog(), request(), "daily"));
  EXPECT_EQ(t["granularity"], "daily");
  EXPECT_EQ(t["metrics"], Json::parse(R"(["coherence","relevance"])"));
  const Json& d = t["data"];
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0]["timestamp"], "2026-01-05T00:00:00Z");
  EXPECT_EQ(d[0]["metric"], "coherence");  // .6 .8 .2
  EXPECT_NEAR(d[0]["avg"].get<double>(), 1.6 / 3, 1e-12);
  EXPECT_NEAR(d[0]["p50"].get<double>(), 0.6, 1e-12);
  EXPECT_NEAR(d[0]["p95"].get<double>(), 0.78, 1e-12);
  EXPECT_NEAR(d[0]["p99"].get<double>(), 0.796, 1e-12);
  EXPECT_EQ(d[0]["count"], 3);
  EXPECT_EQ(d[1]["metric"], "relevance");  // .9 .4 .7
  EXPECT_NEAR(d[1]["p95"].get<double>(), 0.88, 1e-12);
  EXPECT_EQ(d[2]["timestamp"], "2026-01-11T00:00:00Z");
  EXPECT_EQ(d[2]["count"], 1);
  EXPECT_EQ(d[3]["timestamp"], "2026-01-12T00:00:00Z");
  EXPECT_NEAR(d[3]["avg"].get<double>(), 1.0, 1e-12);
}

TEST_F(MonitoringAnalytics, HourlyTrends) {
  const Json d = parse(trends_json(catalog(), request(), "hourly"))["data"];
  ASSERT_EQ(d.size(), 6u);
  EXPECT_EQ(d[0]["timestamp"], "2026-01-05T10:00:00Z");  // 10:15 and 10:45
  EXPECT_NEAR(d[0]["avg"].get<double>(), 0.7, 1e-12);     // coherence .6 .8
  EXPECT_NEAR(d[1]["avg"].get<double>(), 0.65, 1e-12);    // relevance .9 .4
  EXPECT_EQ(d[2]["timestamp"], "2026-01-05T11:00:00Z");
  EXPECT_EQ(d[4]["timestamp"], "2026-01-11T23:00:00Z");
  EXPECT_EQ(d[5]["timestamp"], "2026-01-12T00:00:00Z");
}

TEST_F(MonitoringAnalytics, WeeklyTrendsStartOnMonday) {
  // 2026-01-05 is a Monday: Sunday 2026-01-11 23:59 is still in its week, Monday the 12th is not.
  const Json d = parse(trends_json(catalog(), request(), "weekly"))["data"];
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[1]["timestamp"], "2026-01-05T00:00:00Z");
  EXPECT_EQ(d[1]["metric"], "relevance");  // .9 .4 .7 .5
  EXPECT_EQ(d[1]["count"], 4);
  EXPECT_NEAR(d[1]["avg"].get<double>(), 0.625, 1e-12);
  EXPECT_EQ(d[2]["timestamp"], "2026-01-12T00:00:00Z");
}

TEST_F(MonitoringAnalytics, WideTrendsPerScoreColumn) {
  const Json t = parse(trends_json(catalog(), request("wide"), "daily"));
  EXPECT_EQ(t["metrics"], Json::parse(R"(["accuracy_score","relevance_score"])"));
  ASSERT_EQ(t["data"].size(), 4u);
  EXPECT_EQ(t["data"][1]["metric"], "relevance_score");
  EXPECT_NEAR(t["data"][1]["avg"].get<double>(), 0.6, 1e-12);  // .8 .4
  EXPECT_EQ(t["data"][1]["count"], 2);
}

TEST_F(MonitoringAnalytics, LatencyHistogramEdgesAndClamping) {
  // Latencies 100 100 200 200 300 300 1000 1000 400; min 100, max 1000, 5 bins of 180.
  const Json h = parse(latency_distribution_json(catalog(), request(), 5, std::nullopt));
  EXPECT_EQ(h["histogram"]["counts"], Json::parse("[4,3,0,0,2]"));  // 1000 clamps into bin 5
  const Json& edges = h["histogram"]["edges"];
  ASSERT_EQ(edges.size(), 6u);
  const double expected[] = {100, 280, 460, 640, 820, 1000};
  for (int i = 0; i < 6; ++i) EXPECT_NEAR(edges[i].get<double>(), expected[i], 1e-9);
  EXPECT_NEAR(h["percentiles"]["p50"].get<double>(), 300.0, 1e-9);
  EXPECT_NEAR(h["percentiles"]["p95"].get<double>(), 1000.0, 1e-9);
  EXPECT_TRUE(h["by_group"].is_null());
}

TEST_F(MonitoringAnalytics, LatencyHistogramByGroupSharesEdges) {
  const Json h = parse(latency_distribution_json(catalog(), request(), 5, "source_name"));
  const Json& g = h["by_group"];
  EXPECT_EQ(g["alpha"]["counts"], Json::parse("[4,1,0,0,0]"));  // 100 100 200 200 400
  EXPECT_NEAR(g["alpha"]["percentiles"]["p50"].get<double>(), 200.0, 1e-9);
  EXPECT_NEAR(g["alpha"]["percentiles"]["p95"].get<double>(), 360.0, 1e-9);
  EXPECT_NEAR(g["alpha"]["percentiles"]["p99"].get<double>(), 392.0, 1e-9);
  EXPECT_EQ(g["beta"]["counts"], Json::parse("[0,2,0,0,2]"));  // 300 300 1000 1000
  EXPECT_NEAR(g["beta"]["percentiles"]["p50"].get<double>(), 650.0, 1e-9);
}

TEST_F(MonitoringAnalytics, LatencyHistogramWhenMaxEqualsMin) {
  AnalyticsRequest r = request();
  r.filters.time_end = "2026-01-05T10:20:00Z";  // r1's two rows, both 100 ms
  const Json h = parse(latency_distribution_json(catalog(), r, 5, std::nullopt));
  EXPECT_EQ(h["histogram"]["counts"], Json::parse("[2,0,0,0,0]"));
  EXPECT_NEAR(h["histogram"]["edges"][0].get<double>(), 100.0, 1e-12);
  EXPECT_NEAR(h["histogram"]["edges"][1].get<double>(), 100.2, 1e-12);  // range widened to 101
  EXPECT_NEAR(h["histogram"]["edges"][5].get<double>(), 101.0, 1e-12);

  r.filters.source_name = "nobody";
  const Json empty = parse(latency_distribution_json(catalog(), r, 5, "environment"));
  EXPECT_EQ(empty["histogram"]["counts"], Json::array());
  EXPECT_EQ(empty["by_group"], Json::object());
}

TEST_F(MonitoringAnalytics, ClassDistributionPerGroup) {
  const Json c = parse(class_distribution_json(catalog(), request(), "relevance", "environment"));
  EXPECT_EQ(c["metric"], "relevance");
  EXPECT_EQ(c["group_by"], "environment");
  const Json& d = c["data"];
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0]["group"], "dev");  // .7 .5
  EXPECT_EQ(d[0]["values"], Json::parse("[0.5,0.7]"));
  EXPECT_NEAR(d[0]["stats"]["mean"].get<double>(), 0.6, 1e-12);
  EXPECT_NEAR(d[0]["stats"]["std"].get<double>(), 0.1414213562373095, 1e-12);
  EXPECT_EQ(d[1]["group"], "prod");  // .9 .4 1.0
  EXPECT_EQ(d[1]["values"], Json::parse("[0.4,0.9,1.0]"));
  EXPECT_NEAR(d[1]["stats"]["std"].get<double>(), 0.32145502536643183, 1e-12);
  EXPECT_NEAR(d[1]["stats"]["median"].get<double>(), 0.9, 1e-12);
  EXPECT_NEAR(d[1]["stats"]["min"].get<double>(), 0.4, 1e-12);
  EXPECT_NEAR(d[1]["stats"]["max"].get<double>(), 1.0, 1e-12);
  EXPECT_EQ(d[1]["stats"]["count"], 3);

  const Json one =
      parse(class_distribution_json(catalog(), request("wide"), "accuracy", "source_name"));
  ASSERT_EQ(one["data"].size(), 2u);
  EXPECT_EQ(one["data"][0]["stats"]["std"], 0.0);  // a single value
}

TEST_F(MonitoringAnalytics, MetricBreakdown) {
  Json m = parse(metric_breakdown_json(catalog(), request(), 0.5, std::nullopt))["metrics"];
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0]["name"], "coherence");  // .6 .8 .2
  EXPECT_NEAR(m[0]["pass_rate"].get<double>(), 200.0 / 3, 1e-9);
  EXPECT_NEAR(m[0]["avg"].get<double>(), 1.6 / 3, 1e-12);
  EXPECT_EQ(m[0]["count"], 3);
  EXPECT_TRUE(m[0]["by_group"].is_null());
  EXPECT_NEAR(m[1]["pass_rate"].get<double>(), 80.0, 1e-9);  // .9 .4 .7 .5 1.0

  m = parse(metric_breakdown_json(catalog(), request(), 0.75, "environment"))["metrics"];
  EXPECT_NEAR(m[1]["pass_rate"].get<double>(), 40.0, 1e-9);  // .9 and 1.0
  EXPECT_NEAR(m[1]["by_group"]["prod"]["pass_rate"].get<double>(), 200.0 / 3, 1e-9);
  EXPECT_EQ(m[1]["by_group"]["prod"]["count"], 3);
  EXPECT_NEAR(m[1]["by_group"]["dev"]["pass_rate"].get<double>(), 0.0, 1e-9);  // .7 .5

  m = parse(metric_breakdown_json(catalog(), request("wide"), 0.5, std::nullopt))["metrics"];
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0]["name"], "accuracy_score");  // .6 .3
  EXPECT_NEAR(m[0]["pass_rate"].get<double>(), 50.0, 1e-9);
  EXPECT_NEAR(m[0]["avg"].get<double>(), 0.45, 1e-12);
}

TEST_F(MonitoringAnalytics, CorrelationPairsScoresPerRecord) {
  // Records with both metrics: r1 (.9,.6), r2 (.4,.8), r3 (.7,.2).
  Json c = parse(correlation_json(catalog(), request(), {"relevance", "coherence"}));
  EXPECT_EQ(c["metrics"], Json::parse(R"(["relevance","coherence"])"));
  EXPECT_NEAR(c["matrix"][0][0].get<double>(), 1.0, 1e-12);
  EXPECT_NEAR(c["matrix"][0][1].get<double>(), -0.4335549847620599, 1e-9);
  EXPECT_NEAR(c["matrix"][1][0].get<double>(), -0.4335549847620599, 1e-9);

  c = parse(correlation_json(catalog(), request(), {"relevance", "missing"}));
  EXPECT_EQ(c["matrix"], Json::array());
  EXPECT_EQ(c["metrics"], Json::array());

  // Wide rows with both: w1 (.8,.6), w3 (.9,.3): a perfect negative line.
  c = parse(correlation_json(catalog(), request("wide"), {"relevance", "accuracy_score"}));
  EXPECT_NEAR(c["matrix"][0][1].get<double>(), -1.0, 1e-9);
}

TEST_F(MonitoringAnalytics, ClassificationBreakdown) {
  Json m = parse(classification_breakdown_json(catalog(), request(), "explanation"))["metrics"];
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0]["metric_name"], "sentiment");
  EXPECT_EQ(m[0]["total_count"], 3);
  // c3 has no explanation: its actual_output is the label.
  EXPECT_EQ(m[0]["categories"], Json::parse(R"([
    {"value":"positive","count":2,"percentage":66.7},
    {"value":"negative","count":1,"percentage":33.3}])"));
  m = parse(classification_breakdown_json(catalog(), request(), "actual_output"))["metrics"];
  EXPECT_EQ(m[0]["categories"][0], Json::parse(R"({"value":"o10","count":1,"percentage":33.3})"));
  try {
    classification_breakdown_json(catalog(), request(), "no_such_column");
    FAIL() << "expected a 400";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 400);
  }
}

TEST_F(MonitoringAnalytics, ClassificationTrends) {
  const Json t = parse(
      classification_trends_json(catalog(), request(), "sentiment", "daily", "explanation"));
  EXPECT_EQ(t["unique_categories"], Json::parse(R"(["negative","positive"])"));
  EXPECT_EQ(t["data"], Json::parse(R"([
    {"timestamp":"2026-01-06T00:00:00Z","categories":{"negative":1,"positive":1}},
    {"timestamp":"2026-01-07T00:00:00Z","categories":{"positive":1}}])"));
  EXPECT_EQ(t["metric_name"], "sentiment");
  EXPECT_EQ(t["granularity"], "daily");
}

TEST_F(MonitoringAnalytics, AnalysisInsightsNewestFirstPaged) {
  Json a = parse(analysis_insights_json(catalog(), request(), 1, 1));
  EXPECT_EQ(a["total_count"], 2);
  EXPECT_EQ(a["metric_names"], Json::parse(R"(["summary"])"));
  ASSERT_EQ(a["records"].size(), 1u);
  EXPECT_EQ(a["records"][0]["dataset_id"], "a2");
  EXPECT_EQ(a["records"][0]["timestamp"], "2026-01-08T08:00:00Z");
  EXPECT_EQ(a["records"][0]["signals"], "not json");  // kept as text
  EXPECT_EQ(a["records"][0]["source_info"],
            Json::parse(R"({"environment":"dev","source_name":"beta","source_component":"comp"})"));
  a = parse(analysis_insights_json(catalog(), request(), 2, 1));
  EXPECT_EQ(a["records"][0]["dataset_id"], "a1");
  EXPECT_EQ(a["records"][0]["signals"], Json::parse(R"({"topic":"billing"})"));
  EXPECT_EQ(a["page"], 2);
  EXPECT_EQ(a["limit"], 1);
}

}  // namespace
}  // namespace axis::monitoring
