// Posted rows that DuckDB's JSON reading could get wrong: value types, key spelling, elements
// that are not objects, very many columns, huge numbers, mixed group values, wide rows.
// (Objects that repeat a key are written back by the handler: analytics_posted.test.mjs.)
// Every expected value is worked out by hand in the comments.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>

#include "datasets/catalog.h"
#include "posted_fixture.h"
#include "store/connection.h"
#include "store/result.h"
#include "store/sql_text.h"
#include "store/store.h"

namespace axis::analytics {
namespace {

using Json = nlohmann::ordered_json;
using testing::expect_400;

class PostedRowsEdges : public testing::PostedRowsFixture {
 protected:
  std::vector<std::string> names(const SummaryResult& r) {
    std::vector<std::string> out;
    for (const auto& m : r.metrics) out.push_back(m.metric_name);
    return out;
  }
};

TEST_F(PostedRowsEdges, IntegersAndDecimalsAreNumbersBooleansTextNestingAndNullsAreNot) {
  const SummaryResult r = service().summary(posted(R"([
    {"a": 1, "b": 0.5, "flag": true, "mix": 1, "nest": {"x": 1}, "list": [1], "none": null, "big": 1e400},
    {"a": 2.5, "b": null, "flag": false, "mix": "high", "nest": {"x": 2}, "list": [2], "none": null, "big": 3}
  ])"));
  EXPECT_EQ(r.total_records, 2);
  ASSERT_EQ(names(r), (std::vector<std::string>{"a", "b", "big"}));
  EXPECT_EQ(r.metrics[0].mean, 1.75);
  EXPECT_DOUBLE_EQ(r.metrics[0].std, std::sqrt(1.125));  // deviations ±.75, squares sum 1.125
  EXPECT_EQ(r.metrics[0].min, 1);
  EXPECT_EQ(r.metrics[0].max, 2.5);
  EXPECT_EQ(r.metrics[0].count, 2);
  EXPECT_EQ(r.metrics[0].passing_rate, 1);
  EXPECT_EQ(r.metrics[1].count, 1);  // null is no value
  EXPECT_EQ(r.metrics[1].std, 0);
  EXPECT_EQ(r.metrics[2].count, 1);  // 1e400 is a number beyond the double range: no score
  EXPECT_EQ(r.metrics[2].mean, 3);
  expect_400([&] { service().distribution(posted(R"([{"nest": {"x": 1}}])"), "nest", 2); },
             "Metric 'nest' not found");
}

TEST_F(PostedRowsEdges, KeysDifferingOnlyInCaseAreTwoColumns) {
  const auto rows = R"([{"Score": 1, "score": 0, "Team": "x"}, {"score": 1, "Team": "y"}])";
  const SummaryResult r = service().summary(posted(rows));
  ASSERT_EQ(names(r), (std::vector<std::string>{"Score", "score"}));
  EXPECT_EQ(r.metrics[0].count, 1);
  EXPECT_EQ(r.metrics[0].mean, 1);
  EXPECT_EQ(r.metrics[1].count, 2);
  EXPECT_EQ(r.metrics[1].mean, 0.5);
  expect_400([&] { service().comparison(posted(rows), "team", {}); },
             "Group column 'team' not found");
  EXPECT_EQ(service().comparison(posted(rows), "Team", {}).groups.size(), 2u);
}

TEST_F(PostedRowsEdges, KeysMayHoldAnyCharacter) {
  const auto rows = R"([{"": 1, "a/b~c": 2, "x.y": 3, "it's \"q\"": 4, "$[0]": 5}])";
  const SummaryResult r = service().summary(posted(rows));
  EXPECT_EQ(names(r), (std::vector<std::string>{"", "a/b~c", "x.y", "it's \"q\"", "$[0]"}));
  EXPECT_EQ(Json::parse(service().distribution(posted(rows), "it's \"q\"", 1).values_json),
            Json::parse("[4]"));
}

TEST_F(PostedRowsEdges, ElementsThatAreNotObjectsAreRowsWithoutValues) {
  const SummaryResult r =
      service().summary(posted(R"([5, "x", null, [1, 2], {"a": 1}, {}, true, {"a": 0}])"));
  EXPECT_EQ(r.total_records, 8);
  ASSERT_EQ(names(r), (std::vector<std::string>{"a"}));
  EXPECT_EQ(r.metrics[0].count, 2);
  EXPECT_EQ(r.metrics[0].passing_rate, 0.5);
}

TEST_F(PostedRowsEdges, AnEmptyListHasNoMetrics) {
  const SummaryResult r = service().summary(posted("[]"));
  EXPECT_EQ(r.total_records, 0);
  EXPECT_TRUE(r.metrics.empty());
  expect_400([&] { service().distribution(posted("[]"), "a", 2); }, "Metric 'a' not found");
  expect_400([&] { service().comparison(posted("[]"), "g", {}); }, "Group column 'g' not found");
  expect_400([&] { service().correlation(posted("[]"), {}); },
             "Correlation needs at least 2 metrics");
  expect_400([&] { service().radar(posted("[]"), {}, std::nullopt); },
             "A radar chart needs at least 3 metrics");
  expect_400([&] { service().scatter(posted("[]"), "a", "b", std::nullopt); },
             "Metric 'a' not found");
}

TEST_F(PostedRowsEdges, MoreKeysThanTheColumnLimitAreRefused) {
  const auto rows = R"([{"a": 1, "b": 2}, {"c": 3, "d": 4}])";
  expect_400([&] { service(3).summary(posted(rows)); },
             "The posted rows have 4 distinct keys; the limit is 3 (AXIS_MAX_CSV_COLUMNS)");
  EXPECT_EQ(service(4).summary(posted(rows)).metrics.size(), 4u);
}

TEST_F(PostedRowsEdges, HugeNumbersAreNumbers) {
  const SummaryResult r = service().summary(posted(
      R"([{"u": 18446744073709551615, "h": 123456789012345678901234567890}, {"u": -1, "h": 1}])"));
  ASSERT_EQ(names(r), (std::vector<std::string>{"u", "h"}));
  EXPECT_EQ(r.metrics[0].min, -1);
  EXPECT_EQ(r.metrics[0].max, 18446744073709551615.0);
  EXPECT_EQ(r.metrics[0].mean, 9223372036854775808.0);  // 2^64 - 1 rounds to 2^64; half is 2^63
  EXPECT_EQ(r.metrics[1].max, 123456789012345678901234567890.0);
}

TEST_F(PostedRowsEdges, GroupsSortBooleansThenNumbersByValueThenStrings) {
  const auto rows = R"([{"g": "b", "s": 1}, {"g": 10, "s": 2}, {"g": 9, "s": 3},
    {"g": true, "s": 4}, {"g": "a", "s": 5}, {"g": null, "s": 6}, {"s": 7}, {"g": 9.5, "s": 8}])";
  const GroupComparisonResult r = service().comparison(posted(rows), "g", {});
  std::vector<std::string> groups;
  std::vector<double> means;
  for (const auto& g : r.groups) {
    groups.push_back(g.value_json);
    means.push_back(g.stats[0].mean);
  }
  EXPECT_EQ(groups, (std::vector<std::string>{"true", "9", "9.5", "10", "\"a\"", "\"b\""}));
  EXPECT_EQ(means, (std::vector<double>{4, 3, 8, 2, 5, 1}));
  EXPECT_EQ(r.first_seen_groups,
            (std::vector<std::string>{"\"b\"", "10", "9", "true", "\"a\"", "9.5"}));
}

