#include <gtest/gtest.h>

#include "signals/raw_rows.h"
#include "store/connection.h"
#include "store/store.h"

namespace axis::signals {
namespace {

class RawRowsTest : public ::testing::Test {
 protected:
  // Rows in file order: c2, c1, c2, c3, (no id), c1, c4 with metric m<row number>.
  void create(store::Connection& conn) {
    conn.execute("CREATE TABLE raw AS SELECT * FROM (VALUES "
                 "('c2', 'm1'), ('c1', 'm2'), ('c2', 'm3'), ('c3', 'm4'), (NULL, 'm5'), "
                 "('c1', 'm6'), ('c4', 'm7'), ('', 'm8')) t(dataset_id, metric_name)");
    layout_ = RawLayout::of(datasets::table_columns(conn, "raw"));
  }

  std::string in_file_order(store::Connection& conn) {
    std::string out;
    scan_in_file_order(conn, "raw", layout_, [&](const RawRow& r) {
      out += r[RawColumn::metric_name].value_or("?") + " ";
    }, 3);
    return out;
  }

  std::string by_case(store::Connection& conn, std::int64_t batch) {
    std::string out;
    scan_by_case(conn, "raw", layout_, [&](const std::vector<RawRow>& rows) {
      out += *rows.front()[RawColumn::dataset_id] + ":";
      for (const auto& r : rows) out += " " + r[RawColumn::metric_name].value_or("?");
      out += "; ";
    }, batch);
    return out;
  }

  store::Store store_{{":memory:", "", 0, 2}};
  RawLayout layout_;
};

TEST_F(RawRowsTest, LayoutFromColumns) {
  auto conn = store_.connection();
  create(*conn);
  EXPECT_TRUE(layout_.has(RawColumn::dataset_id));
  EXPECT_TRUE(layout_.has(RawColumn::metric_name));
  EXPECT_FALSE(layout_.has(RawColumn::signals));
}

TEST_F(RawRowsTest, BatchesKeepFileOrderAndWholeCases) {
  auto conn = store_.connection();
  create(*conn);
  EXPECT_EQ(in_file_order(*conn), "m1 m2 m3 m4 m5 m6 m7 m8 ");
  const std::string cases = "c1: m2 m6; c2: m1 m3; c3: m4; c4: m7; ";
  EXPECT_EQ(by_case(*conn, 1), cases);
  EXPECT_EQ(by_case(*conn, 3), cases);
  EXPECT_EQ(by_case(*conn, 100), cases);
}

TEST_F(RawRowsTest, RowsOfTheOpenTransactionToo) {
  // Rows written by an uncommitted transaction have row ids far from 0.
  auto conn = store_.connection();
  conn->execute("BEGIN TRANSACTION");
  create(*conn);
  EXPECT_EQ(in_file_order(*conn), "m1 m2 m3 m4 m5 m6 m7 m8 ");
  EXPECT_EQ(by_case(*conn, 2), "c1: m2 m6; c2: m1 m3; c3: m4; c4: m7; ");
  conn->execute("ROLLBACK");
}

}  // namespace
}  // namespace axis::signals
