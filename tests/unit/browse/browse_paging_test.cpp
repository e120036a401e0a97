// Paging a larger table: pages sorted by time are answered from the newest (or oldest) slice
// of the time span when it holds the whole page, and from the whole table otherwise; either
// way the rows are those of the plain ORDER BY.
#include <gtest/gtest.h>

#include "../monitoring/analytics_fixture.h"
#include "browse/browse_cache.h"
#include "browse/browse_data.h"

namespace axis::browse {
namespace {

using monitoring::testing::AnalyticsFixture;
using monitoring::testing::parse;
using Json = nlohmann::json;

// 5000 rows, n = 0..4999, one minute apart from 2026-01-01 00:00; every n ending in 999 has no
// timestamp. Even n are prod, odd dev; n < 2000 come from source "old", the others from "new".
class BrowsePaging : public ::testing::Test {
 protected:
  BrowsePaging() {
    fx_.add("series",
            "SELECT n, CASE WHEN n % 1000 = 999 THEN NULL ELSE TIMESTAMP '2026-01-01 00:00:00' + "
            "to_minutes(n) END AS timestamp, CASE WHEN n % 2 = 0 THEN 'prod' ELSE 'dev' END AS "
            "environment, CASE WHEN n < 2000 THEN 'old' ELSE 'new' END AS source_name, "
            "'q' || n AS query FROM range(5000) t(n)");
  }

  std::vector<int> page(BrowseQuery q) {
    auto conn = fx_.store().connection();
    const Json reply =
        parse(page_json(cache_, *conn, open_browse_table(fx_.catalog(), "monitoring", ""), q));
    std::vector<int> out;
    for (const auto& row : reply["data"]) out.push_back(row["n"]);
    total_ = reply["total"];
    return out;
  }
  static std::vector<int> range(int from, int step, int count) {
    std::vector<int> out;
    for (int i = 0; i < count; ++i) out.push_back(from + i * step);
    return out;
  }

  AnalyticsFixture fx_;
  BrowseCache cache_;
  std::int64_t total_ = 0;
};

TEST_F(BrowsePaging, NewestFirstPages) {
  BrowseQuery q;
  q.page_size = 10;
  EXPECT_EQ(page(q), range(4998, -1, 10));  // 4999 has no timestamp
  EXPECT_EQ(total_, 5000);
  q.page = 3;
  EXPECT_EQ(page(q), range(4978, -1, 10));
  q.filters.environment = "prod";
  EXPECT_EQ(page(q), range(4958, -2, 10));
  EXPECT_EQ(total_, 2500);
}

TEST_F(BrowsePaging, OldestFirstPages) {
  BrowseQuery q;
  q.page_size = 10;
  q.page = 2;
  q.sort_dir = "asc";
  EXPECT_EQ(page(q), range(10, 1, 10));
  q.sort_by = "timestamp";
  EXPECT_EQ(page(q), range(10, 1, 10));
}

TEST_F(BrowsePaging, RowsWithoutTimeComeLast) {
  BrowseQuery q;
  q.page_size = 10;
  q.page = 500;
  EXPECT_EQ(page(q), (std::vector<int>{4, 3, 2, 1, 0, 999, 1999, 2999, 3999, 4999}));
}

TEST_F(BrowsePaging, MatchesOnlyInOldRowsFallBackToTheWholeTable) {
  BrowseQuery q;
  q.page_size = 10;
  q.filters.source_name = "old";  // 2000 rows, none in the newest slices
  EXPECT_EQ(page(q), range(1998, -1, 10));
  EXPECT_EQ(total_, 2000);
}

TEST_F(BrowsePaging, SearchAndOtherSorts) {
  BrowseQuery q;
  q.search = "Q4321";
  EXPECT_EQ(page(q), (std::vector<int>{4321}));
  EXPECT_EQ(page(q), (std::vector<int>{4321}));  // again, from the remembered rows
  q.search = "q123";  // q123 and q1230..q1239
  EXPECT_EQ(page(q), (std::vector<int>{1239, 1238, 1237, 1236, 1235, 1234, 1233, 1232, 1231, 1230,
                                        123}));
  q.page_size = 4;
  q.page = 3;
  EXPECT_EQ(page(q), (std::vector<int>{1231, 1230, 123}));
  EXPECT_EQ(total_, 11);
  q.page = 4;
  EXPECT_EQ(page(q), std::vector<int>{});
  q.search = "q1";  // 1111 rows: more than a small search keeps
  q.page = 1;
  EXPECT_EQ(page(q), (std::vector<int>{1998, 1997, 1996, 1995}));  // names starting q1
  EXPECT_EQ(total_, 1111);
  q = {};
  q.page_size = 3;
  q.sort_by = "n";
  EXPECT_EQ(page(q), (std::vector<int>{4999, 4998, 4997}));
}

TEST(BrowseCacheTest, KeysTellValueTypesApart) {
  EXPECT_NE(cache_key("count", "t", "sql", {std::int64_t{1}}),
            cache_key("count", "t", "sql", {1.0}));
  EXPECT_NE(cache_key("count", "t", "sql", {std::string("1")}),
            cache_key("count", "t", "sql", {std::int64_t{1}}));
  EXPECT_EQ(cache_key("count", "t", "sql", {std::string("x")}),
            cache_key("count", "t", "sql", {std::string("x")}));
}

}  // namespace
}  // namespace axis::browse
