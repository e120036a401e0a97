#include "store/guarded_select.h"

#include <gtest/gtest.h>

#include "store/store.h"

namespace axis::store {
namespace {

class GuardedSelectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto conn = store_.connection();
    conn->execute("CREATE TABLE scores (id INTEGER, metric VARCHAR, score DOUBLE);"
                  "INSERT INTO scores VALUES (1, 'a', 0.5), (2, 'a', 0.7), (3, 'b', 0.9);"
                  "CREATE TABLE secrets (k VARCHAR)");
  }
  GuardedSelectResult run(const std::string& sql, std::size_t max_rows = 200) {
    auto conn = store_.connection();
    return guarded_select(*conn, sql, {{"scores"}, std::chrono::milliseconds(2000), max_rows});
  }
  std::string refusal(const std::string& sql) {
    try {
      run(sql);
    } catch (const GuardedSelectError& e) {
      return e.what();
    }
    return "";
  }
  Store store_{StoreOptions{":memory:"}};
};

TEST_F(GuardedSelectTest, RunsASelectOverAnAllowedTable) {
  auto r = run("SELECT metric, round(avg(score), 2) AS mean FROM scores GROUP BY metric ORDER BY metric;");
  EXPECT_EQ(r.columns, (std::vector<std::string>{"metric", "mean"}));
  EXPECT_EQ(r.rows_json, R"([{"metric":"a","mean":0.6},{"metric":"b","mean":0.9}])");
  EXPECT_EQ(r.row_count, 2u);
  EXPECT_FALSE(r.truncated);
}

TEST_F(GuardedSelectTest, CapsRowsAndSaysSo) {
  auto r = run("SELECT id FROM scores ORDER BY id", 2);
  EXPECT_EQ(r.rows_json, R"([{"id":1},{"id":2}])");
  EXPECT_TRUE(r.truncated);
}

TEST_F(GuardedSelectTest, CtesAndSubqueriesOverAllowedTablesWork) {
  auto r = run("WITH s AS (SELECT * FROM scores WHERE score > 0.6) SELECT count(*) AS n FROM s");
  EXPECT_EQ(r.rows_json, R"([{"n":2}])");
}

TEST_F(GuardedSelectTest, RefusesWhatIsNotAReadOfAllowedTables) {
  EXPECT_NE(refusal("SELECT * FROM secrets").find("Table 'secrets'"), std::string::npos);
  EXPECT_NE(refusal("SELECT * FROM scores, (SELECT * FROM secrets)").find("secrets"), std::string::npos);
  EXPECT_NE(refusal("DELETE FROM scores").find("Only SELECT"), std::string::npos);
  EXPECT_NE(refusal("SELECT 1; DROP TABLE scores").find("one statement"), std::string::npos);
  EXPECT_NE(refusal("SELECT * FROM read_csv('/etc/passwd')").find("Table functions"), std::string::npos);
  EXPECT_NE(refusal("SELECT * FROM scores WHERE id IN (SELECT 1 FROM glob('*'))").find("Table functions"),
            std::string::npos);
  EXPECT_NE(refusal("   ").find("empty"), std::string::npos);
  EXPECT_FALSE(refusal("SELEC nonsense").empty());
  auto conn = store_.connection();
  EXPECT_EQ(conn->execute("SELECT count(*) FROM scores").scalar(), "3");
}

TEST_F(GuardedSelectTest, StopsAQueryThatRunsTooLong) {
  auto conn = store_.connection();
  try {
    guarded_select(*conn, "SELECT count(*) FROM range(100000000000) a",
                   {{"scores"}, std::chrono::milliseconds(200), 10});
    FAIL() << "expected a refusal";
  } catch (const GuardedSelectError& e) {
    // range() is a table function, refused before it runs.
    EXPECT_NE(std::string(e.what()).find("Table functions"), std::string::npos);
  }
  const auto started = std::chrono::steady_clock::now();
  try {
    guarded_select(*conn,
                   "SELECT count(*) FROM scores a, scores b, scores c, scores d, scores e, scores f,"
                   " scores g, scores h, scores i, scores j, scores k, scores l, scores m, scores n,"
                   " scores o, scores p, scores q, scores r, scores s, scores t, scores u, scores v"
                   " WHERE a.score * b.score * c.score > random()",
                   {{"scores"}, std::chrono::milliseconds(300), 10});
    FAIL() << "expected the timeout";
  } catch (const GuardedSelectError& e) {
    EXPECT_NE(std::string(e.what()).find("was stopped"), std::string::npos) << e.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

}  // namespace
}  // namespace axis::store
