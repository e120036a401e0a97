#include <gtest/gtest.h>

#include "evalrun/agent_target.h"
#include "evalrun/agents.h"
#include "evalrun/run_items.h"
#include "util/http_error.h"

namespace axis::evalrun {
namespace {

std::string refusal_of(const std::string& url, const std::vector<std::string>& allowed = {}) {
  try {
    check_agent_url(url, allowed);
    return "";
  } catch (const util::HttpError& e) {
    return e.what();
  }
}

TEST(EvalRunAgents, ValueAtPathFollowsKeysAndArrayIndexes) {
  const std::string reply = R"({"data": {"choices": [{"text": "hi"}, {"text": 2}]}, "response": "top", "n": null})";
  EXPECT_EQ(value_at_path(reply, ".response"), "top");
  EXPECT_EQ(value_at_path(reply, "response"), "top");
  EXPECT_EQ(value_at_path(reply, "data.choices.0.text"), "hi");
  EXPECT_EQ(value_at_path(reply, ".data.choices.1.text"), "2");             // a number as JSON text
  EXPECT_EQ(value_at_path(reply, ".data.choices.1"), R"({"text":2})");     // an object as JSON text
  EXPECT_EQ(value_at_path(reply, ".n"), "");                              // null reads as empty
  EXPECT_EQ(value_at_path(reply, ".data.choices.2.text"), std::nullopt);  // past the end
  EXPECT_EQ(value_at_path(reply, ".missing"), std::nullopt);
  EXPECT_EQ(value_at_path("not json", ".response"), std::nullopt);
}

TEST(EvalRunAgents, RequestBodySubstitutesTheQueryOrFallsBackToMessage) {
  EXPECT_EQ(agent_request_body(R"({"message": "{{query}}"})", "hello"), R"({"message": "hello"})");
  // A quote in the query breaks the template's JSON: the body becomes {"message": query}.
  EXPECT_EQ(agent_request_body(R"({"message": "{{query}}"})", "say \"hi\""), R"({"message":"say \"hi\""})");
  EXPECT_EQ(agent_request_body(R"({"q": "{{query}}", "again": "{{query}}"})", "x"), R"({"q": "x", "again": "x"})");
}

TEST(EvalRunAgents, AgentUrlsAreCheckedBeforeAnyRequest) {
  EXPECT_NE(refusal_of("file:///etc/passwd").find("http or https"), std::string::npos);
  EXPECT_NE(refusal_of("gopher://127.0.0.1/").find("http or https"), std::string::npos);
  EXPECT_NE(refusal_of("localhost:8080/x").find("absolute"), std::string::npos);
  EXPECT_NE(refusal_of("http://169.254.169.254/latest/meta-data").find("cloud metadata"), std::string::npos);
  EXPECT_NE(refusal_of("http://[fd00:ec2::254]/").find("cloud metadata"), std::string::npos);
  EXPECT_NE(refusal_of("http://[fe80::1]/").find("link-local"), std::string::npos);
  EXPECT_NE(refusal_of("http://127.0.0.1:99999/").find("invalid port"), std::string::npos);
  EXPECT_NE(refusal_of("http://a b/").find("spaces"), std::string::npos);
  EXPECT_EQ(refusal_of("http://169.254.169.254/", {"169.254.169.254"}), "");  // listed: allowed
  const auto target = check_agent_url("http://user@127.0.0.1:8081/chat?x=1", {});
  ASSERT_EQ(target.resolve.size(), 1u);
  EXPECT_EQ(target.resolve[0], "127.0.0.1:8081:127.0.0.1");
  EXPECT_EQ(check_agent_url("https://127.0.0.1/", {}).resolve[0], "127.0.0.1:443:127.0.0.1");
}

TEST(EvalRunAgents, RowsAreMappedToItemsWithListsAndLatency) {
  RunRows rows;
  rows.columns = {"id", "q", "out", "ctx", "ms", "tools"};
  rows.rows = {{"a1", "what?", "this", R"(["doc one", "doc two"])", "125.5", "search, fetch"},
               {"", "why?", "that", "", "slow", ""}};
  const ColumnMapping mapping = {{"dataset_id", "id"}, {"query", "q"}, {"actual_output", "out"},
                                 {"retrieved_content", "ctx"}, {"latency", "ms"}, {"tools_called", "tools"},
                                 {"expected_output", "not a column"}};
  const auto items = map_rows(rows, mapping);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].dataset_id, "a1");
  EXPECT_EQ(items[1].dataset_id, "row-2");  // no id: the row's place, 1-based
  EXPECT_EQ(items[0].fields.retrieved_content, (std::vector<std::string>{"doc one", "doc two"}));
  EXPECT_EQ(items[0].fields.tools_called, (std::vector<std::string>{"search", "fetch"}));
  EXPECT_EQ(items[0].fields.latency, 125.5);
  EXPECT_EQ(items[1].fields.latency, std::nullopt);  // "slow" is not a number
  EXPECT_EQ(items[0].fields.expected_output, "");
  EXPECT_EQ(items[0].item_id.size(), 8u);
  EXPECT_NE(items[0].item_id, items[1].item_id);
  // The stored text gives the same item back.
  const auto again = fields_from_json(fields_to_json(items[0].fields));
  EXPECT_EQ(again.retrieved_content, items[0].fields.retrieved_content);
  EXPECT_EQ(again.latency, 125.5);
  EXPECT_EQ(again.query, "what?");
}

}  // namespace
}  // namespace axis::evalrun
