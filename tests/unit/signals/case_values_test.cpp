#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "signals/case_values.h"
#include "store/connection.h"
#include "store/store.h"

namespace axis::signals {
namespace {

// Six cases with a column of each kind the cases table holds.
class CaseValuesTest : public ::testing::Test {
 protected:
  CaseValuesTest() : store_({":memory:", "", 0, 1}) {
    auto conn = store_.connection();
    conn->execute("CREATE TABLE t (id INTEGER, txt VARCHAR, flag BOOLEAN, n BIGINT, x DOUBLE, j JSON)");
    conn->execute(
        "INSERT INTO t VALUES"
        " (1, ' [\"a\", \"\", null, 1.0, 2e3, true, {\"k\": [1, 2]}, 7] ', true, 10, 3.0, '[{\"r\": \"u\"}]'),"
        " (2, '{\"b\": 1, \"a\": \"q\"}', false, 0, 0.5, '[]'),"
        " (3, '[broken', NULL, NULL, 'nan', NULL),"
        " (4, ' TRUE ', NULL, -2, 1e-7, NULL),"
        " (5, '', NULL, 9, NULL, NULL),"
        " (6, NULL, NULL, 9, 'inf', NULL)");
  }

  // One text per row, in id order: the expression's value as DuckDB prints it.
  std::vector<std::string> column(const std::string& expr) {
    std::vector<std::string> out;
    store_.connection()
        ->execute("SELECT CAST(" + expr + " AS VARCHAR) FROM t ORDER BY id")
        .for_each_row([&](const auto& row) { out.push_back(row[0].value_or("NULL")); });
    return out;
  }

  std::vector<std::string> ids(const std::string& order) {
    std::vector<std::string> out;
    store_.connection()
        ->execute("SELECT id FROM t ORDER BY " + order)
        .for_each_row([&](const auto& row) { out.push_back(row[0].value_or("")); });
    return out;
  }

  store::Store store_;
};

TEST_F(CaseValuesTest, TextHoldsListItemsItsJsonOrItself) {
  EXPECT_EQ(column(case_values_sql("txt", "VARCHAR")),
            (std::vector<std::string>{"[a, 1, 2000, true, '{\"k\":[1,2]}', 7]",
                                      "['{\"b\":1,\"a\":\"q\"}']", "['[broken']", "[' TRUE ']",
                                      "[]", "[]"}));
  EXPECT_EQ(column(case_values_sql("j", "JSON")),
            (std::vector<std::string>{"['{\"r\":\"u\"}']", "[]", "[]", "[]", "[]", "[]"}));
}

TEST_F(CaseValuesTest, BooleansAndNumbersHoldTheirJavaScriptText) {
  EXPECT_EQ(column(case_values_sql("flag", "BOOLEAN")),
            (std::vector<std::string>{"[true]", "[false]", "[]", "[]", "[]", "[]"}));
  EXPECT_EQ(column(case_values_sql("n", "BIGINT")),
            (std::vector<std::string>{"[10]", "[0]", "[]", "[-2]", "[9]", "[9]"}));
  EXPECT_EQ(column(case_values_sql("x", "DOUBLE")),
            (std::vector<std::string>{"[3]", "[0.5]", "[]", "[1e-7]", "[]", "[]"}));
}

TEST_F(CaseValuesTest, TruthyValues) {
  EXPECT_EQ(column(case_truthy_sql("txt", "VARCHAR")),
            (std::vector<std::string>{"false", "false", "false", "true", "false", "false"}));
  EXPECT_EQ(column(case_truthy_sql("flag", "BOOLEAN")),
            (std::vector<std::string>{"true", "false", "false", "false", "false", "false"}));
  EXPECT_EQ(column(case_truthy_sql("n", "BIGINT")),
            (std::vector<std::string>{"true", "false", "false", "true", "true", "true"}));
  // NaN and infinity reached the page as null.
  EXPECT_EQ(column(case_truthy_sql("x", "DOUBLE")),
            (std::vector<std::string>{"true", "true", "false", "true", "false", "false"}));
  EXPECT_EQ(column(case_truthy_sql("j", "JSON")),
            (std::vector<std::string>{"false", "false", "false", "false", "false", "false"}));
}

TEST_F(CaseValuesTest, EmptyValuesSortLastInTableOrderEitherWay) {
  EXPECT_EQ(ids(case_order_sql("n", "BIGINT", false)),
            (std::vector<std::string>{"4", "2", "5", "6", "1", "3"}));
  EXPECT_EQ(ids(case_order_sql("n", "BIGINT", true)),
            (std::vector<std::string>{"1", "5", "6", "2", "4", "3"}));
  EXPECT_EQ(ids(case_order_sql("x", "DOUBLE", true)),
            (std::vector<std::string>{"1", "2", "4", "3", "5", "6"}));
  // As JavaScript's localeCompare orders them: ' ["a"…' < ' TRUE ' < '[broken' < '{"b"…'.
  EXPECT_EQ(ids(case_order_sql("txt", "VARCHAR", false)),
            (std::vector<std::string>{"1", "4", "3", "2", "5", "6"}));
}

}  // namespace
}  // namespace axis::signals
