#include <gtest/gtest.h>

#include <cmath>

#include "analytics/scorecard_service.h"
#include "analytics/summary_tables.h"
#include "eval_fixture.h"
#include "util/http_error.h"

namespace axis::analytics {
namespace {

class ScorecardServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { fixture_.add_tree_dataset(); }
  ScorecardService service() { return ScorecardService(fixture_.catalog(), summaries_); }

  testing::EvalFixture fixture_;
  SummaryTables summaries_{fixture_.store()};
};

const HierarchyNode& node(const Scorecard& s, const std::string& name) {
  for (const auto& n : s.nodes) {
    if (n.metric.name == name) return n;
  }
  throw std::runtime_error("no node " + name);
}

TEST_F(ScorecardServiceTest, ScorecardAggregatesEveryExperiment) {
  const Scorecard s = service().scorecard({"tree", std::nullopt});
  EXPECT_EQ(s.dataset_id, "tree");
  EXPECT_EQ(s.experiments, (std::vector<std::string>{"exp_a", "exp_b"}));
  EXPECT_EQ(s.total_cases, 5);
  EXPECT_EQ(s.metrics_count, 1);
  EXPECT_EQ(s.components_count, 1);
  // quality: .8 .5 .3 .7 .1 .9 .3 .2 .7 — sum 4.5, squared deviations 0.66
  const HierarchyNode& q = node(s, "quality");
  EXPECT_NEAR(q.metric.mean, 0.5, 1e-12);
  EXPECT_NEAR(q.metric.std, std::sqrt(0.66 / 8), 1e-12);
  EXPECT_DOUBLE_EQ(q.metric.min, 0.1);
  EXPECT_DOUBLE_EQ(q.metric.max, 0.9);
  EXPECT_EQ(q.metric.count, 9);
  EXPECT_EQ(q.metric.histogram, (std::array<std::int64_t, 5>{1, 3, 1, 2, 2}));
  EXPECT_EQ(q.level, 1);
  EXPECT_EQ(q.type, "category");
  EXPECT_EQ(q.children, (std::vector<std::string>{"accuracy", "style"}));
  const HierarchyNode& style = node(s, "style");
  EXPECT_EQ(style.metric.histogram, (std::array<std::int64_t, 5>{1, 0, 2, 4, 2}));
  EXPECT_DOUBLE_EQ(style.normalized_weight, 0.4);
  EXPECT_EQ(style.level, 2);
  EXPECT_NEAR(s.overall_score, 0.5, 1e-12);  // the single root's mean
  // Case overall scores: .7667 .5333 .3333 .7 .1 | .9 .3 .3667 .7 → sample variance 0.0691667
  EXPECT_NEAR(s.score_variance, 0.06916666666666667, 1e-12);
  std::vector<std::string> order;
  for (const auto& n : s.nodes) order.push_back(n.metric.name);
  EXPECT_EQ(order, (std::vector<std::string>{"quality", "accuracy", "style"}));
}

TEST_F(ScorecardServiceTest, ScorecardOfOneExperiment) {
  const Scorecard s = service().scorecard({"tree", "exp_b"});
  EXPECT_EQ(s.evaluation_name, "exp_b");
  EXPECT_EQ(s.experiments, (std::vector<std::string>{"exp_a", "exp_b"}));
  EXPECT_EQ(s.total_cases, 4);
  EXPECT_NEAR(node(s, "style").metric.mean, 0.7, 1e-12);
  EXPECT_EQ(node(s, "style").metric.count, 4);
  EXPECT_NEAR(s.overall_score, 0.525, 1e-12);
  // .9 .3 .3667 .7: mean .56667, squared deviations .11111+.07111+.04+.01778 = .24 → /3
  EXPECT_NEAR(s.score_variance, 0.08, 1e-12);
}

TEST_F(ScorecardServiceTest, NewestDatasetIsUsedWithoutAnId) {
  EXPECT_EQ(service().scorecard({"", std::nullopt}).dataset_id, "tree");
}

TEST_F(ScorecardServiceTest, UnknownDatasetIs404) {
  try {
    service().scorecard({"nope", std::nullopt});
    FAIL();
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_STREQ(e.what(), "Dataset 'nope' not found");
  }
}

TEST_F(ScorecardServiceTest, DatasetWithoutMetricRowsIs400) {
  fixture_.add_dataset("wide",
                       R"([{"name":"dataset_id","type":"VARCHAR"},)"
                       R"({"name":"judgment","type":"VARCHAR"}])",
                       "CREATE TABLE ds_wide AS SELECT 'c1' AS dataset_id, 'good' AS judgment",
                       "simple_judgment");
  try {
    service().scorecard({"wide", std::nullopt});
    FAIL();
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 400);
  }
}

TEST_F(ScorecardServiceTest, TreeCarriesSpreadPerNode) {
  const TreeNode root = service().tree({"tree", std::nullopt}, std::nullopt);
  EXPECT_EQ(root.name, "quality");
  EXPECT_NEAR(root.score, 0.5, 1e-12);
  // sorted .1 .2 .3 .3 .5 .7 .7 .8 .9: median .5, p25 = [2] = .3, p75 = [6] = .7
  EXPECT_DOUBLE_EQ(root.median, 0.5);
  EXPECT_DOUBLE_EQ(root.p25, 0.3);
  EXPECT_DOUBLE_EQ(root.p75, 0.7);
  EXPECT_NEAR(root.std, std::sqrt(0.66 / 9), 1e-12);
  EXPECT_EQ(root.count, 9);
  ASSERT_EQ(root.children.size(), 2u);
  EXPECT_EQ(root.children[0].name, "accuracy");
  EXPECT_DOUBLE_EQ(root.children[0].normalized_weight, 0.6);
  // accuracy sorted 0 .2 .2 .2 .4 .7 .7 .9 1: median .4
  EXPECT_DOUBLE_EQ(root.children[0].median, 0.4);
  EXPECT_FALSE(root.explanation.has_value());
}

TEST_F(ScorecardServiceTest, MedianOfAnEvenCountInterpolates) {
  // exp_b accuracy: 1 .2 0 .7 → sorted 0 .2 .7 1: median .45, p25 = [1] = .2, p75 = [3] = 1
  const TreeNode root = service().tree({"tree", "exp_b"}, std::nullopt);
  const TreeNode& accuracy = root.children[0];
  EXPECT_NEAR(accuracy.median, 0.45, 1e-12);
  EXPECT_DOUBLE_EQ(accuracy.p25, 0.2);
  EXPECT_DOUBLE_EQ(accuracy.p75, 1.0);
}

TEST_F(ScorecardServiceTest, TreeOfOneCaseShowsItsScoresAndExplanations) {
  const TreeNode root = service().tree({"tree", "exp_b"}, std::string("c2"));
  EXPECT_DOUBLE_EQ(root.score, 0.3);
  EXPECT_EQ(root.count, 1);
  EXPECT_EQ(root.std, 0.0);
  EXPECT_EQ(root.explanation, "quality of c2 in exp_b");
  EXPECT_DOUBLE_EQ(root.children[1].score, 0.4);
  EXPECT_EQ(root.children[1].explanation, "style of c2 in exp_b");
}

TEST_F(ScorecardServiceTest, TreeOfAnUnknownCaseIs404) {
  try {
    service().tree({"tree", std::nullopt}, std::string("c9"));
    FAIL();
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_STREQ(e.what(), "Case 'c9' not found");
  }
}

}  // namespace
}  // namespace axis::analytics
