// Monitoring analytics on the fixture datasets of analytics_fixture.h; every expected value is
// worked out by hand from the rows listed there.
#include <gtest/gtest.h>

#include "analytics_fixture.h"
#include "monitoring/monitoring_analytics.h"
#include "util/http_error.h"

namespace axis::monitoring {
namespace {

using testing::AnalyticsFixture;
using Strings = std::vector<std::string>;

class MonitoringAnalytics : public ::testing::Test {
 protected:
  MonitoringAnalytics() {
    fx_.add_wide();
    fx_.add_long();  // newest: the default dataset
  }
  AnalyticsRequest request(const std::string& id = "") { return {id, {}, {}}; }
  const datasets::DatasetCatalog& catalog() { return fx_.catalog(); }
  ScoreKpis kpis(const AnalyticsRequest& r) { return compute_summary(catalog(), r).kpis; }

  AnalyticsFixture fx_;
};

TEST(MonitoringAnalyticsEmpty, NoDatasetIs404) {
  AnalyticsFixture fx;
  try {
    compute_summary(fx.catalog(), {});
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
      compute_summary(catalog(), request(id));
      FAIL() << "expected a 404 for " << id;
    } catch (const util::HttpError& e) {
      EXPECT_EQ(e.status(), 404);
    }
  }
}

TEST_F(MonitoringAnalytics, SummaryOverScoredRows) {
  // Scores .9 .6 .4 .8 .7 .2 .5 1.0; latencies of the scored rows 100 100 200 200 300 300 1000 400.
  const ScoreKpis k = kpis(request());
  EXPECT_EQ(k.total_records, 8);
  EXPECT_NEAR(k.avg_score, 5.1 / 8, 1e-12);
  EXPECT_NEAR(k.pass_rate, 75.0, 1e-9);
  EXPECT_NEAR(k.latency.p50, 250.0, 1e-9);  // between 200 and 300
  EXPECT_NEAR(k.latency.p95, 790.0, 1e-9);  // 400 + .65 * 600
  EXPECT_NEAR(k.latency.p99, 958.0, 1e-9);  // 400 + .93 * 600
}

TEST_F(MonitoringAnalytics, SummaryFilters) {
  AnalyticsRequest r = request();
  r.filters.metric_name = "relevance";  // .9 .4 .7 .5 1.0, latencies 100 200 300 1000 400
  ScoreKpis k = kpis(r);
  EXPECT_EQ(k.total_records, 5);
  EXPECT_NEAR(k.avg_score, 0.7, 1e-12);
  EXPECT_NEAR(k.pass_rate, 80.0, 1e-9);
  EXPECT_NEAR(k.latency.p50, 300.0, 1e-9);
  EXPECT_NEAR(k.latency.p95, 880.0, 1e-9);

  r = request();
  r.filters.environment = "dev";  // .7 .2 .5
  k = kpis(r);
  EXPECT_EQ(k.total_records, 3);
  EXPECT_NEAR(k.pass_rate, 200.0 / 3, 1e-9);

  r = request();
  r.filters.time_start = "2026-01-05T12:00:00+01:00";  // 11:00 UTC
  r.filters.time_end = "2026-01-11T23:59:00Z";         // inclusive: r4 counts
  k = kpis(r);
  EXPECT_EQ(k.total_records, 3);  // r3 .7 .2, r4 .5
  EXPECT_NEAR(k.avg_score, 1.4 / 3, 1e-12);

  r = request();
  r.visible_metrics = {"coherence"};
  EXPECT_EQ(kpis(r).total_records, 3);

  r = request();
  r.filters.source_name = "nobody";  // no rows: every figure 0
  k = kpis(r);
  EXPECT_EQ(k.total_records, 0);
  for (double v : {k.avg_score, k.pass_rate, k.latency.p50, k.latency.p95, k.latency.p99}) {
    EXPECT_EQ(v, 0.0);
  }
}

TEST_F(MonitoringAnalytics, WideSummaryCountsEveryScoreColumn) {
  // Scores .8 .6 .4 .9 .3; latencies 100 200 300.
  ScoreKpis k = kpis(request("wide"));
  EXPECT_EQ(k.total_records, 5);
  EXPECT_NEAR(k.avg_score, 0.6, 1e-12);
  EXPECT_NEAR(k.pass_rate, 60.0, 1e-9);
  EXPECT_NEAR(k.latency.p50, 200.0, 1e-9);

  AnalyticsRequest r = request("wide");
  r.filters.metric_name = "relevance";  // matches relevance_score
  k = kpis(r);
  EXPECT_EQ(k.total_records, 3);
  EXPECT_NEAR(k.avg_score, 0.7, 1e-12);
  r = request("wide");
  r.visible_metrics = {"accuracy_score"};
  k = kpis(r);
  EXPECT_EQ(k.total_records, 2);
  EXPECT_NEAR(k.avg_score, 0.45, 1e-12);
}

TEST_F(MonitoringAnalytics, DailyTrends) {
  const TrendsResult t = compute_trends(catalog(), request(), "daily");
  EXPECT_EQ(t.granularity, "daily");
  EXPECT_EQ(t.metrics, (Strings{"coherence", "relevance"}));
  const auto& d = t.points;
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].timestamp, "2026-01-05T00:00:00Z");
  EXPECT_EQ(d[0].metric, "coherence");  // .6 .8 .2
  EXPECT_NEAR(d[0].avg, 1.6 / 3, 1e-12);
  EXPECT_NEAR(d[0].score.p50, 0.6, 1e-12);
  EXPECT_NEAR(d[0].score.p95, 0.78, 1e-12);
  EXPECT_NEAR(d[0].score.p99, 0.796, 1e-12);
  EXPECT_EQ(d[0].count, 3);
  EXPECT_EQ(d[1].metric, "relevance");  // .9 .4 .7
  EXPECT_NEAR(d[1].score.p95, 0.88, 1e-12);
  EXPECT_EQ(d[2].timestamp, "2026-01-11T00:00:00Z");
  EXPECT_EQ(d[2].count, 1);
  EXPECT_EQ(d[3].timestamp, "2026-01-12T00:00:00Z");
  EXPECT_NEAR(d[3].avg, 1.0, 1e-12);
}

