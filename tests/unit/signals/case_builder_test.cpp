#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "signal_rows.h"
#include "signals/case_builder.h"

namespace axis::signals {
namespace {

using testing::layout_with;
using testing::raw_row;

// Renders a case row as "name=value" strings (null as "null") for comparisons.
std::vector<std::string> rendered(const CaseBuilder& b, const std::vector<store::Value>& values) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::string v = std::visit(
        [](const auto& x) -> std::string {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::monostate>) return "null";
          else if constexpr (std::is_same_v<T, bool>) return x ? "true" : "false";
          else if constexpr (std::is_same_v<T, std::string>) return "'" + x + "'";
          else return nlohmann::json(x).dump();
        },
        values[i]);
    out.push_back(b.columns()[i].name + "=" + v);
  }
  return out;
}

class CaseBuilderTest : public ::testing::Test {
 protected:
  CaseBuilderTest() {
    layout_ = layout_with({RawColumn::environment, RawColumn::timestamp, RawColumn::conversation,
                           RawColumn::conversation_stats, RawColumn::additional_input,
                           RawColumn::evaluation_metadata});
    MetricSchemaBuilder builder;
    for (const auto& r : rows_c1()) builder.add(r);
    for (const auto& r : rows_c2()) builder.add(r);
    schema_ = builder.finish(layout_, {});
  }

