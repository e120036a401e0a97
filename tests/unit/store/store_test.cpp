#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "store/appender.h"
#include "store/database.h"
#include "store/json_rows.h"
#include "store/migrations.h"
#include "store/store.h"
#include "store/store_error.h"

namespace axis::store {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("axis-store-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string db_path() const { return (dir_ / "nested" / "local_store.duckdb").string(); }
  fs::path dir_;
};

TEST_F(StoreTest, OpeningCreatesParentFolderAndMigratesToLatest) {
  Store store({db_path(), "", 0, 2});
  EXPECT_TRUE(fs::exists(db_path()));
  EXPECT_EQ(store.schema_version(), builtin_migrations().back().version);
  auto conn = store.connection();
  auto count = conn->execute("SELECT count(*) FROM _schema_migrations").scalar();
  EXPECT_EQ(count.value(), std::to_string(builtin_migrations().size()));
}

TEST_F(StoreTest, MetadataSurvivesReopen) {
  {
    Store store({db_path(), "", 0, 2});
    store.put_metadata("eval_data", R"({"row_count":3})");
    store.put_metadata("eval_data", R"({"row_count":4})");
  }
  Store again({db_path(), "", 0, 2});
  EXPECT_EQ(again.get_metadata("eval_data").value(), R"({"row_count":4})");
  EXPECT_FALSE(again.get_metadata("missing").has_value());
}

TEST_F(StoreTest, BoundValuesAreDataNotSql) {
  Store store({":memory:", "", 0, 1});
  const std::string hostile = "x'); DROP TABLE _store_metadata; --";
  store.put_metadata(hostile, "1");
  EXPECT_EQ(store.get_metadata(hostile).value(), "1");
  auto conn = store.connection();
  EXPECT_EQ(conn->execute("SELECT count(*) FROM _store_metadata").scalar().value(), "1");
}

TEST_F(StoreTest, ProbeWritesAndReadsBack) {
  Store store({db_path(), "", 0, 2});
  StoreProbe probe = store.probe();
  EXPECT_TRUE(probe.open);
  EXPECT_TRUE(probe.writable) << probe.error;
  EXPECT_GT(probe.file_bytes, 0);
}

TEST_F(StoreTest, TablesListsUserTablesOnly) {
  Store store({":memory:", "", 0, 1});
  {
    auto conn = store.connection();
    conn->execute("CREATE TABLE zeta (a INTEGER); CREATE TABLE alpha (a INTEGER)");
  }
  EXPECT_EQ(store.tables(), (std::vector<std::string>{"alpha", "zeta"}));
}

TEST_F(StoreTest, AppenderRowsReadBackWithTypes) {
  Store store({":memory:", "", 0, 1});
  auto conn = store.connection();
  conn->execute("CREATE TABLE t (id BIGINT, name VARCHAR, score DOUBLE, ok BOOLEAN)");
  {
    Appender app(*conn, "t");
    app.append_row({std::int64_t{1}, std::string("alpha"), 0.25, true});
    app.append_row({std::int64_t{2}, std::monostate{}, 0.75, false});
    app.flush();
  }
  auto rows = conn->execute("SELECT id, name, score, ok FROM t ORDER BY id").rows();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][1].value(), "alpha");
  EXPECT_EQ(rows[0][2].value(), "0.25");
  EXPECT_EQ(rows[0][3].value(), "true");
  EXPECT_FALSE(rows[1][1].has_value());
}

TEST_F(StoreTest, JsonRowsStreamWithNonFiniteAsNull) {
  Store store({":memory:", "", 0, 1});
  auto conn = store.connection();
  std::string out;
  auto n = write_rows_json(*conn,
                           "SELECT * FROM (VALUES (1, 'a\"b', 'nan'::DOUBLE), (2, 'NaN', 0.5)) "
                           "AS v(id, label, score) WHERE id >= ? ORDER BY id",
                           {std::int64_t{1}}, [&](std::string_view s) { out += s; });
  EXPECT_EQ(n, 2);
  EXPECT_EQ(out, R"([{"id":1,"label":"a\"b","score":null},{"id":2,"label":"NaN","score":0.5}])");
}

TEST_F(StoreTest, ReplaceNonFiniteLeavesStringsAlone) {
  EXPECT_EQ(replace_non_finite(R"({"a":NaN,"b":-Infinity,"c":"Infinity \" NaN"})"),
            R"({"a":null,"b":null,"c":"Infinity \" NaN"})");
}

TEST_F(StoreTest, PoolHandsOutEachConnectionOnceAndTimesOut) {
  Database db({":memory:", "", 0});
  ConnectionPool pool(db, 2);
  auto a = pool.acquire();
  auto b = pool.acquire();
  EXPECT_EQ(pool.in_use(), 2);
  EXPECT_THROW(pool.acquire(std::chrono::milliseconds(20)), StoreError);
  std::thread release([lease = std::move(a)]() mutable { (void)lease; });
  release.join();
  EXPECT_EQ(pool.in_use(), 1);
  auto c = pool.acquire(std::chrono::milliseconds(20));
  EXPECT_EQ(pool.in_use(), 2);
}

TEST_F(StoreTest, FailedMigrationRollsBackAndReportsIt) {
  Store store({":memory:", "", 0, 1});
  auto conn = store.connection();
  std::vector<Migration> migrations = builtin_migrations();
  migrations.push_back({99, "broken", "CREATE TABLE ok_part (a INTEGER); SELECT * FROM nope"});
  EXPECT_THROW(
      {
        try {
          migrate(*conn, migrations);
        } catch (const StoreError& e) {
          EXPECT_NE(std::string(e.what()).find("migration 99 (broken)"), std::string::npos);
          throw;
        }
      },
      StoreError);
  EXPECT_EQ(conn->execute("SELECT max(version) FROM _schema_migrations").scalar().value(),
            std::to_string(builtin_migrations().back().version));
  EXPECT_EQ(conn->execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'ok_part'")
                .scalar().value(), "0");
}

TEST_F(StoreTest, NewerSchemaThanBinaryIsRefused) {
  Store store({":memory:", "", 0, 1});
  auto conn = store.connection();
  conn->execute("INSERT INTO _schema_migrations (version, name) VALUES (1000, 'future')");
  EXPECT_THROW(migrate(*conn, builtin_migrations()), StoreError);
}

}  // namespace
}  // namespace axis::store
