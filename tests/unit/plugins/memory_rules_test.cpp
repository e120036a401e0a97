#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "plugins/memory/list_cell.h"
#include "plugins/memory/memory_service.h"
#include "plugins/memory/memory_views.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::plugins::memory {
namespace {

using Strings = std::vector<std::string>;

MemoryRule memory_test_rule(const std::string& id, const std::string& action, const std::string& factor,
                            const std::string& product, Json mitigants = Json::array()) {
  return normalised_rule({{"id", id}, {"name", "rule " + id}, {"action", action},
                          {"group_by", factor}, {"product", product}, {"mitigants", mitigants}},
                         MemoryConfig{});
}

TEST(MemoryListCellTest, ParsesLikeTheReference) {
  // Expected values from the reference's _parse_list_field run in python3.
  EXPECT_EQ(parse_list_cell(""), Strings{});
  EXPECT_EQ(parse_list_cell("[]"), Strings{});
  EXPECT_EQ(parse_list_cell("None"), Strings{});
  EXPECT_EQ(parse_list_cell("['a', 'b, c']"), (Strings{"a", "b, c"}));
  EXPECT_EQ(parse_list_cell(R"(["x", true, null, 1.5])"), (Strings{"x", "True", "None", "1.5"}));
  EXPECT_EQ(parse_list_cell("co_signer, collateral"), Strings{"co_signer, collateral"});
  EXPECT_EQ(parse_list_cell("42"), Strings{"42"});
  EXPECT_EQ(parse_list_cell("'solo'"), Strings{"solo"});
  EXPECT_EQ(parse_list_cell("[1, [2, 'q'], (3,), {'k': None}]"),
            (Strings{"1", "[2, 'q']", "(3,)", "{'k': None}"}));
  EXPECT_EQ(parse_list_cell("[1e3, -0]"), (Strings{"1000.0", "0"}));
  EXPECT_EQ(parse_list_cell("[1e3, -0, 007]"), Strings{"[1e3, -0, 007]"});
  EXPECT_EQ(parse_list_cell("null"), Strings{"None"});
  EXPECT_EQ(parse_list_cell("  [\"a\"]"), Strings{"a"});
  EXPECT_EQ(parse_list_cell("('a', 'b')"), Strings{"('a', 'b')"});
  EXPECT_EQ(parse_list_cell(R"(["it's"])"), Strings{"it's"});
  EXPECT_EQ(parse_list_cell(R"({"k": [1]})"), Strings{"{'k': [1]}"});
  EXPECT_EQ(parse_list_cell("[1,"), Strings{"[1,"});
  EXPECT_EQ(parse_list_cell("True"), Strings{"True"});
}

TEST(MemoryViewsTest, SummaryOrdersByCountWithTiesFirstSeen) {
  const std::vector<MemoryRule> rules = {
      memory_test_rule("1", "refer", "dti", "mortgage"),
      memory_test_rule("2", "verify", "dti", "auto", {"co_signer"}),
      memory_test_rule("3", "decline", "fraud", "auto"),
      memory_test_rule("4", "verify", "score", "mortgage", {"co_signer", "collateral"}),
      memory_test_rule("5", "decline", "fraud", "card", {"collateral"}),
      memory_test_rule("6", "", "", "")};
  const auto s = summary_view(rules, MemoryConfig{});
  EXPECT_EQ(s["rules_count"], 6);
  EXPECT_EQ(s["risk_factors_count"], 3);  // dti, fraud, score
  EXPECT_EQ(s["mitigants_count"], 2);     // co_signer, collateral
  EXPECT_EQ(s["hard_stops_count"], 1);    // rule 3: decline without mitigants
  // verify 2 and decline 2 tie: verify was seen first; refer (1) was seen first of all but
  // has fewer rules. Colours follow the rank.
  EXPECT_EQ(s["rules_by_action"], Json::parse(R"([
      {"action": "verify", "count": 2, "color": "#3498DB"},
      {"action": "decline", "count": 2, "color": "#E74C3C"},
      {"action": "refer", "count": 1, "color": "#F39C12"}])"));
  EXPECT_EQ(s["rules_by_product"], Json::parse(R"([
      {"product": "mortgage", "count": 2}, {"product": "auto", "count": 2},
      {"product": "card", "count": 1}])"));
}

TEST(MemoryViewsTest, ConflictsNeedAContradictoryPairInOneFactorAndProduct) {
  const std::vector<MemoryRule> rules = {
      memory_test_rule("1", "decline", "dti", "mortgage"),
      memory_test_rule("2", "refer", "dti", "mortgage"),
      memory_test_rule("3", "approve_with_conditions", "dti", "mortgage"),
      memory_test_rule("4", "approve", "dti", "auto"),       // other product: no conflict
      memory_test_rule("5", "decline", "score", "card"),
      memory_test_rule("6", "refer", "score", "card"),       // refer/decline: not a pair
      memory_test_rule("7", "approve", "", "card"),          // no risk factor: not grouped
      memory_test_rule("8", "decline", "", "card")};
  const auto c = conflicts_view(rules, MemoryConfig{});
  EXPECT_EQ(c["has_conflicts"], true);
  EXPECT_EQ(c["data"], Json::parse(R"([{"risk_factor": "dti",
      "conflicting_rules": [{"rule_name": "rule 1", "action": "decline"},
                            {"rule_name": "rule 2", "action": "refer"},
                            {"rule_name": "rule 3", "action": "approve_with_conditions"}],
      "description": "Risk factor 'dti' has contradictory actions: approve_with_conditions, decline, refer"}])"));
  MemoryConfig none;
  none.contradictory_pairs.clear();
  EXPECT_EQ(conflicts_view(rules, none)["has_conflicts"], false);
}

class MemoryServiceTest : public ::testing::Test {
 protected:
  std::string write_csv(const std::string& name, const std::string& text) {
    const auto path = (std::filesystem::temp_directory_path() / ("memory-test-" + name)).string();
    std::ofstream(path, std::ios::binary) << text;
    files_.push_back(path);
    return path;
  }
  ~MemoryServiceTest() override {
    for (const auto& f : files_) std::filesystem::remove(f);
  }
  store::Store store_{store::StoreOptions{":memory:"}};
  std::vector<std::string> files_;
};

TEST_F(MemoryServiceTest, UploadReplacesAndChangesAreStored) {
  std::vector<std::size_t> heard;
  MemoryService service(store_, MemoryConfig{}, [&](const std::vector<MemoryRule>& r) { heard.push_back(r.size()); });
  const auto csv = write_csv("ok.csv",
                             "id,rule_name,action,batch_id,ingestion_status,mitigants\n"
                             "r1,One,decline,b1,ok,\"['x', 'y']\"\n"
                             "\n"
                             "r2,Two,refer,b1,ok\n");
  const auto reply = service.replace_from_csv(csv);
  EXPECT_EQ(reply["success"], true);
  EXPECT_EQ(reply["row_count"], 2);
  EXPECT_EQ(reply["data"][0]["mitigants"], Json::parse(R"(["x","y"])"));
  EXPECT_EQ(reply["data"][1]["mitigants"], Json::array());  // short row
  EXPECT_EQ(reply["data"][1]["group_by"], "");

  const auto created = service.create({{"name", "Manual"}, {"action", "approve"}, {"batch", "ignored"}});
  EXPECT_EQ(created.text("batch"), "manual");
  EXPECT_EQ(created.text("status"), "pending");
  EXPECT_EQ(created.text("id").size(), 36u);
  ASSERT_TRUE(service.update("r2", {{"action", "decline"}, {"name", nullptr}}));
  EXPECT_TRUE(service.remove("r1"));
  EXPECT_FALSE(service.remove("r1"));
  EXPECT_EQ(heard, (std::vector<std::size_t>{2, 3, 3, 2}));

  // A refused file changes nothing.
  const auto refused = service.replace_from_csv(write_csv("bad.csv", "id,rule_name\nz,Z\n"));
  EXPECT_EQ(refused["success"], false);
  EXPECT_EQ(refused["message"],
            "Missing required columns: 'action' (for role 'action'), 'batch_id' (for role 'batch'), "
            "'ingestion_status' (for role 'status')");
  EXPECT_EQ(service.replace_from_csv(write_csv("empty.csv", "id,rule_name\n"))["message"], "CSV was empty");
  EXPECT_THROW(service.create({{"name", "No action"}}), util::HttpError);
  EXPECT_EQ(heard.size(), 4u);

  // A second service on the same store reads what the first one stored, in order.
  const MemoryService reread(store_, MemoryConfig{});
  const auto rules = reread.rules();
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].text("name"), "Manual");
  EXPECT_EQ(rules[1].text("id"), "r2");
  EXPECT_EQ(rules[1].text("name"), "Two");
  EXPECT_EQ(rules[1].text("action"), "decline");
}

TEST_F(MemoryServiceTest, ASecondUploadReplacesTheWholeSet) {
  MemoryService service(store_, MemoryConfig{});
  const std::string header = "id,rule_name,action,batch_id,ingestion_status\n";
  service.replace_from_csv(write_csv("one.csv", header + "a,A,decline,b,s\nb,B,refer,b,s\nc,C,refer,b,s\n"));
  service.create({{"name", "Kept?"}, {"action", "verify"}});
  service.replace_from_csv(write_csv("two.csv", header + "d,D,approve,b2,s\n"));
  const MemoryService reread(store_, MemoryConfig{});
  const auto rules = reread.rules();
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].text("id"), "d");
  EXPECT_EQ(rules[0].text("batch"), "b2");
}

TEST_F(MemoryServiceTest, NonUtf8FileIsRefused) {
  MemoryService service(store_, MemoryConfig{});
  try {
    service.replace_from_csv(write_csv("latin1.csv", "id,rule_name,action,batch_id,ingestion_status\nr1,Caf\xe9,a,b,c\n"));
    FAIL() << "expected a 400";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_STREQ(e.what(), "File must be UTF-8 encoded CSV");
  }
}

}  // namespace
}  // namespace axis::plugins::memory
