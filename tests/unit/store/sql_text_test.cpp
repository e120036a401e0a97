#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "store/connection.h"
#include "store/sql_text.h"
#include "store/store.h"

namespace axis::store {
namespace {

// What JavaScript's String(n) gives for each number (checked in node).
TEST(SqlTextTest, JsNumberTextPrintsNumbersAsJavaScriptDoes) {
  const std::vector<std::pair<double, std::string>> cases = {
      {0.0, "0"},          {-0.0, "0"},           {3.0, "3"},
      {-7.0, "-7"},        {0.1, "0.1"},          {0.1 + 0.2, "0.30000000000000004"},
      {4.5, "4.5"},        {0.0001, "0.0001"},    {0.00001, "0.00001"},
      {1.5e-5, "0.000015"}, {-1e-6, "-0.000001"}, {1e-7, "1e-7"},
      {1.23e-7, "1.23e-7"}, {-2.5e-8, "-2.5e-8"}, {5e-324, "5e-324"},
      {123456.789, "123456.789"}, {1e15 + 0.5, "1000000000000000.5"},
      {1e16, "10000000000000000"}, {1.5e16, "15000000000000000"},
      {1.2345678901234567e20, "123456789012345670000"}, {9.999e20, "999900000000000000000"},
      {1e21, "1e+21"},     {1e300, "1e+300"},     {1.7976931348623157e308, "1.7976931348623157e+308"},
  };
  Store store({":memory:", "", 0, 1});
  auto conn = store.connection();
  for (const auto& [value, text] : cases) {
    // The expression repeats its argument, so the value is bound once in a subquery.
    EXPECT_EQ(conn->query("SELECT " + js_number_text("x") + " FROM (SELECT CAST(? AS DOUBLE) AS x)",
                          {value})
                  .scalar(),
              text)
        << value;
  }
}

TEST(SqlTextTest, AddAnyUsesEqualityForOneValueAndInForSeveral) {
  SqlWhere one;
  one.add_any("s", {"a"});
  EXPECT_EQ(one.sql(), " WHERE (s = ?)");
  ASSERT_EQ(one.values().size(), 1u);
  SqlWhere several;
  several.add("x > ?", {std::int64_t{1}}).add_any("s", {"a", "b", "c"});
  EXPECT_EQ(several.sql(), " WHERE (x > ?) AND (s IN (?, ?, ?))");
  ASSERT_EQ(several.values().size(), 4u);
  EXPECT_EQ(std::get<std::string>(several.values()[3]), "c");
}

}  // namespace
}  // namespace axis::store