TEST_F(MonitoringAnalytics, HourlyTrends) {
  const auto d = compute_trends(catalog(), request(), "hourly").points;
  ASSERT_EQ(d.size(), 6u);
  EXPECT_EQ(d[0].timestamp, "2026-01-05T10:00:00Z");  // 10:15 and 10:45
  EXPECT_NEAR(d[0].avg, 0.7, 1e-12);                  // coherence .6 .8
  EXPECT_NEAR(d[1].avg, 0.65, 1e-12);                 // relevance .9 .4
  EXPECT_EQ(d[2].timestamp, "2026-01-05T11:00:00Z");
  EXPECT_EQ(d[4].timestamp, "2026-01-11T23:00:00Z");
  EXPECT_EQ(d[5].timestamp, "2026-01-12T00:00:00Z");
}

TEST_F(MonitoringAnalytics, WeeklyTrendsStartOnMonday) {
  // 2026-01-05 is a Monday: Sunday 2026-01-11 23:59 is still in its week, Monday the 12th is not.
  const auto d = compute_trends(catalog(), request(), "weekly").points;
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[1].timestamp, "2026-01-05T00:00:00Z");
  EXPECT_EQ(d[1].metric, "relevance");  // .9 .4 .7 .5
  EXPECT_EQ(d[1].count, 4);
  EXPECT_NEAR(d[1].avg, 0.625, 1e-12);
  EXPECT_EQ(d[2].timestamp, "2026-01-12T00:00:00Z");
}

TEST_F(MonitoringAnalytics, WideTrendsPerScoreColumn) {
  const TrendsResult t = compute_trends(catalog(), request("wide"), "daily");
  EXPECT_EQ(t.metrics, (Strings{"accuracy_score", "relevance_score"}));
  ASSERT_EQ(t.points.size(), 4u);
  EXPECT_EQ(t.points[1].metric, "relevance_score");
  EXPECT_NEAR(t.points[1].avg, 0.6, 1e-12);  // .8 .4
  EXPECT_EQ(t.points[1].count, 2);
}

TEST_F(MonitoringAnalytics, LatencyHistogramEdgesAndClamping) {
  // Latencies 100 100 200 200 300 300 1000 1000 400; min 100, max 1000, 5 bins of 180.
  const auto h = compute_latency_distribution(catalog(), request(), 5, std::nullopt);
  EXPECT_EQ(h.counts, (std::vector<std::int64_t>{4, 3, 0, 0, 2}));  // 1000 clamps into bin 5
  ASSERT_EQ(h.edges.size(), 6u);
  const double expected[] = {100, 280, 460, 640, 820, 1000};
  for (int i = 0; i < 6; ++i) EXPECT_NEAR(h.edges[i], expected[i], 1e-9);
  EXPECT_NEAR(h.percentiles.p50, 300.0, 1e-9);
  EXPECT_NEAR(h.percentiles.p95, 1000.0, 1e-9);
  EXPECT_FALSE(h.by_group.has_value());
}

