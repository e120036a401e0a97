#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analytics/case_service.h"
#include "analytics/summary_tables.h"
#include "eval_fixture.h"
#include "util/http_error.h"

namespace axis::analytics {
namespace {

using nlohmann::json;

class CaseServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { fixture_.add_tree_dataset(); }
  CaseService service() { return CaseService(fixture_.catalog(), summaries_); }

  MetricCasesQuery query(const std::string& metric) {
    MetricCasesQuery q;
    q.scope = {"tree", std::nullopt};
    q.metric = metric;
    return q;
  }

  // (dataset_id, evaluation_name, score) of each listed case.
  static std::vector<std::string> listed(const MetricCasesPage& page) {
    std::vector<std::string> out;
    for (const auto& c : json::parse(page.cases_json)) {
      out.push_back(c["dataset_id"].get<std::string>() + "/" +
                    c["evaluation_name"].get<std::string>() + "=" + c["score"].dump());
    }
    return out;
  }

  testing::EvalFixture fixture_;
  SummaryTables summaries_{fixture_.store()};
};

TEST_F(CaseServiceTest, CasesSortByScoreThenCaseAndPaginate) {
  auto q = query("style");
  q.page_size = 3;
  const MetricCasesPage first = service().metric_cases(q);
  EXPECT_EQ(first.total, 9);
  EXPECT_EQ(listed(first), (std::vector<std::string>{"c5/exp_a=0.0", "c2/exp_b=0.4",
                                                     "c3/exp_a=0.5"}));
  q.page = 3;
  // Equal scores (0.7) keep case then row order.
  EXPECT_EQ(listed(service().metric_cases(q)),
            (std::vector<std::string>{"c4/exp_b=0.7", "c1/exp_b=0.8", "c3/exp_b=0.9"}));
  q.page = 4;
  EXPECT_TRUE(listed(service().metric_cases(q)).empty());
}

TEST_F(CaseServiceTest, CasesCarryTheirTextAndExplanation) {
  auto q = query("accuracy");
  q.sort_dir = "desc";
  q.page_size = 1;
  const auto cases = json::parse(service().metric_cases(q).cases_json);
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0], json::parse(R"({"dataset_id":"c1","evaluation_name":"exp_b",
      "query":"Question c1?","actual_output":"Answer c1 exp_b","score":1.0,
      "explanation":"accuracy of c1 in exp_b"})"));
}

TEST_F(CaseServiceTest, SortByCaseId) {
  auto q = query("quality");
  q.sort_by = "dataset_id";
  q.sort_dir = "desc";
  q.page_size = 2;
  EXPECT_EQ(listed(service().metric_cases(q)),
            (std::vector<std::string>{"c5/exp_a=0.1", "c4/exp_a=0.7"}));
}

TEST_F(CaseServiceTest, BandsFilterScores) {
  auto q = query("style");
  q.band = "high";  // ≥ 0.7: .7 .7 .8 .9 .7
  EXPECT_EQ(service().metric_cases(q).total, 5);
  q.band = "mid";   // 0.5 ≤ s < 0.7
  EXPECT_EQ(listed(service().metric_cases(q)),
            (std::vector<std::string>{"c3/exp_a=0.5", "c1/exp_a=0.6"}));
  q.band = "fail";  // < 0.5: .0 .4
  EXPECT_EQ(service().metric_cases(q).total, 2);
  q.band = "pass";
  EXPECT_EQ(service().metric_cases(q).total, 7);
}

TEST_F(CaseServiceTest, SearchIsACaseInsensitiveSubstringAndNeverSql) {
  auto q = query("style");
  q.search = "ANSWER C3";
  EXPECT_EQ(listed(service().metric_cases(q)),
            (std::vector<std::string>{"c3/exp_a=0.5", "c3/exp_b=0.9"}));
  q.search = "%";
  EXPECT_EQ(service().metric_cases(q).total, 0);
  q.search = "x' OR 1=1 --";
  EXPECT_EQ(service().metric_cases(q).total, 0);
  q.search = "style of c1 in exp_b";
  EXPECT_EQ(service().metric_cases(q).total, 1);
}

TEST_F(CaseServiceTest, ExperimentFilter) {
  auto q = query("style");
  q.scope.evaluation_name = "exp_b";
  EXPECT_EQ(service().metric_cases(q).total, 4);
  q.scope.evaluation_name = "exp_z";
  EXPECT_EQ(service().metric_cases(q).total, 0);
}

TEST_F(CaseServiceTest, UnknownMetricNamesTheAvailableOnes) {
  try {
    service().metric_cases(query("tone"));
    FAIL();
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_STREQ(e.what(), "Metric 'tone' not found. Available: accuracy, quality, style");
  }
}

TEST_F(CaseServiceTest, CaseDetailInTheFirstExperimentByDefault) {
  const CaseDetail c = service().case_detail({"tree", std::nullopt}, "c3");
  EXPECT_EQ(c.evaluation_name, "exp_a");
  EXPECT_EQ(c.query, "Question c3?");
  EXPECT_EQ(c.actual_output, "Answer c3 exp_a");
  EXPECT_EQ(c.expected_output, "Expected c3");
  EXPECT_EQ(c.evaluation_metadata, "{}");
  EXPECT_NEAR(c.overall_score, (0.3 + 0.2 + 0.5) / 3, 1e-12);
  ASSERT_EQ(c.metrics.size(), 3u);
  EXPECT_EQ(c.metrics[0].metric_name, "quality");
  EXPECT_FALSE(c.metrics[0].parent.has_value());
  EXPECT_EQ(c.metrics[0].weight, 1.0);
  EXPECT_EQ(c.metrics[1].metric_name, "accuracy");
  EXPECT_EQ(c.metrics[1].parent, "quality");
  EXPECT_EQ(c.metrics[1].metric_type, "component");
  EXPECT_DOUBLE_EQ(c.metrics[1].weight, 0.6);
  EXPECT_DOUBLE_EQ(*c.metrics[2].score, 0.5);
  EXPECT_EQ(c.metrics[2].explanation, "style of c3 in exp_a");
}

TEST_F(CaseServiceTest, CaseDetailOfAChosenExperiment) {
  const CaseDetail c = service().case_detail({"tree", "exp_b"}, "c3");
  EXPECT_EQ(c.evaluation_name, "exp_b");
  EXPECT_NEAR(c.overall_score, 1.1 / 3, 1e-12);
}

TEST_F(CaseServiceTest, UnknownCaseIs404) {
  for (const auto& scope : {EvalScope{"tree", std::nullopt}, EvalScope{"tree", "exp_b"}}) {
    const std::string id = scope.evaluation_name ? "c5" : "c9";
    try {
      service().case_detail(scope, id);
      FAIL();
    } catch (const util::HttpError& e) {
      EXPECT_EQ(e.status(), 404);
      EXPECT_EQ(std::string(e.what()), "Case '" + id + "' not found");
    }
  }
}

}  // namespace
}  // namespace axis::analytics
