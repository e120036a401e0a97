#include "util/text.h"

#include <gtest/gtest.h>

namespace axis::util {
namespace {

TEST(TextTest, TrimBlankAndSemicolons) {
  EXPECT_EQ(trim(" \t a b \r\n"), "a b");
  EXPECT_TRUE(is_blank(" \n\t"));
  EXPECT_FALSE(is_blank(" x "));
  EXPECT_EQ(without_trailing_semicolons("SELECT 1 ; ;\n"), "SELECT 1");
}

TEST(TextTest, NumbersPrintAsPythonFloats) {
  EXPECT_EQ(python_float(0.5), "0.5");
  EXPECT_EQ(python_float(1), "1.0");
  EXPECT_EQ(python_float(0.25), "0.25");
  EXPECT_EQ(python_float(1e-05), "1e-05");
  // python3 -c "print(repr(1e15), repr(1e16), ...)": fixed notation for exponents in [-4, 16).
  EXPECT_EQ(python_float(1e15), "1000000000000000.0");
  EXPECT_EQ(python_float(1e16), "1e+16");
  EXPECT_EQ(python_float(0.0001), "0.0001");
  EXPECT_EQ(python_float(123456.789), "123456.789");
  EXPECT_EQ(python_float(-0.0), "-0.0");
  EXPECT_EQ(python_float(1.5e-7), "1.5e-07");
  EXPECT_EQ(python_float(2.5e300), "2.5e+300");
  EXPECT_EQ(python_float(-1.0 / 0.0), "-inf");
}

TEST(TextTest, TextsPrintAsPythonRepr) {
  EXPECT_EQ(python_repr("it's"), "\"it's\"");
  EXPECT_EQ(python_repr("a\"b"), "'a\"b'");
  EXPECT_EQ(python_repr("both ' and \""), "'both \\' and \"'");
  EXPECT_EQ(python_repr("tab\t\x01\\"), "'tab\\t\\x01\\\\'");
}

TEST(TextTest, AsciiLowerLeavesOtherBytesAlone) {
  EXPECT_EQ(ascii_lower("Case_ID Ä"), "case_id Ä");
}

TEST(TextTest, TruncateCountsCharactersAndNeverSplitsOne) {
  EXPECT_EQ(truncate_chars("abcdef", 3), "abc...");
  EXPECT_EQ(truncate_chars("abc", 3), "abc");
  EXPECT_EQ(truncate_chars("äöüß", 2), "äö...");
  EXPECT_EQ(truncate_chars("", 0), "");
}

TEST(TextTest, ThousandsGroupsDigits) {
  EXPECT_EQ(thousands(0), "0");
  EXPECT_EQ(thousands(999), "999");
  EXPECT_EQ(thousands(20005), "20,005");
  EXPECT_EQ(thousands(1234567), "1,234,567");
  EXPECT_EQ(thousands(-1000), "-1,000");
}

TEST(TextTest, NameListShowsAFewNamesAndCountsTheRest) {
  EXPECT_EQ(name_list({}), "");
  EXPECT_EQ(name_list({"a", "b"}), "a, b");
  EXPECT_EQ(name_list({"a", "b", "c", "d"}, 2), "a, b and 2 more");
  std::vector<std::string> many(1500, "x");
  EXPECT_EQ(name_list(many, 1), "x and 1,499 more");
}

TEST(TextTest, ReplaceAllNeverRescansReplacedText) {
  EXPECT_EQ(replace_all("a {x} b {x}", "{x}", "1"), "a 1 b 1");
  EXPECT_EQ(replace_all("{x}", "{x}", "[{x}]"), "[{x}]");  // the replacement holds the pattern
  EXPECT_EQ(replace_all("aaa", "a", "aa"), "aaaaaa");
  EXPECT_EQ(replace_all("abc", "", "z"), "abc");
  EXPECT_EQ(replace_all("abc", "d", "z"), "abc");
}

}  // namespace
}  // namespace axis::util
