#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ingest/tree_rows.h"
#include "util/http_error.h"

namespace axis::ingest {
namespace {

using Json = nlohmann::ordered_json;

const std::vector<std::string> kTreeColumns = {
    "dataset_id", "evaluation_name", "query",       "actual_output", "expected_output",
    "metric_name", "metric_score",   "metric_type", "parent",        "weight",
    "explanation", "critique",       "evaluation_metadata",          "data_metadata"};

// Runs convert_to_tree on `text` and returns the HttpError it throws.
util::HttpError error_of(const std::string& text) {
  Json rows = Json::parse(text);
  try {
    convert_to_tree(rows);
  } catch (const util::HttpError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for " << text;
  return util::HttpError(0, "");
}

TEST(TreeRows, FlatRowsGetTheTreeDefaults) {
  Json rows = Json::parse(R"([
    {"dataset_id": "q1", "experiment_name": "run A", "metric_name": "accuracy",
     "metric_score": 1, "latency": 120},
    {"dataset_id": "q1", "experiment_name": "run A", "metric_name": "tone",
     "metric_score": null, "query": "Hi?"}
  ])");
  const std::vector<std::string> columns = convert_to_tree(rows);
  std::vector<std::string> expected_columns = kTreeColumns;
  expected_columns.push_back("latency");
  EXPECT_EQ(columns, expected_columns);
  EXPECT_EQ(rows, Json::parse(R"([
    {"dataset_id": "q1", "evaluation_name": "run A", "query": "", "actual_output": "",
     "expected_output": "", "metric_name": "accuracy", "metric_score": 1.0,
     "metric_type": "metric", "parent": null, "weight": null, "explanation": null,
     "critique": "", "evaluation_metadata": "{}", "data_metadata": "{}", "latency": 120},
    {"dataset_id": "q1", "evaluation_name": "run A", "query": "Hi?", "actual_output": "",
     "expected_output": "", "metric_name": "tone", "metric_score": null,
     "metric_type": "metric", "parent": null, "weight": null, "explanation": null,
     "critique": "", "evaluation_metadata": "{}", "data_metadata": "{}", "latency": null}
  ])"));
  EXPECT_TRUE(rows[0]["metric_score"].is_number_float());
}

TEST(TreeRows, TreeRowsKeepTheirValuesAsText) {
  Json rows = Json::parse(R"([
    {"metric_name": "overall", "metric_score": 0.5, "metric_type": "component", "parent": "  ",
     "weight": 2, "dataset_id": 7, "evaluation_metadata": {"temp": 0}, "signals": [1, 2]},
    {"metric_name": "accuracy", "metric_score": 0.25, "metric_type": "metric",
     "parent": " overall ", "experiment_name": "old", "evaluation_name": "new"}
  ])");
  const std::vector<std::string> columns = convert_to_tree(rows);
  EXPECT_EQ(columns.back(), "experiment_name");  // evaluation_name exists, so no rename
  EXPECT_EQ(columns[columns.size() - 2], "signals");
  EXPECT_EQ(rows[0]["dataset_id"], "7");
  EXPECT_EQ(rows[0]["evaluation_name"], "Experiment 1");
  EXPECT_EQ(rows[0]["parent"], nullptr);
  EXPECT_EQ(rows[0]["weight"], 2.0);
  EXPECT_EQ(rows[0]["evaluation_metadata"], "{\"temp\":0}");
  EXPECT_EQ(rows[0]["signals"], Json::parse("[1, 2]"));
  EXPECT_EQ(rows[0]["experiment_name"], nullptr);
  EXPECT_EQ(rows[1]["dataset_id"], "test_case_1");
  EXPECT_EQ(rows[1]["evaluation_name"], "new");
  EXPECT_EQ(rows[1]["parent"], "overall");
  EXPECT_EQ(rows[1]["experiment_name"], "old");
  EXPECT_EQ(rows[1]["signals"], nullptr);
}

TEST(TreeRows, AnEmptyArrayHasTheTreeColumns) {
  Json rows = Json::array();
  EXPECT_EQ(convert_to_tree(rows), kTreeColumns);
  EXPECT_TRUE(rows.empty());
}

TEST(TreeRows, BodyThatIsNotAListOfObjects) {
  const util::HttpError list = error_of(R"({"data": []})");
  EXPECT_EQ(list.status(), 422);
  ASSERT_EQ(list.issues().size(), 1u);
  EXPECT_EQ(list.issues()[0].type, "list_type");
  EXPECT_EQ(list.issues()[0].loc, (std::vector<std::string>{"body"}));

  const util::HttpError dict = error_of(R"([{"metric_name": "a", "metric_score": 1}, 3, "x"])");
  EXPECT_EQ(dict.status(), 422);
  ASSERT_EQ(dict.issues().size(), 2u);
  EXPECT_EQ(dict.issues()[0].type, "dict_type");
  EXPECT_EQ(dict.issues()[0].loc, (std::vector<std::string>{"body", "1"}));
  EXPECT_EQ(dict.issues()[0].input_json, "3");
  EXPECT_EQ(dict.issues()[1].loc, (std::vector<std::string>{"body", "2"}));
}

TEST(TreeRows, RowsWithoutMetricColumnsAre400) {
  const util::HttpError e = error_of(R"([{"dataset_id": "q1", "metric_name": "a"}])");
  EXPECT_EQ(e.status(), 400);
  EXPECT_STREQ(e.what(),
               "Rows are not in tree or flat format: missing column(s) metric_score. "
               "Columns found: dataset_id, metric_name");
  EXPECT_EQ(error_of(R"([{"judgment": "accept"}])").status(), 400);
}

TEST(TreeRows, ScoresAndWeightsMustBeNumbers) {
  const util::HttpError e = error_of(R"([
    {"metric_name": "a", "metric_score": 0.5, "weight": 1},
    {"metric_name": "a", "metric_score": "high", "weight": true}
  ])");
  EXPECT_EQ(e.status(), 422);
  ASSERT_EQ(e.issues().size(), 2u);
  EXPECT_EQ(e.issues()[0].type, "float_type");
  EXPECT_EQ(e.issues()[0].loc, (std::vector<std::string>{"body", "1", "metric_score"}));
  EXPECT_EQ(e.issues()[0].msg, "Input should be a valid number");
  EXPECT_EQ(e.issues()[0].input_json, "\"high\"");
  EXPECT_EQ(e.issues()[1].loc, (std::vector<std::string>{"body", "1", "weight"}));
  EXPECT_EQ(e.issues()[1].input_json, "true");
}

TEST(TreeRows, AtMostTwentyIssuesAreListed) {
  Json rows = Json::array();
  for (int i = 0; i < 50; ++i) rows.push_back({{"metric_name", "a"}, {"metric_score", "x"}});
  try {
    convert_to_tree(rows);
    FAIL();
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.issues().size(), 20u);
  }
}

}  // namespace
}  // namespace axis::ingest
