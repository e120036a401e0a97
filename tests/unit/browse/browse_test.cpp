#include <gtest/gtest.h>

#include "../monitoring/analytics_fixture.h"
#include "browse/browse_cache.h"
#include "browse/browse_data.h"
#include "browse/browse_metadata.h"
#include "util/http_error.h"

namespace axis::browse {
namespace {

using monitoring::testing::status_of;
using monitoring::testing::AnalyticsFixture;
using monitoring::testing::parse;
using Json = nlohmann::json;

class Browse : public ::testing::Test {
 protected:
  Browse() {
    fx_.add_long("mon");
    fx_.add("kpis",
            "SELECT * FROM (VALUES ('k1', TIMESTAMP '2026-02-01 08:00:00', 'alpha', 'csat', 4.5),"
            " ('k2', TIMESTAMP '2026-02-03 08:00:00', 'beta', 'nps', 30.0)"
            ") v(id, created_at, source_name, kpi_name, numeric_value)",
            "kpi");
    fx_.add("hs", "SELECT 'case-1' AS dataset_id, 'resolution' AS metric_name", "human_signals");
    fx_.store().connection()->execute(
        "CREATE TABLE ds_hs_cases AS SELECT 'case-1' AS Case_ID, '2026-03-01T10:00:00Z' AS "
        "Timestamp, 3 AS Message_Count");
  }

  BrowseTable open(const std::string& name, const std::string& id = "") {
    return open_browse_table(fx_.catalog(), name, id);
  }
  Json page(const std::string& name, const BrowseQuery& q) {
    auto conn = fx_.store().connection();
    return parse(page_json(cache_, *conn, open(name), q));
  }
  static std::vector<std::string> ids(const Json& reply, const char* key = "dataset_id") {
    std::vector<std::string> out;
    for (const auto& row : reply["data"]) out.push_back(row[key]);
    return out;
  }

