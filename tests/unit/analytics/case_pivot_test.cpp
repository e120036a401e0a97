#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analytics/case_pivot.h"
#include "ingest/tree_rows.h"
#include "util/http_error.h"

namespace axis::analytics {
namespace {

using Json = nlohmann::ordered_json;

// Two cases of experiment e1, three metrics: overall (component) over accuracy and tone.
// q2 has a second accuracy row (the first score wins) and a null tone before a scored one.
// q3 is in another experiment and has only "safety", which the other cases lack.
const char* kCaseRows = R"([
  {"dataset_id": "q1", "evaluation_name": "e1", "query": "Q1", "actual_output": "A1",
   "metric_name": "overall", "metric_score": 0.7, "metric_type": "component", "parent": ""},
  {"dataset_id": "q1", "evaluation_name": "e1", "query": "Q1", "actual_output": "A1",
   "metric_name": "accuracy", "metric_score": 0.9, "metric_type": "metric", "parent": "overall"},
  {"dataset_id": "q1", "evaluation_name": "e1", "query": "Q1", "actual_output": "A1",
   "metric_name": "tone", "metric_score": 0.5, "metric_type": "metric", "parent": "overall"},
  {"dataset_id": "q2", "evaluation_name": "e1", "query": "Q2", "actual_output": "A2",
   "metric_name": "overall", "metric_score": 0.4, "metric_type": "component", "parent": ""},
  {"dataset_id": "q2", "evaluation_name": "e1", "query": "Q2", "actual_output": "A2",
   "metric_name": "accuracy", "metric_score": 0.2, "metric_type": "metric", "parent": "overall"},
  {"dataset_id": "q2", "evaluation_name": "e1", "query": "Q2", "actual_output": "A2",
   "metric_name": "accuracy", "metric_score": 0.8, "metric_type": "metric", "parent": "overall"},
  {"dataset_id": "q2", "evaluation_name": "e1", "query": "Q2", "actual_output": "A2",
   "metric_name": "tone", "metric_score": null, "metric_type": "metric", "parent": "overall"},
  {"dataset_id": "q2", "evaluation_name": "e1", "query": "Q2", "actual_output": "A2",
   "metric_name": "tone", "metric_score": 0.6, "metric_type": "metric", "parent": "overall"},
  {"dataset_id": "q1", "evaluation_name": "e2", "query": "Q1", "actual_output": "B1",
   "metric_name": "safety", "metric_score": 1, "metric_type": "Leaf Metric", "parent": null},
  {"dataset_id": "q1", "evaluation_name": "e2", "query": "Q1", "actual_output": "B1",
   "metric_name": null, "metric_score": 0.3, "metric_type": "metric", "parent": null}
])";

CaseTable pivot(const char* text, const std::optional<std::string>& metric_type) {
  Json rows = Json::parse(text);
  ingest::convert_to_tree(rows);
  return pivot_cases(rows, metric_type);
}

TEST(CasePivot, OneRowPerCaseOneColumnPerMetric) {
  const CaseTable t = pivot(kCaseRows, std::nullopt);
  EXPECT_EQ(t.metric_columns, (std::vector<std::string>{"overall", "accuracy", "tone", "safety"}));
  EXPECT_EQ(t.columns, (std::vector<std::string>{"dataset_id", "evaluation_name", "query",
                                                 "actual_output", "evaluation_metadata",
                                                 "data_metadata", "overall", "accuracy", "tone",
                                                 "safety"}));
  EXPECT_EQ(t.metrics, (std::vector<std::string>{"accuracy", "tone", "safety"}));
  EXPECT_EQ(t.components, (std::vector<std::string>{"overall"}));
  EXPECT_EQ(Json::parse(t.rows_json), Json::parse(R"([
    {"dataset_id": "q1", "evaluation_name": "e1", "query": "Q1", "actual_output": "A1",
     "evaluation_metadata": "{}", "data_metadata": "{}",
     "overall": 0.7, "accuracy": 0.9, "tone": 0.5, "safety": null},
    {"dataset_id": "q2", "evaluation_name": "e1", "query": "Q2", "actual_output": "A2",
     "evaluation_metadata": "{}", "data_metadata": "{}",
     "overall": 0.4, "accuracy": 0.2, "tone": 0.6, "safety": null},
    {"dataset_id": "q1", "evaluation_name": "e2", "query": "Q1", "actual_output": "B1",
     "evaluation_metadata": "{}", "data_metadata": "{}",
     "overall": null, "accuracy": null, "tone": null, "safety": 1.0}
  ])"));
}

TEST(CasePivot, MetricTypeFilterKeepsMatchingRowsOnly) {
  const CaseTable t = pivot(kCaseRows, std::string("component"));
  EXPECT_EQ(t.metric_columns, (std::vector<std::string>{"overall"}));
  EXPECT_TRUE(t.metrics.empty());
  EXPECT_EQ(t.components, (std::vector<std::string>{"overall"}));
  const Json rows = Json::parse(t.rows_json);
  ASSERT_EQ(rows.size(), 2u);  // e2/q1 has no component row
  EXPECT_EQ(rows[0]["overall"], 0.7);
  EXPECT_EQ(rows[1]["overall"], 0.4);

  const CaseTable none = pivot(kCaseRows, std::string("judge"));
  EXPECT_EQ(none.rows_json, "[]");
  EXPECT_EQ(none.columns.size(), 6u);
}

TEST(CasePivot, CaseColumnsSeparateCasesByValue) {
  // Same dataset_id and experiment, different data_metadata: two cases.
  const CaseTable t = pivot(R"([
    {"dataset_id": "q1", "metric_name": "a", "metric_score": 0.1, "data_metadata": {"k": 1}},
    {"dataset_id": "q1", "metric_name": "a", "metric_score": 0.2, "data_metadata": {"k": 2}},
    {"dataset_id": "q1", "metric_name": "a", "metric_score": 0.3, "data_metadata": {"k": 1}}
  ])", std::nullopt);
  EXPECT_EQ(Json::parse(t.rows_json), Json::parse(R"([
    {"dataset_id": "q1", "evaluation_name": "Experiment 1", "query": "", "actual_output": "",
     "evaluation_metadata": "{}", "data_metadata": "{\"k\":1}", "a": 0.1},
    {"dataset_id": "q1", "evaluation_name": "Experiment 1", "query": "", "actual_output": "",
     "evaluation_metadata": "{}", "data_metadata": "{\"k\":2}", "a": 0.2}
  ])"));
}

TEST(CasePivot, MetricNamedLikeACaseColumnIs400) {
  try {
    pivot(R"([{"metric_name": "query", "metric_score": 1}])", std::nullopt);
    FAIL();
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_STREQ(e.what(), "Metric name 'query' is also a case column; rename it");
  }
}

}  // namespace
}  // namespace axis::analytics
