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

}  // namespace
}  // namespace axis::util
