#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "datasets/catalog.h"
#include "signals/display_config.h"
#include "signals/schema_cache.h"
#include "signals/signal_kpis.h"
#include "signals/signals_loader.h"
#include "store/connection.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::signals {
namespace {

using Json = nlohmann::ordered_json;

// Four cases (one row has no dataset_id): res.is_resolved true/false/null/true,
// res.minutes 10/20/null/40, sat.csat 5/null/3/(unreadable cell); turn counts 2/4/6/none.
// The header says "Dataset ID" and "source" (an alias of source_name); "extra col" is kept
// as extra_col.
const char* kCsv =
    "Dataset ID,metric_name,signals,source,timestamp,conversation_stats,extra col\n"
    "c2,res,\"{\"\"is_resolved\"\": false, \"\"minutes\"\": 20}\",bot,t2,\"{\"\"turn_count\"\": 4}\",x\n"
    "c1,res,\"{'is_resolved': True, 'minutes': 10}\",bot,t1,\"{\"\"turn_count\"\": 2}\",y\n"
    "c1,sat,\"{\"\"scores\"\": {\"\"g\"\": [{\"\"name\"\": \"\"csat\"\", \"\"score\"\": 5}]}}\",bot,t1,,\n"
    "c2,sat,\"{\"\"scores\"\": {\"\"g\"\": [{\"\"name\"\": \"\"csat\"\", \"\"score\"\": null}]}}\",bot,t2,,\n"
    "c3,res,\"{\"\"is_resolved\"\": null, \"\"minutes\"\": null}\",bot,t3,\"{\"\"turn_count\"\": 6}\",\n"
    "c3,sat,\"{\"\"scores\"\": {\"\"g\"\": [{\"\"name\"\": \"\"csat\"\", \"\"score\"\": 3}]}}\",bot,t3,,\n"
    "c4,res,\"{\"\"is_resolved\"\": true, \"\"minutes\"\": 40}\",bot,t4,,\n"
    "c4,sat,not json at all,bot,t4,,\n"
    ",res,\"{\"\"is_resolved\"\": true}\",bot,t5,,\n";

class SignalsLoaderTest : public ::testing::Test {
 protected:
  SignalsLoaderTest() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("axis-signals-load-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
  }
  ~SignalsLoaderTest() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    const auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  SignalsLoad load(const std::string& text, const std::vector<std::string>& visible = {}) {
    return load_signals_csv(catalog_, ingest::inspect_csv(write("in.csv", text), ingest::CsvLimits{}),
                            "in.csv", "upload", visible);
  }

  std::string load_error(const std::string& text) {
    try {
      load(text);
    } catch (const util::HttpError& e) {
      EXPECT_EQ(e.status(), 400);
      return e.what();
    }
    return "<no error>";
  }

  std::vector<std::vector<std::optional<std::string>>> rows(const std::string& sql) {
    return store_.connection()->execute(sql).rows();
  }

  std::filesystem::path dir_;
  store::Store store_{{":memory:", "", 0, 2}};
  datasets::DatasetCatalog catalog_{store_};
};

TEST_F(SignalsLoaderTest, StoresRawRowsAndCasesWithTheirCatalogEntry) {
  const SignalsLoad loaded = load(kCsv);
  const auto& d = loaded.dataset;
  EXPECT_EQ(d.kind, "human_signals");
  EXPECT_EQ(d.format, "hitl_feedback");
  EXPECT_EQ(d.source, "upload");
  EXPECT_EQ(d.row_count, 9);
  std::vector<std::string> raw_columns;
  for (const auto& c : d.columns) raw_columns.push_back(c.name + " " + c.type);
  EXPECT_EQ(raw_columns, (std::vector<std::string>{
                             "dataset_id VARCHAR", "metric_name VARCHAR", "signals VARCHAR",
                             "metric_category VARCHAR", "source_name VARCHAR", "timestamp VARCHAR",
                             "conversation_stats VARCHAR", "extra_col VARCHAR"}));
  EXPECT_EQ(loaded.schema.unreadable_signals, 1);

  const auto cases = rows("SELECT \"Case_ID\", source_name, \"Agent_Name\", \"Business\", "
                          "CAST(\"Full_Conversation\" AS VARCHAR), \"Message_Count\", \"Timestamp\", "
                          "res__is_resolved, res__minutes, sat__csat FROM " +
                          datasets::quote_ident(cases_table_of(d.table_name)) + " ORDER BY rowid");
  using R = std::vector<std::optional<std::string>>;
  const std::optional<std::string> null;
  EXPECT_EQ(cases, (std::vector<R>{
                       R{"c1", "bot", "bot", "Unknown", "[]", "2", "t1", "true", "10", "5"},
                       R{"c2", "bot", "bot", "Unknown", "[]", "4", "t2", "false", "20", null},
                       R{"c3", "bot", "bot", "Unknown", "[]", "6", "t3", null, null, "3"},
                       R{"c4", "bot", "bot", "Unknown", "[]", "0", "t4", "true", "40", null}}));
  EXPECT_EQ(rows("SELECT metric_category FROM " + datasets::quote_ident(d.table_name) + " LIMIT 1")[0][0],
            "classification");
}

TEST_F(SignalsLoaderTest, KpisCountCasesWithoutAValueAsMissing) {
  const SignalsLoad loaded = load(kCsv);
  const Json strip = generate_display_config(*loaded.schema.schema, {})["kpi_strip"];
  auto conn = store_.connection();
  const std::string cases = cases_table_of(loaded.dataset.table_name);
  const Json kpis = compute_kpis(*conn, cases, datasets::table_columns(*conn, cases), strip);
  // 2 of the 3 cases with a value are resolved (a null is missing, not "not resolved").
  EXPECT_EQ(kpis.dump(), Json::parse(R"([
    {"key": "res__is_resolved", "label": "Is Resolved", "value": 66.66666666666667, "format": "percent",
     "aggregation": "rate", "missing": 1},
    {"key": "res__minutes", "label": "Minutes", "value": 20.0, "format": "number",
     "aggregation": "median", "missing": 1},
    {"key": "sat__csat", "label": "Csat", "value": 4.0, "format": "number",
     "aggregation": "median", "missing": 2},
    {"key": "avg_message_count", "label": "Avg Messages", "value": 3.0, "format": "number",
     "aggregation": "avg_message_count", "missing": 0},
    {"key": "total_cases", "label": "Total Cases", "value": 4.0, "format": "number",
     "aggregation": "total_cases", "missing": 0}])").dump());

  const Json custom = Json::parse(R"([
    {"label": "Mean minutes", "metric": "res", "signal": "minutes", "aggregate": "mean", "format": "duration"},
    {"metric": "res", "signal": "is_resolved", "aggregation": "sum"},
    {"metric": "res", "signal": "nope"},
    {"aggregate": "bogus"}])");
  const Json figures = compute_kpis(*conn, cases, datasets::table_columns(*conn, cases), custom);
  EXPECT_EQ(figures.dump(), Json::parse(R"([
    {"key": "res__minutes", "label": "Mean minutes", "value": 23.333333333333332, "format": "duration",
     "aggregation": "mean", "missing": 1},
    {"key": "res__is_resolved", "label": "Is Resolved", "value": 2.0, "format": "number",
     "aggregation": "sum", "missing": 1},
    {"key": "res__nope", "label": "Nope", "value": null, "format": "number",
     "aggregation": "median", "missing": 4},
    {"key": "bogus", "label": "Bogus", "value": null, "format": "number",
     "aggregation": "bogus", "missing": 4}])").dump());
}