  static std::vector<RawRow> rows_c1() {
    return {
        raw_row({{RawColumn::dataset_id, "c1"}, {RawColumn::metric_name, "esc"},
                 {RawColumn::signals, R"({"is_escalated": true, "reason": "policy", "conf": null})"},
                 {RawColumn::source_name, "bot_a"}, {RawColumn::environment, "prod"},
                 {RawColumn::timestamp, "2025-03-04 10:00:00"},
                 {RawColumn::conversation, R"({"messages": [{"role": "assistant", "content": "New billing case: Refund\nmore"}, {"role": "user", "content": "ok"}]})"},
                 {RawColumn::conversation_stats, R"({"user_message_count": 1, "ai_message_count": 1})"},
                 {RawColumn::additional_input, R"({"message_url": "https://chat/1", "sender": "Agent A"})"},
                 {RawColumn::evaluation_metadata, "{'v': 1}"}}),
        raw_row({{RawColumn::dataset_id, "c1"}, {RawColumn::metric_name, "res"},
                 {RawColumn::signals, R"({"outcome": "fixed", "tags": ["x", "y"], "conf": 0.7})"},
                 {RawColumn::source_name, "other"}, {RawColumn::timestamp, "later"}}),
        raw_row({{RawColumn::dataset_id, "c1"}, {RawColumn::metric_name, "res"},
                 {RawColumn::signals, R"({"outcome": "reopened", "conf": 0.2})"}}),
    };
  }

  static std::vector<RawRow> rows_c2() {
    return {
        raw_row({{RawColumn::dataset_id, "c2"}, {RawColumn::metric_name, "esc"},
                 {RawColumn::signals, "{'is_escalated': False, 'reason': None, 'conf': 0.4}"},
                 {RawColumn::source_name, "bot_b"},
                 {RawColumn::conversation, R"({"messages": [{"role": "user", "content": "\n  My invoice is wrong  \n"}]})"},
                 {RawColumn::additional_input, "not json"}}),
    };
  }

  RawLayout layout_;
  MetricSchema schema_;
};

TEST_F(CaseBuilderTest, Columns) {
  const CaseBuilder b(layout_, schema_);
  std::vector<std::string> cols;
  for (const auto& c : b.columns()) cols.push_back(c.name + " " + c.sql_type);
  EXPECT_EQ(cols, (std::vector<std::string>{
                      "Case_ID VARCHAR", "source_name VARCHAR", "environment VARCHAR",
                      "Slack_URL VARCHAR", "Agent_Name VARCHAR", "Business VARCHAR",
                      "Full_Conversation JSON", "Message_Count BIGINT", "Timestamp VARCHAR",
                      "evaluation_metadata VARCHAR", "additional_input VARCHAR", "conf DOUBLE",
                      "esc__is_escalated BOOLEAN", "esc__reason VARCHAR", "res__outcome VARCHAR",
                      "res__tags VARCHAR"}));
  const std::string sql = b.create_sql("t_cases");
  EXPECT_EQ(sql.rfind("CREATE TABLE \"t_cases\" (\"Case_ID\" VARCHAR, \"source_name\" VARCHAR, ", 0), 0u) << sql;
  EXPECT_TRUE(sql.ends_with(", \"Full_Conversation\" JSON, \"Message_Count\" BIGINT, \"Timestamp\" VARCHAR, "
                            "\"evaluation_metadata\" VARCHAR, \"additional_input\" VARCHAR, \"conf\" DOUBLE, "
                            "\"esc__is_escalated\" BOOLEAN, \"esc__reason\" VARCHAR, \"res__outcome\" VARCHAR, "
                            "\"res__tags\" VARCHAR)")) << sql;
}

TEST_F(CaseBuilderTest, FirstRowFieldsMetadataAndFlattenedSignals) {
  const CaseBuilder b(layout_, schema_);
  EXPECT_EQ(rendered(b, b.build(rows_c1())),
            (std::vector<std::string>{
                "Case_ID='c1'", "source_name='bot_a'", "environment='prod'",
                "Slack_URL='https://chat/1'", "Agent_Name='Agent A'", "Business='Refund'",
                R"(Full_Conversation='[{"role":"assistant","content":"New billing case: Refund\nmore"},{"role":"user","content":"ok"}]')",
                "Message_Count=2", "Timestamp='2025-03-04 10:00:00'",
                R"(evaluation_metadata='{"v": 1}')",
                R"(additional_input='{"message_url": "https://chat/1", "sender": "Agent A"}')",
                // conf: null in the first row, so the second row's 0.7 wins over the third's.
                "conf=0.7", "esc__is_escalated=true", "esc__reason='policy'",
                // The later row of the same metric replaces earlier values.
                "res__outcome='reopened'", R"(res__tags='["x", "y"]')"}));
}

TEST_F(CaseBuilderTest, FallbacksWhenFieldsAreMissing) {
  const CaseBuilder b(layout_, schema_);
  EXPECT_EQ(rendered(b, b.build(rows_c2())),
            (std::vector<std::string>{
                "Case_ID='c2'", "source_name='bot_b'", "environment=null", "Slack_URL=null",
                "Agent_Name='bot_b'", "Business='My invoice is wrong'",
                R"(Full_Conversation='[{"role":"user","content":"\n  My invoice is wrong  \n"}]')",
                "Message_Count=0", "Timestamp=null", "evaluation_metadata=null",
                "additional_input=null", "conf=0.4", "esc__is_escalated=false", "esc__reason=null",
                "res__outcome=null", "res__tags=null"}));
}

TEST_F(CaseBuilderTest, NamesDifferingOnlyInCaseAreLeftOut) {
  MetricSchemaBuilder builder;
  builder.add(testing::metric_row("c1", "m", "", R"({"A": 1, "a": 2})"));
  builder.add(testing::metric_row("c1", "x", "", R"({"business": "b", "Business": "c"})"));
  builder.add(testing::metric_row("c1", "y", "", R"({"business": "d"})"));
  const MetricSchema schema = builder.finish(layout_with({}), {});
  const CaseBuilder b(layout_with({}), schema);
  std::vector<std::string> cols;
  for (const auto& c : b.columns()) cols.push_back(c.name);
  // "business" (metadata: 2 of 3 metrics) clashes with Business; m__a with m__A.
  EXPECT_EQ(cols, (std::vector<std::string>{"Case_ID", "source_name", "Slack_URL", "Agent_Name",
                                            "Business", "Full_Conversation", "Message_Count",
                                            "Timestamp", "m__A", "x__Business"}));
  const auto row = rendered(b, b.build({testing::metric_row("c1", "x", "", R"({"business": "b"})")}));
  EXPECT_EQ(row[4], "Business='Unknown'");
}

}  // namespace
}  // namespace axis::signals