  AnalyticsFixture fx_;
  BrowseCache cache_;
};

TEST_F(Browse, NamesMapToTheNewestDatasetOfTheirKind) {
  EXPECT_EQ(open("monitoring").table_name, "ds_mon");
  EXPECT_EQ(open("kpi").table_name, "ds_kpis");
  EXPECT_EQ(open("human_signals").table_name, "ds_hs_cases");
  EXPECT_EQ(open("human_signals_raw").table_name, "ds_hs");
  EXPECT_EQ(open("monitoring", "mon").dataset.id, "mon");
  EXPECT_EQ(status_of([&] { open("sales"); }), 404);
  EXPECT_EQ(status_of([&] { open("eval"); }), 404);            // none stored
  EXPECT_EQ(status_of([&] { open("monitoring", "kpis"); }), 404);  // another kind
  EXPECT_EQ(status_of([&] { open("monitoring", "nope"); }), 404);
}

// The values listed for a filter field, or nullopt when the table lacks the field.
std::optional<std::vector<std::string>> values_of(const TableMetadata& m, const std::string& field) {
  for (const auto& [name, values] : m.filter_values) {
    if (name == field) return values;
  }
  return std::nullopt;
}

TEST_F(Browse, MonitoringMetadata) {
  auto conn = fx_.store().connection();
  const auto m = table_metadata(cache_, *conn, open("monitoring"));
  EXPECT_EQ(m->row_count, 14);
  EXPECT_EQ(m->columns[0], (std::pair<std::string, std::string>{"dataset_id", "VARCHAR"}));
  EXPECT_EQ(m->columns[1].second, "TIMESTAMP");
  using V = std::vector<std::string>;
  EXPECT_EQ(values_of(*m, "environment"), (V{"dev", "prod"}));
  EXPECT_EQ(values_of(*m, "metric_name"), (V{"coherence", "relevance", "sentiment", "summary"}));
  EXPECT_EQ(values_of(*m, "metric_category"),
            (V{"ANALYSIS", "CLASSIFICATION", "Classification", "SCORE"}));
  EXPECT_EQ(values_of(*m, "kpi_name"), std::nullopt);
  EXPECT_EQ(m->time_min, "2026-01-05T10:15:00Z");
  EXPECT_EQ(m->time_max, "2026-01-12T00:00:00Z");
  ASSERT_TRUE(m->summary_stats);
  const SummaryStats& s = *m->summary_stats;
  EXPECT_EQ(s.total_records, 8);
  EXPECT_NEAR(s.avg_score, 5.1 / 8, 1e-12);
  EXPECT_NEAR(s.pass_rate, 75.0, 1e-9);
  // Latency of every row that has one: 100 100 200 200 300 300 1000 1000 400.
  EXPECT_NEAR(s.p50_latency, 300.0, 1e-9);
  // Remembered: the second read is the same object.
  EXPECT_EQ(table_metadata(cache_, *conn, open("monitoring")), m);
}

TEST_F(Browse, KpiMetadataUsesCreatedAt) {
  auto conn = fx_.store().connection();
  const auto m = table_metadata(cache_, *conn, open("kpi"));
  EXPECT_EQ(m->dataset, "kpi");
  EXPECT_EQ(values_of(*m, "kpi_name"), (std::vector<std::string>{"csat", "nps"}));
  EXPECT_EQ(m->time_max, "2026-02-03T08:00:00Z");
  EXPECT_FALSE(m->summary_stats);
}

TEST_F(Browse, FilterValuesAreCappedAndSorted) {
  fx_.add("many", "SELECT 'src-' || lpad(CAST(i AS VARCHAR), 3, '0') AS source_name "
                  "FROM range(250) t(i) ORDER BY i DESC");
  auto conn = fx_.store().connection();
  const auto values = values_of(*table_metadata(cache_, *conn, open("monitoring", "many")), "source_name");
  ASSERT_TRUE(values);
  ASSERT_EQ(values->size(), 200u);
  EXPECT_EQ(values->front(), "src-000");
  EXPECT_EQ(values->back(), "src-199");
}

TEST_F(Browse, DefaultPageIsNewestFirstWithIsoTimestamps) {
  BrowseQuery q;
  q.page_size = 3;
  const Json reply = page("monitoring", q);
  EXPECT_EQ(reply["total"], 14);
  EXPECT_EQ(reply["page"], 1);
  EXPECT_EQ(reply["page_size"], 3);
  EXPECT_EQ(ids(reply), (std::vector<std::string>{"r5", "r4", "r4"}));
  EXPECT_EQ(reply["data"][0]["timestamp"], "2026-01-12T00:00:00Z");
  EXPECT_EQ(reply["data"][0]["metric_score"], 1.0);
  q.page = 5;
  EXPECT_EQ(ids(page("monitoring", q)), (std::vector<std::string>{"r1", "r1"}));  // rows 13-14
  q.page = 6;
  EXPECT_EQ(page("monitoring", q)["data"], Json::array());
}

TEST_F(Browse, SortColumnsAndFilters) {
  BrowseQuery q;
  q.sort_by = "latency";
  q.sort_dir = "asc";
  q.columns = {"dataset_id", "latency"};
  q.filters.environment = "dev";
  const Json reply = page("monitoring", q);
  EXPECT_EQ(reply["total"], 5);  // r3 x2, r4 x2, a2
  EXPECT_EQ(reply["data"][0], Json::parse(R"({"dataset_id":"r3","latency":300.0})"));
  EXPECT_EQ(ids(reply), (std::vector<std::string>{"r3", "r3", "r4", "r4", "a2"}));  // nulls last

  q = {};
  q.filters.metric_name = "sentiment";
  q.filters.time_start = "2026-01-06T10:00:00Z";
  EXPECT_EQ(ids(page("monitoring", q)), (std::vector<std::string>{"c3", "c2"}));
  q.filters.time_start = "2026-01-07T00:00:00Z";
  q.filters.time_end = "2026-01-06T00:00:00Z";
  EXPECT_EQ(status_of([&] { page("monitoring", q); }), 400);
}

TEST_F(Browse, UnknownSortOrColumnIs400) {
  BrowseQuery q;
  q.sort_by = "nope";
  EXPECT_EQ(status_of([&] { page("monitoring", q); }), 400);
  q = {};
  q.columns = {"dataset_id", "nope"};
  EXPECT_EQ(status_of([&] { page("monitoring", q); }), 400);
}

TEST_F(Browse, SearchIsCaseInsensitiveAndTakesWildcardsLiterally) {
  fx_.add("texts",
          "SELECT * FROM (VALUES (1, 'Refund 50% now', 't-1', TIMESTAMP '2026-01-01 00:00:00'),"
          " (2, 'refund 50 now', 't_2', TIMESTAMP '2026-01-02 00:00:00'),"
          " (3, 'other', 'tx2', TIMESTAMP '2026-01-03 00:00:00')"
          ") v(n, query, trace_id, timestamp)");
  auto search = [&](const std::string& text) {
    BrowseQuery q;
    q.search = text;
    auto conn = fx_.store().connection();
    const Json reply = parse(page_json(cache_, *conn, open("monitoring", "texts"), q));
    std::vector<int> out;
    for (const auto& row : reply["data"]) out.push_back(row["n"]);
    return out;
  };
  EXPECT_EQ(search("REFUND"), (std::vector<int>{2, 1}));
  EXPECT_EQ(search("50%"), (std::vector<int>{1}));   // % is a character, not a wildcard
  EXPECT_EQ(search("t_2"), (std::vector<int>{2}));   // so is _ (tx2 does not match)
  EXPECT_EQ(search("nothing"), (std::vector<int>{}));
}

TEST_F(Browse, HumanSignalsCasesTable) {
  BrowseQuery q;
  const Json reply = page("human_signals", q);
  EXPECT_EQ(reply["total"], 1);
  EXPECT_EQ(reply["data"][0]["Case_ID"], "case-1");
  EXPECT_EQ(reply["data"][0]["Message_Count"], 3);
  EXPECT_EQ(ids(page("kpi", q), "id"), (std::vector<std::string>{"k2", "k1"}));
}

}  // namespace
}  // namespace axis::browse
