#include <gtest/gtest.h>

#include "annotations/annotation_values.h"

namespace axis::annotations {
namespace {

TEST(AnnotationValues, AcceptSpellingsBecomeAccept) {
  for (const char* cell : {"accept", "ACCEPT", " Accept ", "1", "1.0", "+1", "true", "True"}) {
    const auto j = normalize_judgment(cell);
    EXPECT_EQ(j.judgment.value_or("-"), "accept") << cell;
    EXPECT_FALSE(j.rating.has_value()) << cell;
  }
}

TEST(AnnotationValues, RejectSpellingsBecomeReject) {
  for (const char* cell : {"reject", "Reject", "0", "0.0", "-0", "false", "FALSE"}) {
    const auto j = normalize_judgment(cell);
    EXPECT_EQ(j.judgment.value_or("-"), "reject") << cell;
    EXPECT_FALSE(j.rating.has_value()) << cell;
  }
}

TEST(AnnotationValues, OtherNumbersBecomeRatings) {
  EXPECT_EQ(normalize_judgment("4").rating.value(), 4.0);
  EXPECT_EQ(normalize_judgment(" 2.5 ").rating.value(), 2.5);
  EXPECT_EQ(normalize_judgment("-3").rating.value(), -3.0);
  EXPECT_FALSE(normalize_judgment("4").judgment.has_value());
}

TEST(AnnotationValues, TextThatIsNeitherIsIgnored) {
  for (const char* cell : {"", "   ", "maybe", "acceptable", "nan", "inf", "1,5", "4 stars"}) {
    const auto j = normalize_judgment(cell);
    EXPECT_FALSE(j.judgment.has_value()) << cell;
    EXPECT_FALSE(j.rating.has_value()) << cell;
  }
}

TEST(AnnotationValues, UserTagsFromJsonArrayCommaListOrQuotedList) {
  using V = std::vector<std::string>;
  EXPECT_EQ(parse_user_tags(R"(["accurate", " concise ", 3, ""])"), (V{"accurate", "concise", "3"}));
  EXPECT_EQ(parse_user_tags("accurate, concise,,verbose "), (V{"accurate", "concise", "verbose"}));
  EXPECT_EQ(parse_user_tags("['accurate', 'needs work']"), (V{"accurate", "needs work"}));
  EXPECT_EQ(parse_user_tags("single"), (V{"single"}));
  EXPECT_TRUE(parse_user_tags("").empty());
  EXPECT_TRUE(parse_user_tags("[]").empty());
}

TEST(AnnotationValues, FlagIsTrueOnlyForTrueSpellings) {
  for (const char* cell : {"true", "TRUE", "1", "yes", " Yes "}) EXPECT_TRUE(parse_flag(cell)) << cell;
  for (const char* cell : {"false", "0", "", "no", "flagged"}) EXPECT_FALSE(parse_flag(cell)) << cell;
}

}  // namespace
}  // namespace axis::annotations