TEST_F(MonitoringAnalytics, LatencyHistogramByGroupSharesEdges) {
  const auto h = compute_latency_distribution(catalog(), request(), 5, "source_name");
  ASSERT_TRUE(h.by_group.has_value());
  const auto& g = *h.by_group;
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g.at("alpha").counts, (std::vector<std::int64_t>{4, 1, 0, 0, 0}));  // 100 100 200 200 400
  EXPECT_NEAR(g.at("alpha").percentiles.p50, 200.0, 1e-9);
  EXPECT_NEAR(g.at("alpha").percentiles.p95, 360.0, 1e-9);
  EXPECT_NEAR(g.at("alpha").percentiles.p99, 392.0, 1e-9);
  EXPECT_EQ(g.at("beta").counts, (std::vector<std::int64_t>{0, 2, 0, 0, 2}));  // 300 300 1000 1000
  EXPECT_NEAR(g.at("beta").percentiles.p50, 650.0, 1e-9);
}

TEST_F(MonitoringAnalytics, LatencyHistogramWhenMaxEqualsMin) {
  AnalyticsRequest r = request();
  r.filters.time_end = "2026-01-05T10:20:00Z";  // r1's two rows, both 100 ms
  const auto h = compute_latency_distribution(catalog(), r, 5, std::nullopt);
  EXPECT_EQ(h.counts, (std::vector<std::int64_t>{2, 0, 0, 0, 0}));
  EXPECT_NEAR(h.edges[0], 100.0, 1e-12);
  EXPECT_NEAR(h.edges[1], 100.2, 1e-12);  // range widened to 101
  EXPECT_NEAR(h.edges[5], 101.0, 1e-12);

  r.filters.source_name = "nobody";
  const auto empty = compute_latency_distribution(catalog(), r, 5, "environment");
  EXPECT_TRUE(empty.counts.empty());
  EXPECT_TRUE(empty.edges.empty());
  ASSERT_TRUE(empty.by_group.has_value());  // asked per group: no groups, not "not grouped"
  EXPECT_TRUE(empty.by_group->empty());
}

TEST_F(MonitoringAnalytics, ClassDistributionPerGroup) {
  const auto c = compute_class_distribution(catalog(), request(), "relevance", "environment");
  EXPECT_EQ(c.metric, "relevance");
  EXPECT_EQ(c.group_by, "environment");
  const auto& d = c.groups;
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].group, "dev");  // .7 .5
  EXPECT_EQ(d[0].values, (std::vector<double>{0.5, 0.7}));
  EXPECT_NEAR(d[0].stats.mean, 0.6, 1e-12);
  EXPECT_NEAR(d[0].stats.std, 0.1414213562373095, 1e-12);
  EXPECT_EQ(d[1].group, "prod");  // .9 .4 1.0
  EXPECT_EQ(d[1].values, (std::vector<double>{0.4, 0.9, 1.0}));
  EXPECT_NEAR(d[1].stats.std, 0.32145502536643183, 1e-12);
  EXPECT_NEAR(d[1].stats.median, 0.9, 1e-12);
  EXPECT_NEAR(d[1].stats.min, 0.4, 1e-12);
  EXPECT_NEAR(d[1].stats.max, 1.0, 1e-12);
  EXPECT_EQ(d[1].stats.count, 3);

  const auto one = compute_class_distribution(catalog(), request("wide"), "accuracy", "source_name");
  ASSERT_EQ(one.groups.size(), 2u);
  EXPECT_EQ(one.groups[0].stats.std, 0.0);  // a single value
}

TEST_F(MonitoringAnalytics, MetricBreakdown) {
  auto m = compute_metric_breakdown(catalog(), request(), 0.5, std::nullopt).metrics;
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].name, "coherence");  // .6 .8 .2
  EXPECT_NEAR(m[0].overall.pass_rate, 200.0 / 3, 1e-9);
  EXPECT_NEAR(m[0].overall.avg, 1.6 / 3, 1e-12);
  EXPECT_EQ(m[0].overall.count, 3);
  EXPECT_FALSE(m[0].by_group.has_value());
  EXPECT_NEAR(m[1].overall.pass_rate, 80.0, 1e-9);  // .9 .4 .7 .5 1.0

  m = compute_metric_breakdown(catalog(), request(), 0.75, "environment").metrics;
  EXPECT_NEAR(m[1].overall.pass_rate, 40.0, 1e-9);  // .9 and 1.0
  ASSERT_TRUE(m[1].by_group.has_value());
  const auto& groups = *m[1].by_group;
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].first, "dev");
  EXPECT_NEAR(groups[0].second.pass_rate, 0.0, 1e-9);  // .7 .5
  EXPECT_EQ(groups[1].first, "prod");
  EXPECT_NEAR(groups[1].second.pass_rate, 200.0 / 3, 1e-9);
  EXPECT_EQ(groups[1].second.count, 3);

  m = compute_metric_breakdown(catalog(), request("wide"), 0.5, std::nullopt).metrics;
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].name, "accuracy_score");  // .6 .3
  EXPECT_NEAR(m[0].overall.pass_rate, 50.0, 1e-9);
  EXPECT_NEAR(m[0].overall.avg, 0.45, 1e-12);
}

