// The six computations over posted rows (AnalyticsService with PostedRows): a wide row per case,
// each numeric column a metric.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "posted_fixture.h"

namespace axis::analytics {
namespace {

using Json = nlohmann::ordered_json;
using testing::expect_400;

constexpr const char* kRows = R"([
  {"id": 1, "score": 0.2, "latency": 120, "model": "a", "dataset_id": "q1"},
  {"id": 2, "score": 0.8, "latency": 80, "model": "b", "dataset_id": "q2"},
  {"id": 3, "score": 0.5, "latency": 100, "model": "a", "dataset_id": "q3"},
  {"id": 4, "score": null, "latency": 60, "model": "b", "dataset_id": "q4"}
])";

class PostedRows : public testing::PostedRowsFixture {};

TEST_F(PostedRows, SummaryOfTheNumericColumns) {
  const SummaryResult r = service().summary(posted(kRows));
  EXPECT_EQ(r.total_records, 4);
  ASSERT_EQ(r.metrics.size(), 2u);  // id and dataset_id identify rows; model is text
  EXPECT_EQ(r.metrics[0].metric_name, "score");
  EXPECT_DOUBLE_EQ(r.metrics[0].mean, 0.5);
  EXPECT_DOUBLE_EQ(r.metrics[0].std, 0.3);  // deviations -.3 .3 0
  EXPECT_EQ(r.metrics[0].min, 0.2);
  EXPECT_EQ(r.metrics[0].max, 0.8);
  EXPECT_EQ(r.metrics[0].count, 3);
  EXPECT_DOUBLE_EQ(r.metrics[0].passing_rate, 2.0 / 3);
  EXPECT_EQ(r.metrics[1].metric_name, "latency");
  EXPECT_EQ(r.metrics[1].count, 4);
  EXPECT_EQ(r.metrics[1].passing_rate, 1.0);
}

TEST_F(PostedRows, DistributionOfAColumn) {
  const DistributionResult r = service().distribution(posted(kRows), "latency", 3);
  EXPECT_EQ(Json::parse(r.values_json), Json::parse("[120.0, 80.0, 100.0, 60.0]"));
  EXPECT_EQ(r.bin_edges, (std::vector<double>{60, 80, 100, 120}));
  EXPECT_EQ(r.counts, (std::vector<std::int64_t>{1, 1, 2}));  // 80 opens bin 1; 120 closes bin 2
  EXPECT_DOUBLE_EQ(r.mean, 90);
  EXPECT_DOUBLE_EQ(r.median, 90);
  EXPECT_DOUBLE_EQ(r.q25, 75);
  EXPECT_DOUBLE_EQ(r.q75, 105);
  expect_400([&] { service().distribution(posted(kRows), "model", 3); }, "Metric 'model' not found");
}

TEST_F(PostedRows, ComparisonByGroup) {
  const GroupComparisonResult r = service().comparison(posted(kRows), "model", {});
  EXPECT_EQ(r.metrics, (std::vector<std::string>{"score", "latency"}));
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].value_json, "\"a\"");
  EXPECT_DOUBLE_EQ(r.groups[0].stats[0].mean, 0.35);
  EXPECT_EQ(r.groups[1].stats[0].count, 1);
  EXPECT_EQ(r.groups[1].stats[0].std, 0.0);
  EXPECT_DOUBLE_EQ(r.groups[1].stats[1].mean, 70);
  EXPECT_EQ(r.first_seen_groups, (std::vector<std::string>{"\"a\"", "\"b\""}));
  expect_400([&] { service().comparison(posted(kRows), "team", {}); },
             "Group column 'team' not found");
}

TEST_F(PostedRows, CorrelationUsesPairwiseCompleteRows) {
  const CorrelationResult r = service().correlation(posted(kRows), {});
  ASSERT_EQ(r.metrics.size(), 2u);
  EXPECT_NEAR(r.matrix[0][1], -1.0, 1e-12);  // rows 1-3: score rises as latency falls
  EXPECT_EQ(r.matrix[1][0], r.matrix[0][1]);
  expect_400([&] { service().correlation(posted(kRows), {"score"}); },
             "Correlation needs at least 2 metrics");
}

TEST_F(PostedRows, RadarNeedsThreeMetrics) {
  const std::string rows =
      R"([{"a": 1, "b": 2, "c": 3, "g": "x"}, {"a": 3, "b": 2, "c": 1, "g": "y"}])";
  const RadarResult overall = service().radar(posted(rows), {}, std::nullopt);
  ASSERT_EQ(overall.traces.size(), 1u);
  EXPECT_EQ(overall.traces[0].name, "Overall");
  EXPECT_EQ(overall.traces[0].values, (std::vector<double>{2, 2, 2}));
  const RadarResult grouped = service().radar(posted(rows), {"c", "b", "a"}, std::string("g"));
  ASSERT_EQ(grouped.traces.size(), 2u);
  EXPECT_EQ(grouped.traces[0].name, "x");
  EXPECT_EQ(grouped.traces[0].values, (std::vector<double>{3, 2, 1}));
  expect_400([&] { service().radar(posted(kRows), {}, std::nullopt); },
             "A radar chart needs at least 3 metrics");
}

TEST_F(PostedRows, ScatterKeepsRowsWithBothValues) {
  const ScatterResult r =
      service().scatter(posted(kRows), "score", "latency", std::string("model"));
  EXPECT_EQ(Json::parse(r.x_json), Json::parse("[0.2, 0.8, 0.5]"));
  EXPECT_EQ(Json::parse(r.y_json), Json::parse("[120.0, 80.0, 100.0]"));
  EXPECT_EQ(Json::parse(r.color_json), Json::parse(R"(["a", "b", "a"])"));
  ASSERT_TRUE(r.ids_json.has_value());
  EXPECT_EQ(Json::parse(*r.ids_json), Json::parse(R"(["q1", "q2", "q3"])"));
  expect_400([&] { service().scatter(posted(kRows), "score", "nope", std::nullopt); },
             "Metric 'nope' not found");
}

}  // namespace
}  // namespace axis::analytics