TEST_F(PostedRowsEdges, ANumberAndAStringWithTheSameTextAreTwoTraces) {
  const RadarResult r = service().radar(
      posted(R"([{"g": 2, "a": 1, "b": 1, "c": 1}, {"g": "2", "a": 3, "b": 3, "c": 3}])"), {},
      std::string("g"));
  ASSERT_EQ(r.traces.size(), 2u);
  EXPECT_EQ(r.traces[0].name, "2");
  EXPECT_EQ(r.traces[0].values, (std::vector<double>{1, 1, 1}));
  EXPECT_EQ(r.traces[1].name, "2");
  EXPECT_EQ(r.traces[1].values, (std::vector<double>{3, 3, 3}));
}

TEST_F(PostedRowsEdges, ScatterIdsAndColoursKeepTheirJsonValues) {
  const ScatterResult r = service().scatter(posted(R"([
    {"dataset_id": 7, "x": 1, "y": 2, "c": {"k": 1}}, {"dataset_id": "q", "x": 2, "y": 3, "c": [1]},
    {"x": 3, "y": 4}, {"x": 4, "c": "z"}])"), "x", "y", std::string("c"));
  EXPECT_EQ(Json::parse(r.x_json), Json::parse("[1, 2, 3]"));
  EXPECT_EQ(Json::parse(r.y_json), Json::parse("[2, 3, 4]"));
  EXPECT_EQ(Json::parse(r.color_json), Json::parse(R"([{"k": 1}, [1], null])"));
  ASSERT_TRUE(r.ids_json.has_value());
  EXPECT_EQ(Json::parse(*r.ids_json), Json::parse(R"([7, "q", null])"));
}