TEST_F(MonitoringAnalytics, CorrelationPairsScoresPerRecord) {
  // Records with both metrics: r1 (.9,.6), r2 (.4,.8), r3 (.7,.2).
  auto c = compute_correlation(catalog(), request(), {"relevance", "coherence"});
  EXPECT_EQ(c.metrics, (Strings{"relevance", "coherence"}));
  ASSERT_EQ(c.matrix.size(), 2u);
  EXPECT_NEAR(c.matrix[0][0], 1.0, 1e-12);
  EXPECT_NEAR(c.matrix[0][1], -0.4335549847620599, 1e-9);
  EXPECT_NEAR(c.matrix[1][0], -0.4335549847620599, 1e-9);

  c = compute_correlation(catalog(), request(), {"relevance", "missing"});
  EXPECT_TRUE(c.matrix.empty());
  EXPECT_TRUE(c.metrics.empty());

  // Wide rows with both: w1 (.8,.6), w3 (.9,.3): a perfect negative line.
  c = compute_correlation(catalog(), request("wide"), {"relevance", "accuracy_score"});
  EXPECT_NEAR(c.matrix[0][1], -1.0, 1e-9);
}

TEST_F(MonitoringAnalytics, ClassificationBreakdown) {
  auto m = compute_classification_breakdown(catalog(), request(), "explanation").metrics;
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].metric_name, "sentiment");
  EXPECT_EQ(m[0].total_count, 3);
  // c3 has no explanation: its actual_output is the label.
  ASSERT_EQ(m[0].categories.size(), 2u);
  EXPECT_EQ(m[0].categories[0].value, "positive");
  EXPECT_EQ(m[0].categories[0].count, 2);
  EXPECT_EQ(m[0].categories[0].percentage, 66.7);
  EXPECT_EQ(m[0].categories[1].value, "negative");
  EXPECT_EQ(m[0].categories[1].count, 1);
  EXPECT_EQ(m[0].categories[1].percentage, 33.3);
  m = compute_classification_breakdown(catalog(), request(), "actual_output").metrics;
  EXPECT_EQ(m[0].categories[0].value, "o10");
  EXPECT_EQ(m[0].categories[0].count, 1);
  EXPECT_EQ(m[0].categories[0].percentage, 33.3);
  try {
    compute_classification_breakdown(catalog(), request(), "no_such_column");
    FAIL() << "expected a 400";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 400);
  }
}

TEST_F(MonitoringAnalytics, ClassificationTrends) {
  const auto t =
      compute_classification_trends(catalog(), request(), "sentiment", "daily", "explanation");
  EXPECT_EQ(t.unique_categories, (Strings{"negative", "positive"}));
  using Counts = std::vector<std::pair<std::string, std::int64_t>>;
  ASSERT_EQ(t.buckets.size(), 2u);
  EXPECT_EQ(t.buckets[0].timestamp, "2026-01-06T00:00:00Z");
  EXPECT_EQ(t.buckets[0].counts, (Counts{{"negative", 1}, {"positive", 1}}));
  EXPECT_EQ(t.buckets[1].timestamp, "2026-01-07T00:00:00Z");
  EXPECT_EQ(t.buckets[1].counts, (Counts{{"positive", 1}}));
  EXPECT_EQ(t.metric_name, "sentiment");
  EXPECT_EQ(t.granularity, "daily");
}

TEST_F(MonitoringAnalytics, AnalysisInsightsNewestFirstPaged) {
  auto a = compute_analysis_insights(catalog(), request(), 1, 1);
  EXPECT_EQ(a.total_count, 2);
  EXPECT_EQ(a.metric_names, (Strings{"summary"}));
  ASSERT_EQ(a.records.size(), 1u);
  const InsightRecord& newest = a.records[0];
  EXPECT_EQ(newest.dataset_id, "a2");
  EXPECT_EQ(newest.timestamp, "2026-01-08T08:00:00Z");
  EXPECT_EQ(newest.signals, "not json");  // the stored text
  EXPECT_EQ(newest.environment, "dev");
  EXPECT_EQ(newest.source_name, "beta");
  EXPECT_EQ(newest.source_component, "comp");
  a = compute_analysis_insights(catalog(), request(), 2, 1);
  ASSERT_EQ(a.records.size(), 1u);
  EXPECT_EQ(a.records[0].dataset_id, "a1");
  EXPECT_EQ(a.records[0].signals, R"({"topic": "billing"})");
  EXPECT_EQ(a.page, 2);
  EXPECT_EQ(a.limit, 1);
}

}  // namespace
}  // namespace axis::monitoring
