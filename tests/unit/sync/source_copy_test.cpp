// The pieces of the sync read path that need no server: range conditions with quoted bounds,
// PostgreSQL quoting, and the DuckDB type of each PostgreSQL type.
#include <gtest/gtest.h>

#include "pg/pg_connection.h"
#include "sync/source_copy.h"
#include "sync/staging.h"

namespace axis::sync {
namespace {

TEST(SourceCopy, RangesCoverEveryValueOnceAndNullsGoFirst) {
  EXPECT_EQ(range_conditions("c", {}), std::vector<std::string>{""});
  EXPECT_EQ(range_conditions("\"ts\"", {"2026-01-02 00:00:00+00", "2026-01-03 00:00:00+00"}),
            (std::vector<std::string>{
                "\"ts\" < '2026-01-02 00:00:00+00' OR \"ts\" IS NULL",
                "\"ts\" >= '2026-01-02 00:00:00+00' AND \"ts\" < '2026-01-03 00:00:00+00'",
                "\"ts\" >= '2026-01-03 00:00:00+00'"}));
}

TEST(SourceCopy, BoundsAreQuotedLiterals) {
  const auto ranges = range_conditions("c", {"it's"});
  EXPECT_EQ(ranges.front(), "c < 'it''s' OR c IS NULL");
  EXPECT_EQ(ranges.back(), "c >= 'it''s'");
}

TEST(PgQuoting, IdentifiersAndLiterals) {
  EXPECT_EQ(pg::quote_ident("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(pg::quote_ident("Robert'); DROP TABLE x;--"), "\"Robert'); DROP TABLE x;--\"");
  EXPECT_EQ(pg::quote_literal("O'Brien"), "'O''Brien'");
  EXPECT_EQ(pg::quote_literal("back\\slash"), "'back\\slash'");
  EXPECT_THROW(pg::quote_literal(std::string("a\0b", 3)), std::invalid_argument);
  EXPECT_THROW(pg::quote_ident(std::string("a\0b", 3)), std::invalid_argument);
}

TEST(Staging, PostgresTypesMapToDuckDbTypes) {
  namespace oid = pg::oid;
  EXPECT_EQ(duckdb_type(oid::kInt8), "BIGINT");
  EXPECT_EQ(duckdb_type(oid::kInt4), "INTEGER");
  EXPECT_EQ(duckdb_type(oid::kNumeric), "DOUBLE");
  EXPECT_EQ(duckdb_type(oid::kFloat4), "DOUBLE");
  EXPECT_EQ(duckdb_type(oid::kBool), "BOOLEAN");
  EXPECT_EQ(duckdb_type(oid::kDate), "DATE");
  EXPECT_EQ(duckdb_type(oid::kTimestampTz), "TIMESTAMP");
  EXPECT_EQ(duckdb_type(oid::kText), "VARCHAR");
  EXPECT_EQ(duckdb_type(3802), "VARCHAR");  // jsonb
}

}  // namespace
}  // namespace axis::sync