TEST_F(PostedRowsEdges, WideRowsGiveTheSameAnswers) {
  // Rows of 300 keys k0..k299 (k_i = i, i + 1, 2i) read their scores through a table of all
  // cells rather than by lookups; three keys alone are read by lookups. k1 = 1 2 2, k2 = 2 3 4:
  // deviations -2/3 1/3 1/3 and -1 0 1, so sxy = 1, sxx = 2/3, syy = 2 and r = √3 / 2.
  const auto rows_of = [](int keys) {
    Json rows = Json::array();
    for (const auto& f : {+[](int i) { return i; }, +[](int i) { return i + 1; }, +[](int i) { return 2 * i; }}) {
      Json row = Json::object();
      for (int i = 0; i < keys; ++i) row["k" + std::to_string(i)] = f(i);
      rows.push_back(row);
    }
    return rows.dump();
  };
  for (const int keys : {300, 3}) {
    const auto rows = posted(rows_of(keys));
    EXPECT_EQ(Json::parse(service().distribution(rows, "k2", 2).values_json), Json::parse("[2, 3, 4]"));
    EXPECT_NEAR(service().correlation(rows, {"k1", "k2"}).matrix[0][1], std::sqrt(3.0) / 2, 1e-12);
    EXPECT_EQ(service().summary(rows).metrics.size(), static_cast<std::size_t>(keys));
  }
}

TEST_F(PostedRowsEdges, ACorrelationTakesAtMost200Metrics) {
  Json row = Json::object();
  for (int i = 0; i < 201; ++i) row["m" + std::to_string(i)] = i;
  const auto rows = posted(Json::array({row, row}).dump());
  expect_400([&] { service().correlation(rows, {}); },
             "Correlation takes at most 200 metrics, not 201: name them in the body's \"metrics\" list");
  EXPECT_EQ(service().correlation(rows, {"m0", "m200"}).matrix.size(), 2u);
}

TEST_F(PostedRowsEdges, AConstantColumnCorrelatesZero) {
  const CorrelationResult r =
      service().correlation(posted(R"([{"a": 1, "b": 1}, {"a": 2, "b": 1}, {"a": 3}])"), {});
  EXPECT_EQ(r.matrix[0][1], 0.0);
}

TEST(PostedRowsTables, TheTemporaryTablesAreDroppedAfterEachCall) {
  store::Store store({":memory:", "", 0, 1});  // one connection: every call leases the same one
  datasets::DatasetCatalog catalog(store);
  SummaryTables summaries(store);
  const AnalyticsService service(catalog, summaries, 2);
  const auto temporary_tables = [&] {
    return store::cell_int(
        store.connection()->execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").scalar());
  };
  testing::PostedFile ok(R"([{"a": 1, "g": "x"}])");
  service.scatter(PostedRows{ok.path()}, "a", "a", std::string("g"));
  EXPECT_EQ(temporary_tables(), 0);
  testing::PostedFile wide(R"([{"a": 1, "b": 2, "c": 3}])");
  EXPECT_THROW(service.summary(PostedRows{wide.path()}), util::HttpError);
  EXPECT_EQ(temporary_tables(), 0);
}

}  // namespace
}  // namespace axis::analytics
