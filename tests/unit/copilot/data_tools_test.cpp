#include "copilot/data_tools.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "copilot/thought.h"
#include "store/store.h"
#include "util/random_id.h"

namespace axis::copilot {
namespace {

using Json = nlohmann::json;

class DataToolsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto conn = store_.connection();
    conn->execute(
        "CREATE TABLE runs (case_id VARCHAR, model VARCHAR, accuracy DOUBLE, relevance DOUBLE, passed BOOLEAN,"
        " note VARCHAR);"
        "INSERT INTO runs VALUES ('c1','alpha',0.9,0.95,true,NULL), ('c2','alpha',0.8,0.75,true,NULL),"
        " ('c3','beta',0.3,0.35,false,'x'), ('c4','beta',0.2,0.2,false,NULL), ('c5','beta',0.25,0.3,false,NULL),"
        " ('x10','gamma',0.95,0.9,true,NULL)");
    ToolTable t;
    t.from = "runs";
    t.format = "flat_format";
    t.columns = describe_columns(*conn, "runs");
    table_ = t;
  }
  Json run(const std::string& tool, const std::string& args) {
    DataTools tools(store_, table_, {std::chrono::seconds(5), 3});
    return Json::parse(tools.run(tool, args).json);
  }
  store::Store store_{store::StoreOptions{":memory:"}};
  ToolTable table_;
};

TEST_F(DataToolsTest, MetricsAreTheNumericColumnsButNotBooleans) {
  EXPECT_EQ(table_.metric_names(), (std::vector<std::string>{"accuracy", "relevance"}));
}

TEST_F(DataToolsTest, QueryDataSearchesIdsFiltersAndCounts) {
  const Json r = run("query_data", R"({"search_id":"C","find_max_metric":true,"filter_field":"model",
      "filter_value":"ALP","count_above":0.8})");
  EXPECT_EQ(r["total_records"], 6);
  EXPECT_EQ(r["match_count"], 5);
  EXPECT_EQ(r["matching_records"].size(), 5u);
  EXPECT_EQ(r["highest_metric"], Json({{"name", "relevance"}, {"mean_value", 0.51}}));
  EXPECT_FALSE(r.contains("lowest_metric"));
  EXPECT_EQ(r["filtered_count"], 2);
  EXPECT_EQ(r["filtered_records"][1]["case_id"], "c2");
  EXPECT_EQ(r["threshold_counts"], Json({{"accuracy_above_0.8", 2}, {"relevance_above_0.8", 2}}));
  const Json missing = run("query_data", R"({"filter_field":"nope"})");
  EXPECT_EQ(missing["filter_error"], "Column 'nope' not found");
}

TEST_F(DataToolsTest, AnalyzeDataFindsDistributionsCorrelationsAndInsights) {
  const Json r = run("analyze_data", "{}");
  EXPECT_EQ(r["metrics_analyzed"], Json({"accuracy", "relevance"}));
  EXPECT_EQ(r["distributions"]["accuracy"]["count"], 6);
  EXPECT_EQ(r["distributions"]["accuracy"]["median"], 0.55);
  EXPECT_EQ(r["strong_correlations"][0]["strength"], "strong positive");
  EXPECT_GT(r["strong_correlations"][0]["correlation"].get<double>(), 0.95);
  EXPECT_EQ(r["outliers"], Json::object());
  EXPECT_EQ(r["insights"].size(), 1u) << r.dump();
}

TEST_F(DataToolsTest, SummarizeAndCompare) {
  const Json s = run("summarize_data", R"({"focus":"quality"})");
  EXPECT_EQ(s["overview"], Json({{"total_records", 6}, {"total_columns", 6}, {"numeric_metrics", 2},
                                 {"data_format", "flat_format"}}));
  EXPECT_EQ(s["quality_issues"], Json({"note has 83.3% missing values"}));
  EXPECT_FALSE(s.contains("performance"));
  const Json c = run("compare_data", R"({"group_by":"MOD","metrics":["accuracy","passed"]})");
  EXPECT_EQ(c["group_by"], "model");
  EXPECT_EQ(c["groups"], Json({"alpha", "beta", "gamma"}));
  EXPECT_EQ(c["comparison"]["beta"]["count"], 3);
  EXPECT_EQ(c["comparison"]["alpha"]["metrics"]["accuracy"]["mean"], 0.85);
  EXPECT_EQ(c["rankings"]["accuracy"], Json({{"best", "gamma"}, {"worst", "beta"}}));
  EXPECT_EQ(run("compare_data", R"({"group_by":"zzz"})")["error"], "Column 'zzz' not found");
}

TEST_F(DataToolsTest, RunSqlReadsStoredTablesWithTheRowCap) {
  const Json r = run("run_sql", "SELECT case_id FROM runs ORDER BY case_id");
  EXPECT_TRUE(r.contains("error")) << "arguments must be an object with sql";
  const Json ok = run("run_sql", R"({"sql":"SELECT case_id FROM runs ORDER BY case_id"})");
  EXPECT_EQ(ok["row_count"], 3);
  EXPECT_EQ(ok["truncated"], true);
  EXPECT_EQ(ok["rows"][0]["case_id"], "c1");
}

TEST_F(DataToolsTest, WithoutRowsTheDataToolsSaySo) {
  DataTools tools(store_, std::nullopt, {});
  EXPECT_EQ(Json::parse(tools.run("analyze_data", "{}").json)["error"],
            "No data loaded. Please upload evaluation data first.");
  EXPECT_EQ(DataTools::describe_call("query_data", R"({"search_id":"c1","find_min_metric":true})"),
            "Querying data: id=c1, min=True, max=False");
}

TEST(ThoughtTest, ColoursAndIds) {
  EXPECT_EQ(thought_color("decision"), "#EC4899");
  EXPECT_EQ(thought_color("other"), "#6B7280");
  const Thought t = make_thought("success", "done", "Agent");
  EXPECT_EQ(t.color, "#22C55E");
  const Json j = Json::parse(thought_json(t));
  EXPECT_EQ(j["node_name"], "Agent");
  EXPECT_TRUE(j["skill_name"].is_null());
  EXPECT_EQ(j["metadata"], Json::object());
  EXPECT_EQ(util::uuid4().size(), 36u);
  EXPECT_EQ(util::uuid4()[14], '4');
}

}  // namespace
}  // namespace axis::copilot