TEST_F(SignalsLoaderTest, VisibleMetricsLimitTheCaseColumns) {
  const SignalsLoad loaded = load(kCsv, {"sat"});
  auto conn = store_.connection();
  std::vector<std::string> names;
  for (const auto& c : datasets::table_columns(*conn, cases_table_of(loaded.dataset.table_name))) {
    names.push_back(c.name);
  }
  EXPECT_EQ(names.back(), "sat__csat");
  EXPECT_EQ(std::count(names.begin(), names.end(), "res__minutes"), 0);
}

TEST_F(SignalsLoaderTest, SchemaIsRememberedPerVisibleMetrics) {
  const SignalsLoad loaded = load(kCsv);
  const std::string key = "human_signals_metric_schema:" + loaded.dataset.table_name;
  EXPECT_FALSE(store_.get_metadata(key));
  // First use reads the raw rows and remembers the result.
  const SchemaSummary all = metric_schema_of(catalog_, loaded.dataset, {});
  EXPECT_EQ(*all.schema, *loaded.schema.schema);
  EXPECT_EQ(all.unreadable_signals, 1);
  ASSERT_TRUE(store_.get_metadata(key));
  // A remembered entry is used as is (here a doctored one shows it is not recomputed).
  store_.put_metadata(key, R"({"metric_schema": {"metrics": {}}, "unreadable_signals": 7, "visible_metrics": []})");
  EXPECT_EQ(metric_schema_of(catalog_, loaded.dataset, {}).unreadable_signals, 7);
  // Other visible metrics: recomputed.
  const SchemaSummary sat = metric_schema_of(catalog_, loaded.dataset, {"sat"});
  EXPECT_EQ(sat.schema->at("metrics").size(), 1u);
  EXPECT_EQ(sat.unreadable_signals, 1);
  EXPECT_TRUE(catalog_.remove(loaded.dataset.id));
  EXPECT_FALSE(store_.get_metadata(key));
}

TEST_F(SignalsLoaderTest, MissingColumnsAreRejected) {
  EXPECT_EQ(load_error("dataset_id,metric_name,source_name\n1,m,s\n"),
            "Data does not appear to be in signals format. Required columns: metric_name, "
            "dataset_id, signals. Columns found: dataset_id, metric_name, source_name");
  EXPECT_EQ(load_error("dataset_id,metric_name,signals,environment\n1,m,{},prod\n"),
            "Data is missing required source fields (source_name). Please ensure source_name is present.");
  EXPECT_EQ(load_error("dataset_id,metric_name,signals,source_name,Source Name\n1,m,{},s,t\n"),
            "Columns 'source_name' and 'Source Name' are both 'source_name' once header names are "
            "normalised");
}

TEST_F(SignalsLoaderTest, BadFilesStoreNothingAndKeepEarlierDatasets) {
  const SignalsLoad first = load(kCsv);
  EXPECT_EQ(load_error("dataset_id,metric_name,signals,source_name\n"),
            "CSV file has a header but no data rows");
  EXPECT_EQ(load_error("dataset_id,metric_name,signals,source_name\n1,m,{},s,extra\n")
                .rfind("CSV parsing error: ", 0), 0u);
  EXPECT_EQ(load_error("dataset_id,metric_name,signals,source_name\n1,m,\"{}\",s\xff\xfe\n")
                .rfind("CSV parsing error: ", 0), 0u);
  EXPECT_EQ(catalog_.list().size(), 1u);
  EXPECT_EQ(store_.tables(), (std::vector<std::string>{first.dataset.table_name,
                                                       cases_table_of(first.dataset.table_name)}));
  EXPECT_TRUE(catalog_.remove(first.dataset.id));
  EXPECT_TRUE(store_.tables().empty());
}

}  // namespace
}  // namespace axis::signals
