#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analytics/summary.h"

namespace axis::analytics {
namespace {

TEST(Summary, NumericColumnsAreSummarisedIdentifiersAndTextAreNot) {
  auto rows = nlohmann::ordered_json::parse(R"([
    {"dataset_id": 1, "query": "a", "faithfulness": 0.2, "relevance": 1},
    {"dataset_id": 2, "query": "b", "faithfulness": 0.6, "relevance": null},
    {"dataset_id": 3, "query": "c", "faithfulness": 1.0, "relevance": 0}
  ])");
  auto s = summarize_metrics(rows);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].metric_name, "faithfulness");
  EXPECT_NEAR(s[0].mean, 0.6, 1e-12);
  EXPECT_NEAR(s[0].std, 0.4, 1e-12);
  EXPECT_EQ(s[0].min, 0.2);
  EXPECT_EQ(s[0].max, 1.0);
  EXPECT_EQ(s[0].count, 3);
  EXPECT_NEAR(s[0].passing_rate, 2.0 / 3.0, 1e-12);
  EXPECT_EQ(s[1].metric_name, "relevance");
  EXPECT_EQ(s[1].count, 2);
  EXPECT_NEAR(s[1].passing_rate, 0.5, 1e-12);
}

TEST(Summary, MetricsKeepTheirColumnOrder) {
  auto rows = nlohmann::ordered_json::parse(R"([{"score": 0.2, "latency": 120, "passed": 1}])");
  auto s = summarize_metrics(rows);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].metric_name, "score");
  EXPECT_EQ(s[1].metric_name, "latency");
  EXPECT_EQ(s[2].metric_name, "passed");
}

TEST(Summary, MixedTypeColumnIsNotAMetric) {
  auto rows = nlohmann::ordered_json::parse(R"([{"m": 1}, {"m": "high"}])");
  EXPECT_TRUE(summarize_metrics(rows).empty());
}

TEST(Summary, IndexColumnsAreRecognised) {
  EXPECT_TRUE(is_index_column("id"));
  EXPECT_TRUE(is_index_column("Trace_ID"));
  EXPECT_TRUE(is_index_column("Unnamed: 0"));
  EXPECT_FALSE(is_index_column("validity"));
}

}  // namespace
}  // namespace axis::analytics
