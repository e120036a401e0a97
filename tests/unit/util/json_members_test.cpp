#include <gtest/gtest.h>

#include "util/json_members.h"

namespace axis::util {
namespace {

TEST(JsonMembers, EachTopLevelMemberAsTheTextOfItsValue) {
  const std::string json =
      "\xEF\xBB\xBF {\"data\" : [{\"a\": \"]}\\\"\", \"b\": [1, {\"c\": null}]}, 2] ,"
      "\"metrics\":[\"a\"], \"n\": -1.5e3, \"t\": true, \"s\": \"x,}\", \"o\": {}}\n";
  const auto members = object_members(json);
  ASSERT_EQ(members.size(), 6u);
  EXPECT_EQ(members.at("data"), R"([{"a": "]}\"", "b": [1, {"c": null}]}, 2])");
  EXPECT_EQ(members.at("metrics"), R"(["a"])");
  EXPECT_EQ(members.at("n"), "-1.5e3");
  EXPECT_EQ(members.at("t"), "true");
  EXPECT_EQ(members.at("s"), R"("x,}")");
  EXPECT_EQ(members.at("o"), "{}");
}

TEST(JsonMembers, KeysAreDecodedAndTheLastOfARepeatedKeyWins) {
  const auto members = object_members(R"({"d\u0061ta": [1], "x": 1, "data": [2], "q\"": 0})");
  EXPECT_EQ(members.at("data"), "[2]");
  EXPECT_EQ(members.at("q\""), "0");
}

TEST(JsonMembers, AnythingButAnObjectHasNone) {
  EXPECT_TRUE(object_members("[1, 2]").empty());
  EXPECT_TRUE(object_members("\"data\"").empty());
  EXPECT_TRUE(object_members("{}").empty());
  EXPECT_TRUE(object_members("").empty());
}

}  // namespace
}  // namespace axis::util
