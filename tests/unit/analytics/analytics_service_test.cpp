#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>

#include "analytics/analytics_service.h"
#include "analytics/summary_tables.h"
#include "eval_fixture.h"
#include "util/http_error.h"

namespace axis::analytics {
namespace {

using nlohmann::json;
using testing::expect_400;

const AnalyticsRows kTree = StoredRows{"tree"};

class AnalyticsServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { fixture_.add_tree_dataset(); }
  AnalyticsService service() { return AnalyticsService(fixture_.catalog(), summaries_, 2000); }

  testing::EvalFixture fixture_;
  SummaryTables summaries_{fixture_.store()};
};

TEST_F(AnalyticsServiceTest, SummaryPerMetricName) {
  const SummaryResult r = service().summary(kTree);
  EXPECT_EQ(r.total_records, 27);
  ASSERT_EQ(r.metrics.size(), 3u);
  EXPECT_EQ(r.metrics[0].metric_name, "quality");
  EXPECT_NEAR(r.metrics[0].mean, 0.5, 1e-12);
  EXPECT_NEAR(r.metrics[0].std, std::sqrt(0.66 / 8), 1e-12);
  EXPECT_EQ(r.metrics[0].count, 9);
  EXPECT_NEAR(r.metrics[0].passing_rate, 5.0 / 9, 1e-12);  // .8 .5 .7 .9 .7
  EXPECT_EQ(r.metrics[2].metric_name, "style");
  EXPECT_NEAR(r.metrics[2].passing_rate, 7.0 / 9, 1e-12);
}

TEST_F(AnalyticsServiceTest, DistributionHistogramAndQuartiles) {
  const DistributionResult r = service().distribution(kTree, "style", 4);
  EXPECT_EQ(json::parse(r.values_json), json::parse("[0.6,0.7,0.5,0.7,0.0,0.8,0.4,0.9,0.7]"));
  EXPECT_EQ(r.counts, (std::vector<std::int64_t>{1, 1, 2, 5}));
  ASSERT_EQ(r.bin_edges.size(), 5u);
  EXPECT_DOUBLE_EQ(r.bin_edges[1], 0.225);
  EXPECT_DOUBLE_EQ(r.bin_edges[4], 0.9);
  EXPECT_NEAR(r.mean, 5.3 / 9, 1e-12);
  EXPECT_DOUBLE_EQ(r.median, 0.7);
  EXPECT_DOUBLE_EQ(r.q25, 0.5);  // sorted 0 .4 .5 .6 .7 .7 .7 .8 .9, position 2
  EXPECT_DOUBLE_EQ(r.q75, 0.7);
  expect_400([&] { service().distribution(kTree, "tone", 4); }, "Metric 'tone' not found");
}

TEST_F(AnalyticsServiceTest, ComparisonByAColumn) {
  const GroupComparisonResult r = service().comparison(kTree, "evaluation_name", {"style"});
  EXPECT_EQ(r.metrics, (std::vector<std::string>{"style"}));
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].value_json, "\"exp_a\"");
  EXPECT_NEAR(r.groups[0].stats[0].mean, 0.5, 1e-12);
  EXPECT_NEAR(r.groups[0].stats[0].std, 0.291547594742265, 1e-12);
  EXPECT_EQ(r.groups[0].stats[0].count, 5);
  EXPECT_NEAR(r.groups[1].stats[0].mean, 0.7, 1e-12);
  EXPECT_EQ(r.first_seen_groups, (std::vector<std::string>{"\"exp_a\"", "\"exp_b\""}));
  expect_400([&] { service().comparison(kTree, "model", {}); }, "Group column 'model' not found");
  expect_400([&] { service().comparison(kTree, "evaluation_name", {"tone"}); },
             "Metric 'tone' not found");
}

TEST_F(AnalyticsServiceTest, CorrelationAcrossCases) {
  const CorrelationResult r = service().correlation(kTree, {"accuracy", "style"});
  ASSERT_EQ(r.matrix.size(), 2u);
  EXPECT_EQ(r.matrix[0][0], 1.0);
  // accuracy .9 .4 .2 .7 .2 1 .2 0 .7 against style .6 .7 .5 .7 0 .8 .4 .9 .7
  EXPECT_NEAR(r.matrix[0][1], 0.32598437546460085, 1e-9);
  EXPECT_EQ(r.matrix[0][1], r.matrix[1][0]);
  expect_400([&] { service().correlation(kTree, {"style"}); },
             "Correlation needs at least 2 metrics");
}

TEST_F(AnalyticsServiceTest, RadarOverallAndPerGroup) {
  const RadarResult overall = service().radar(kTree, {}, std::nullopt);
  ASSERT_EQ(overall.traces.size(), 1u);
  EXPECT_EQ(overall.traces[0].name, "Overall");
  EXPECT_NEAR(overall.traces[0].values[2], 5.3 / 9, 1e-12);
  const RadarResult grouped = service().radar(kTree, {}, std::string("evaluation_name"));
  ASSERT_EQ(grouped.traces.size(), 2u);
  EXPECT_EQ(grouped.traces[1].name, "exp_b");
  EXPECT_NEAR(grouped.traces[1].values[0], 0.525, 1e-12);
  expect_400([&] { service().radar(kTree, {"quality", "style"}, std::nullopt); },
             "A radar chart needs at least 3 metrics");
}

TEST_F(AnalyticsServiceTest, ScatterOnePointPerCase) {
  const ScatterResult r =
      service().scatter(kTree, "accuracy", "style", std::string("evaluation_name"));
  EXPECT_EQ(json::parse(r.x_json), json::parse("[0.9,0.4,0.2,0.7,0.2,1.0,0.2,0.0,0.7]"));
  EXPECT_EQ(json::parse(r.y_json), json::parse("[0.6,0.7,0.5,0.7,0.0,0.8,0.4,0.9,0.7]"));
  EXPECT_EQ(r.color_by, "evaluation_name");
  EXPECT_EQ(json::parse(r.color_json)[5], "exp_b");
  ASSERT_TRUE(r.ids_json.has_value());
  EXPECT_EQ(json::parse(*r.ids_json)[0], "c1");
  const ScatterResult plain = service().scatter(kTree, "accuracy", "style", std::string("nope"));
  EXPECT_FALSE(plain.color_by.has_value());
  expect_400([&] { service().scatter(kTree, "accuracy", "tone", std::nullopt); },
             "Metric 'tone' not found");
}

}  // namespace
}  // namespace axis::analytics
