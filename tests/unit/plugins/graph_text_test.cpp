#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "plugins/memory/graph/graph_text.h"
#include "store/connection.h"
#include "store/store.h"

namespace axis::plugins::memory::graph {
namespace {

using OJson = nlohmann::ordered_json;

TEST(GraphSlug, FollowsPythonLowerStripAndReplace) {
  EXPECT_EQ(slug("High DTI"), "high_dti");
  EXPECT_EQ(slug("  Late Payment (>30d) "), "late_payment___30d_");
  EXPECT_EQ(slug("Caf\xC3\xA9"), "caf_");                     // é is one code point → one _
  EXPECT_EQ(slug("\xC4\xB0x"), "i_x");                         // İ lowers to i + combining dot
  EXPECT_EQ(slug("\xE2\x84\xAA"), "k");                        // KELVIN SIGN lowers to k
  EXPECT_EQ(slug("\t\xC2\xA0" "A b\xE3\x80\x80"), "a_b");     // NBSP and ideographic space strip
  EXPECT_EQ(slug("already_slug_9"), "already_slug_9");
  EXPECT_EQ(node_id("Rule", "Decline Over 45%"), "Rule:decline_over_45_");
}

TEST(GraphSlug, SqlExpressionAgreesWithCpp) {
  store::Store db{store::StoreOptions{":memory:"}};
  auto conn = db.connection();
  for (const std::string name : {"High DTI", "  Late Payment (>30d) ", "Caf\xC3\xA9", "\xC4\xB0x",
                                 "\xE2\x84\xAA", "\t\xC2\xA0" "A b\xE3\x80\x80", "x'; --"}) {
    const auto got = conn->query("SELECT " + slug_sql("?::VARCHAR"), {name}).scalar();
    EXPECT_EQ(got.value_or("<null>"), slug(name)) << name;
  }
}

TEST(GraphSlug, SplitsNodeIdsAtTheFirstColon) {
  EXPECT_EQ(split_node_id("Rule:a:b")->second, "a:b");
  EXPECT_EQ(split_node_id("Rule:a:b")->first, "Rule");
  EXPECT_FALSE(split_node_id("Rule").has_value());
}

TEST(GraphPythonStr, ScalarsPrintLikePython) {
  EXPECT_EQ(python_str(OJson("text")), "text");
  EXPECT_EQ(python_str(OJson(true)), "True");
  EXPECT_EQ(python_str(OJson(false)), "False");
  EXPECT_EQ(python_str(OJson(nullptr)), "None");
  EXPECT_EQ(python_str(OJson(3)), "3");
  EXPECT_EQ(python_str(OJson(-12)), "-12");
  EXPECT_EQ(python_str(OJson(1.5)), "1.5");
  EXPECT_EQ(python_str(OJson(1.0)), "1.0");
  EXPECT_EQ(python_str(OJson(100.0)), "100.0");
  EXPECT_EQ(python_str(OJson(-2.5)), "-2.5");
  EXPECT_EQ(python_str(OJson(0.0001)), "0.0001");
  EXPECT_EQ(python_str(OJson(0.00001)), "1e-05");
  EXPECT_EQ(python_str(OJson(1e15)), "1000000000000000.0");
  EXPECT_EQ(python_str(OJson(1e16)), "1e+16");
  EXPECT_EQ(python_str(OJson(123456789012345680.0)), "1.2345678901234568e+17");
  EXPECT_EQ(python_str(OJson(0.1 + 0.2)), "0.30000000000000004");
}

TEST(GraphPythonStr, ContainersUseRepr) {
  EXPECT_EQ(python_str(OJson::parse(R"(["a", "it's", 2, 0.5])")), "['a', \"it's\", 2, 0.5]");
  EXPECT_EQ(python_str(OJson::parse(R"({"a": 1, "b": [true, null], "c": "x\ny"})")),
            "{'a': 1, 'b': [True, None], 'c': 'x\\ny'}");
  EXPECT_EQ(python_str(OJson::parse("[]")), "[]");
  EXPECT_EQ(python_str(OJson::parse(R"(["back\\slash"])")), "['back\\\\slash']");
}

TEST(GraphSnippet, FirstThreePairsElseTheType) {
  const Metadata four = {{"a", "1"}, {"b", "two"}, {"c", "3"}, {"d", "4"}};
  EXPECT_EQ(snippet(four, "Rule"), "a: 1; b: two; c: 3");
  EXPECT_EQ(snippet({{"only", "x"}}, "Rule"), "only: x");
  EXPECT_EQ(snippet({}, "Outcome"), "Outcome");
}

}  // namespace
}  // namespace axis::plugins::memory::graph
