#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analytics/posted_rows.h"
#include "util/http_error.h"

namespace axis::analytics {
namespace {

using Json = nlohmann::ordered_json;

const Json kRows = Json::parse(R"([
  {"id": 1, "score": 0.2, "latency": 120, "model": "a", "dataset_id": "q1"},
  {"id": 2, "score": 0.8, "latency": 80, "model": "b", "dataset_id": "q2"},
  {"id": 3, "score": 0.5, "latency": 100, "model": "a", "dataset_id": "q3"},
  {"id": 4, "score": null, "latency": 60, "model": "b", "dataset_id": "q4"}
])");

TEST(PostedRows, DistributionOfAColumn) {
  const DistributionResult r = posted_distribution(kRows, "latency", 3);
  EXPECT_EQ(Json::parse(r.values_json), Json::parse("[120.0, 80.0, 100.0, 60.0]"));
  EXPECT_EQ(r.bin_edges, (std::vector<double>{60, 80, 100, 120}));
  EXPECT_EQ(r.counts, (std::vector<std::int64_t>{1, 1, 2}));  // 80 opens bin 1; 120 closes bin 2
  EXPECT_DOUBLE_EQ(r.mean, 90);
  EXPECT_DOUBLE_EQ(r.median, 90);
  EXPECT_DOUBLE_EQ(r.q25, 75);
  EXPECT_DOUBLE_EQ(r.q75, 105);
  EXPECT_THROW(posted_distribution(kRows, "model", 3), util::HttpError);
}

TEST(PostedRows, ComparisonByGroup) {
  const GroupComparisonResult r = posted_comparison(kRows, "model", {});
  EXPECT_EQ(r.metrics, (std::vector<std::string>{"score", "latency"}));
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].value_json, "\"a\"");
  EXPECT_DOUBLE_EQ(r.groups[0].stats[0].mean, 0.35);
  EXPECT_EQ(r.groups[1].stats[0].count, 1);
  EXPECT_EQ(r.groups[1].stats[0].std, 0.0);
  EXPECT_DOUBLE_EQ(r.groups[1].stats[1].mean, 70);
  try {
    posted_comparison(kRows, "team", {});
    FAIL();
  } catch (const util::HttpError& e) {
    EXPECT_STREQ(e.what(), "Group column 'team' not found");
  }
}

TEST(PostedRows, CorrelationUsesPairwiseCompleteRows) {
  const CorrelationResult r = posted_correlation(kRows, {});
  ASSERT_EQ(r.metrics.size(), 2u);
  EXPECT_NEAR(r.matrix[0][1], -1.0, 1e-12);  // rows 1-3: score rises as latency falls
  EXPECT_THROW(posted_correlation(kRows, {"score"}), util::HttpError);
}

TEST(PostedRows, RadarNeedsThreeMetrics) {
  const Json rows = Json::parse(
      R"([{"a": 1, "b": 2, "c": 3, "g": "x"}, {"a": 3, "b": 2, "c": 1, "g": "y"}])");
  const RadarResult overall = posted_radar(rows, {}, std::nullopt);
  ASSERT_EQ(overall.traces.size(), 1u);
  EXPECT_EQ(overall.traces[0].values, (std::vector<double>{2, 2, 2}));
  const RadarResult grouped = posted_radar(rows, {"c", "b", "a"}, std::string("g"));
  ASSERT_EQ(grouped.traces.size(), 2u);
  EXPECT_EQ(grouped.traces[0].name, "x");
  EXPECT_EQ(grouped.traces[0].values, (std::vector<double>{3, 2, 1}));
  EXPECT_THROW(posted_radar(kRows, {}, std::nullopt), util::HttpError);
}

TEST(PostedRows, ScatterKeepsRowsWithBothValues) {
  const ScatterResult r = posted_scatter(kRows, "score", "latency", std::string("model"));
  EXPECT_EQ(Json::parse(r.x_json), Json::parse("[0.2, 0.8, 0.5]"));
  EXPECT_EQ(Json::parse(r.y_json), Json::parse("[120.0, 80.0, 100.0]"));
  EXPECT_EQ(Json::parse(r.color_json), Json::parse(R"(["a", "b", "a"])"));
  ASSERT_TRUE(r.ids_json.has_value());
  EXPECT_EQ(Json::parse(*r.ids_json), Json::parse(R"(["q1", "q2", "q3"])"));
  EXPECT_THROW(posted_scatter(kRows, "score", "nope", std::nullopt), util::HttpError);
}

}  // namespace
}  // namespace axis::analytics
