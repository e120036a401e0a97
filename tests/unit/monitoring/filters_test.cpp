#include <gtest/gtest.h>

#include "analytics_fixture.h"
#include "monitoring/monitoring_filters.h"
#include "store/connection.h"
#include "store/sql_text.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::monitoring {
namespace {

using testing::status_of;

class FiltersTest : public ::testing::Test {
 protected:
  FiltersTest() : store_({":memory:", "", 0, 2}) {
    store_.connection()->execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES"
        " ('prod', 'a', 'SCORE', TIMESTAMP '2026-01-05 10:00:00'),"
        " ('prod', 'b', NULL, TIMESTAMP '2026-01-05 11:00:00'),"
        " ('dev', 'a', 'classification', TIMESTAMP '2026-01-06 00:00:00'),"
        " ('dev', 'b', 'ANALYSIS', TIMESTAMP '2026-01-07 00:00:00')"
        ") v(environment, source_name, metric_category, timestamp)");
  }

  // Rows of t kept by the filters, on a table with `columns` (a subset of t's).
  std::int64_t count(const MonitoringFilters& f,
                     std::vector<datasets::ColumnInfo> columns = {
                         {"environment", "VARCHAR"}, {"source_name", "VARCHAR"},
                         {"metric_category", "VARCHAR"}, {"timestamp", "TIMESTAMP"}}) {
    auto conn = store_.connection();
    store::SqlWhere where;
    const auto* ts = find_column(columns, "timestamp");
    add_row_filters(where, f, resolve_time_range(*conn, f), columns, ts ? timestamp_sql(*ts) : "");
    return store::cell_int(conn->query("SELECT count(*) FROM t" + where.sql(), where.values())
                                   .scalar());
  }

  store::Store store_;
};

TEST_F(FiltersTest, GroupByAllowlistNamesTheAllowedColumns) {
  EXPECT_EQ(check_group_by("source_name"), "source_name");
  EXPECT_EQ(check_group_by("model_name"), "model_name");
  try {
    check_group_by("query");
    FAIL() << "expected a 400";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_NE(std::string(e.what()).find("Allowed: environment, source_name, source_component, "
                                         "source_type, metric_name, evaluation_name, model_name"),
              std::string::npos);
  }
}

TEST_F(FiltersTest, GranularitiesMapToDateTruncUnits) {
  EXPECT_EQ(truncation_unit("hourly"), "hour");
  EXPECT_EQ(truncation_unit("daily"), "day");
  EXPECT_EQ(truncation_unit("weekly"), "week");
  EXPECT_THROW(truncation_unit("monthly"), std::logic_error);
  EXPECT_EQ(granularities(), (std::vector<std::string>{"hourly", "daily", "weekly"}));
}

TEST_F(FiltersTest, EqualityFiltersCombineWithAnd) {
  MonitoringFilters f;
  EXPECT_EQ(count(f), 4);
  f.environment = "prod";
  EXPECT_EQ(count(f), 2);
  f.source_name = "b";
  EXPECT_EQ(count(f), 1);
  f.source_component = "x";  // the table has no such column: not applied
  EXPECT_EQ(count(f), 1);
}

TEST_F(FiltersTest, ScoreCategoryAlsoMatchesRowsWithoutOne) {
  MonitoringFilters f;
  f.metric_category = "SCORE";
  EXPECT_EQ(count(f), 2);
  f.metric_category = "score";
  EXPECT_EQ(count(f), 2);
  f.metric_category = "CLASSIFICATION";  // stored lower case, matched upper case
  EXPECT_EQ(count(f), 1);
  f.metric_category = "analysis";
  EXPECT_EQ(count(f), 1);
}

TEST_F(FiltersTest, CategoryWithoutCategoryColumn) {
  const std::vector<datasets::ColumnInfo> columns = {{"environment", "VARCHAR"}};
  MonitoringFilters f;
  f.metric_category = "SCORE";
  EXPECT_EQ(count(f, columns), 4);
  f.metric_category = "ANALYSIS";
  EXPECT_EQ(count(f, columns), 0);
}

TEST_F(FiltersTest, TimeWindowIsInclusiveAndReadsZones) {
  MonitoringFilters f;
  f.time_start = "2026-01-05T11:00:00Z";
  f.time_end = "2026-01-06";
  EXPECT_EQ(count(f), 2);  // 11:00 on the 5th and midnight on the 6th, both bounds included
  f.time_start = "2026-01-05T12:00:00+01:00";  // = 11:00 UTC
  EXPECT_EQ(count(f), 2);
  f.time_end.reset();
  EXPECT_EQ(count(f), 3);
}

TEST_F(FiltersTest, TimeRangeIsNormalisedToUtc) {
  auto conn = store_.connection();
  MonitoringFilters f;
  f.time_start = "2026-01-05T12:30:00+02:00";
  f.time_end = "2026-01-05 18:00";
  const TimeRange r = resolve_time_range(*conn, f);
  EXPECT_EQ(r.start, "2026-01-05 10:30:00.000000");
  EXPECT_EQ(r.end, "2026-01-05 18:00:00.000000");
}

TEST_F(FiltersTest, UnreadableTimeIs422AndReversedWindowIs400) {
  auto conn = store_.connection();
  MonitoringFilters f;
  f.time_start = "yesterday";
  try {
    resolve_time_range(*conn, f);
    FAIL() << "expected a 422";
  } catch (const util::HttpError& e) {
    ASSERT_EQ(e.status(), 422);
    ASSERT_EQ(e.issues().size(), 1u);
    EXPECT_EQ(e.issues()[0].type, "datetime_parsing");
    EXPECT_EQ(e.issues()[0].loc, (std::vector<std::string>{"query", "time_start"}));
  }
  f.time_start = "2026-01-06T00:00:00Z";
  f.time_end = "2026-01-05T00:00:00Z";
  EXPECT_EQ(status_of([&] { resolve_time_range(*conn, f); }), 400);
  f.time_end = "2026-01-06T00:00:00Z";  // equal bounds are a valid one-instant window
  EXPECT_EQ(status_of([&] { resolve_time_range(*conn, f); }), 200);
}

TEST_F(FiltersTest, RequestedMetricsPreferTheParameter) {
  MonitoringFilters f;
  EXPECT_EQ(requested_metrics(f, {"a", "b"}), (std::vector<std::string>{"a", "b"}));
  f.metric_name = "c";
  EXPECT_EQ(requested_metrics(f, {"a", "b"}), (std::vector<std::string>{"c"}));
}

TEST_F(FiltersTest, IsoTimestamps) {
  auto conn = store_.connection();
  EXPECT_EQ(conn->execute("SELECT " + iso_utc_sql("TIMESTAMP '2026-01-05 10:00:00'")).scalar(),
            "2026-01-05T10:00:00Z");
}

}  // namespace
}  // namespace axis::monitoring
