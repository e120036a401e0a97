#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "plugins/memory/memory_config.h"
#include "util/python_json.h"

namespace axis::plugins::memory {
namespace {

TEST(MemoryConfigTest, DefaultsCoverEveryRole) {
  const MemoryConfig c;
  const auto reply = config_reply(c);
  ASSERT_EQ(reply["field_roles"].size(), 23u);
  EXPECT_EQ(reply["field_roles"]["group_by"], "risk_factor");
  EXPECT_EQ(reply["field_roles"]["threshold_value"], "threshold");
  EXPECT_EQ(reply["field_roles"]["ingested_at"], "ingested_at");
  ASSERT_EQ(reply["labels"].size(), 23u);
  EXPECT_EQ(reply["labels"]["group_by"], "Group By");
  EXPECT_EQ(reply["labels"]["historical_exceptions"], "Historical Exceptions");
  EXPECT_EQ(reply["required_roles"], nlohmann::ordered_json({"id", "name", "action", "batch", "status"}));
  EXPECT_EQ(reply["hard_stops"]["action_value"], "decline");
  EXPECT_EQ(reply["hard_stops"]["require_empty_mitigants"], true);
  EXPECT_EQ(reply["soft_threshold_value"], "soft");
  EXPECT_EQ(reply["ui_roles"]["batches"], nlohmann::ordered_json({"batch", "status", "category", "created_at"}));
  EXPECT_EQ(c.action_color("decline", 0), "#3498DB");
  EXPECT_EQ(c.action_color("refer", 9), "#E74C3C");  // rank 9 → palette[9 % 8]
  EXPECT_TRUE(c.contradictory("decline", "approve"));
  EXPECT_FALSE(c.contradictory("refer", "decline"));
}

TEST(MemoryConfigTest, HashOfDefaultsMatchesPython) {
  // python3 tests/unit/plugins/memory_config_hash.py
  EXPECT_EQ(config_reply(MemoryConfig{})["config_hash"], "3d6a342ef1662edae270183a0ee88cd6");
}

TEST(MemoryConfigTest, HashWithNonAsciiLabelsMatchesPython) {
  // python3 tests/unit/plugins/memory_config_hash.py
  //   '{"group_by": "Facteur de risque é", "name": "Règle 😀 \"q\""}'   (one command line)
  const auto config = memory_config_from_json(
      {{"labels", {{"group_by", "Facteur de risque é"}, {"name", "Règle 😀 \"q\""}}}});
  const auto reply = config_reply(config);
  EXPECT_EQ(reply["labels"]["name"], "Règle 😀 \"q\"");
  EXPECT_EQ(reply["config_hash"], "0542c12eab45478b8e63aaaac063a562");
}

TEST(MemoryConfigTest, PythonDumpsEscapesLikeEnsureAscii) {
  EXPECT_EQ(util::python_json_string("é😀\"\n\x7f"), "\"\\u00e9\\ud83d\\ude00\\\"\\n\\u007f\"");
  EXPECT_EQ(util::python_json_dumps(nlohmann::json::parse(R"({"b":[1,2.5,1.0,true,null],"a":{}})")),
            "{\"a\": {}, \"b\": [1, 2.5, 1.0, true, null]}");
}

TEST(MemoryConfigTest, FileValuesOverDefaultsAndBadShapesKeepDefaults) {
  const auto c = memory_config_from_json(nlohmann::json::parse(R"({
    "field_roles": {"id": "rule_id", "name": 5},
    "required_roles": ["id", "", "action"],
    "filter_roles": "action",
    "hard_stops": {"action_value": "reject"},
    "action_colors": {"reject": "#000000"},
    "contradictory_pairs": [["a", "b"], ["c"], "d", ["e", "f", "g"]]
  })"));
  EXPECT_EQ(c.column_for("id"), "rule_id");
  EXPECT_EQ(c.column_for("name"), "5");
  EXPECT_EQ(c.column_for("group_by"), "risk_factor");
  EXPECT_EQ(c.required_roles, (std::vector<std::string>{"id", "action"}));
  EXPECT_EQ(c.filter_roles.size(), 5u);  // not a list: the default stays
  EXPECT_EQ(c.hard_stops.action_value, "reject");
  EXPECT_TRUE(c.hard_stops.require_empty_mitigants);
  EXPECT_EQ(c.action_color("reject", 3), "#000000");
  ASSERT_EQ(c.contradictory_pairs.size(), 1u);  // non-pairs dropped
  EXPECT_TRUE(c.contradictory("b", "a"));
}

TEST(MemoryConfigTest, MissingFileGivesDefaults) {
  const auto c = load_memory_config("/nonexistent/memory-config-dir");
  EXPECT_EQ(config_reply(c)["config_hash"], "3d6a342ef1662edae270183a0ee88cd6");
}

}  // namespace
}  // namespace axis::plugins::memory
