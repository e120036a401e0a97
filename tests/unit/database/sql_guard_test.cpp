// The user-SQL check and the wizard's connection strings.
#include <gtest/gtest.h>

#include "database/handles.h"
#include "database/sql_guard.h"
#include "util/http_error.h"

namespace axis::database {
namespace {

int status_of(const std::string& sql) {
  try {
    checked_select(sql);
    return 200;
  } catch (const util::HttpError& e) {
    return e.status();
  }
}

TEST(SqlGuard, ReadingStatementsPassWithoutTrailingSemicolons) {
  EXPECT_EQ(checked_select("SELECT 1;;  \n"), "SELECT 1");
  EXPECT_EQ(checked_select("  with t as (select 1) select * from t"), "  with t as (select 1) select * from t");
  EXPECT_EQ(status_of("EXPLAIN SELECT 1"), 200);
  EXPECT_EQ(status_of("SELECT updated_at, deleted FROM t"), 200);  // words inside are fine
}

TEST(SqlGuard, WritesMoreStatementsAndEmptyTextAreRefused) {
  for (const char* sql : {"", " ; ", "-- only a comment", "INSERT INTO t VALUES (1)", "update t set a = 1",
                          "  Delete from t", "DROP TABLE t", "alter table t add c int", "TRUNCATE t",
                          "create table x (a int)", "COPY t TO STDOUT", "/* x */ (DELETE FROM t)",
                          "SELECT 1; SELECT 2", "SELECT ';'", "GRANT ALL ON t TO u", "SET role postgres",
                          "CALL p()", "DO $$ BEGIN END $$", "BEGIN", "vacuum"}) {
    EXPECT_EQ(status_of(sql), 422) << sql;
  }
}

TEST(Handles, ConnectionStringsQuoteEveryValue) {
  EXPECT_EQ(conninfo("db.example", 5433, "my db", "o'neil", "p\\w'd", "require"),
            "host='db.example' port=5433 dbname='my db' user='o\\'neil' password='p\\\\w\\'d' "
            "connect_timeout=10 application_name=axis-backend sslmode='require'");
}

TEST(Handles, LiveHandlesAreFoundAndRevoked) {
  HandleRegistry registry;
  const std::string id = registry.add("host=x", "data");
  EXPECT_EQ(registry.get(id).store, "data");
  EXPECT_EQ(registry.live(), 1u);
  EXPECT_TRUE(registry.remove(id));
  EXPECT_THROW(registry.get(id), util::HttpError);
  EXPECT_FALSE(registry.remove(id));
}

TEST(Handles, AtMostOneHundred) {
  HandleRegistry registry;
  for (std::size_t i = 0; i < HandleRegistry::kMaxHandles; ++i) registry.add("host=x", "data");
  try {
    registry.add("host=x", "data");
    FAIL() << "the 101st handle was accepted";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 429);
  }
}

}  // namespace
}  // namespace axis::database
