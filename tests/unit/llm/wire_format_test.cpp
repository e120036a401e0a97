#include "llm/wire_format.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace axis::llm {
namespace {

using Json = nlohmann::json;

ChatRequest tool_round_trip() {
  ChatRequest r;
  r.model = "m";
  r.system = "be brief";
  r.messages = {{"user", "hi", {}, ""},
                {"assistant", "", {{"call_1", "query_data", R"({"find_min_metric":true})"}}, ""},
                {"tool", R"({"total_records":3})", {}, "call_1"},
                {"tool", R"({"x":1})", {}, "call_2"}};
  r.tools = {{"query_data", "look up", R"({"type":"object","properties":{}})"}};
  r.stream = true;
  return r;
}

TEST(OpenAiWireTest, WritesTheChatCompletionsBody) {
  const auto wire = openai_wire();
  EXPECT_EQ(wire->endpoint("http://h:1/v1/"), "http://h:1/v1/chat/completions");
  EXPECT_EQ(wire->endpoint(""), "https://api.openai.com/v1/chat/completions");
  const Json body = Json::parse(wire->body(tool_round_trip()));
  EXPECT_EQ(body["messages"][0], Json({{"role", "system"}, {"content", "be brief"}}));
  EXPECT_TRUE(body["messages"][2]["content"].is_null());
  EXPECT_EQ(body["messages"][2]["tool_calls"][0]["function"]["arguments"], R"({"find_min_metric":true})");
  EXPECT_EQ(body["messages"][3], Json({{"role", "tool"}, {"tool_call_id", "call_1"}, {"content", R"({"total_records":3})"}}));
  EXPECT_EQ(body["tools"][0]["function"]["name"], "query_data");
  EXPECT_EQ(body["stream_options"]["include_usage"], true);
}

TEST(OpenAiWireTest, ReadsWholeAndStreamedReplies) {
  const auto wire = openai_wire();
  const auto reply = wire->parse(R"({"choices":[{"message":{"content":null,"tool_calls":[{"id":"c","type":"function",
      "function":{"name":"f","arguments":"{}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":5,"completion_tokens":2}})");
  ASSERT_EQ(reply.tool_calls.size(), 1u);
  EXPECT_EQ(reply.tool_calls[0].name, "f");
  EXPECT_EQ(reply.usage.input_tokens, 5);

  std::string shown;
  auto stream = wire->stream_decoder([&](std::string_view t) { shown += t; });
  stream->feed("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"He\"},\"finish_reason\":null}]}\n\n"
               "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"llo\"},\"finish_reason\":null}]}\n\n"
               "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\"g\",\"arguments\":\"{\\\"a\\\"\"}}]}}]}\n\n"
               "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\":1}\"}}]}}]}\n\n");
  stream->feed("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
               "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4}}\n\ndata: [DONE]\n\n");
  const auto streamed = stream->finish();
  EXPECT_EQ(shown, "Hello");
  EXPECT_EQ(streamed.content, "Hello");
  ASSERT_EQ(streamed.tool_calls.size(), 1u);
  EXPECT_EQ(streamed.tool_calls[0].id, "c1");
  EXPECT_EQ(streamed.tool_calls[0].arguments, R"({"a":1})");
  EXPECT_EQ(streamed.usage.output_tokens, 4);
}

TEST(OpenAiWireTest, AStreamCutShortOrCarryingAnErrorFails) {
  const auto wire = openai_wire();
  auto cut = wire->stream_decoder(nullptr);
  cut->feed("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},\"finish_reason\":null}]}\n\n");
  EXPECT_THROW(cut->finish(), LlmError);
  auto failed = wire->stream_decoder(nullptr);
  EXPECT_THROW(failed->feed("data: {\"error\":{\"message\":\"boom\"}}\n\n"), LlmError);
  EXPECT_EQ(wire->error_message(R"({"error":{"message":"Incorrect API key"}})"), "Incorrect API key");
  EXPECT_EQ(wire->error_message("<html>bad gateway</html>"), "<html>bad gateway</html>");
}

TEST(AnthropicWireTest, WritesTheMessagesBody) {
  const auto wire = anthropic_wire();
  EXPECT_EQ(wire->endpoint("http://h:1/v1"), "http://h:1/v1/messages");
  EXPECT_EQ(wire->endpoint(""), "https://api.anthropic.com/v1/messages");
  const auto headers = wire->headers("k");
  EXPECT_NE(std::find(headers.begin(), headers.end(), "anthropic-version: 2023-06-01"), headers.end());
  const Json body = Json::parse(wire->body(tool_round_trip()));
  EXPECT_EQ(body["system"], "be brief");
  EXPECT_EQ(body["max_tokens"], 4096);
  EXPECT_EQ(body["messages"].size(), 3u);
  EXPECT_EQ(body["messages"][1]["content"][0], Json({{"type", "tool_use"}, {"id", "call_1"}, {"name", "query_data"},
                                                     {"input", {{"find_min_metric", true}}}}));
  EXPECT_EQ(body["messages"][2]["role"], "user");
  EXPECT_EQ(body["messages"][2]["content"].size(), 2u) << "consecutive tool results share one user turn";
  EXPECT_EQ(body["messages"][2]["content"][1]["tool_use_id"], "call_2");
  EXPECT_EQ(body["tools"][0]["input_schema"]["type"], "object");
}

TEST(AnthropicWireTest, ReadsWholeAndStreamedReplies) {
  const auto wire = anthropic_wire();
  const auto reply = wire->parse(R"({"content":[{"type":"text","text":"Let me"},{"type":"tool_use","id":"t","name":"f",
      "input":{"a":1}}],"stop_reason":"tool_use","usage":{"input_tokens":7,"output_tokens":3}})");
  EXPECT_EQ(reply.content, "Let me");
  EXPECT_EQ(reply.finish_reason, "tool_calls");
  EXPECT_EQ(reply.tool_calls[0].arguments, R"({"a":1})");

  std::string shown;
  auto stream = wire->stream_decoder([&](std::string_view t) { shown += t; });
  stream->feed("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":11,\"output_tokens\":1}}}\n\n"
               "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
               "event: ping\ndata: {\"type\":\"ping\"}\n\n"
               "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"
               "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"tu\",\"name\":\"g\",\"input\":{}}}\n\n"
               "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"b\\\":\"}}\n\n"
               "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"2}\"}}\n\n"
               "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":6}}\n\n"
               "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
  const auto streamed = stream->finish();
  EXPECT_EQ(shown, "Hi");
  EXPECT_EQ(streamed.tool_calls[0].name, "g");
  EXPECT_EQ(streamed.tool_calls[0].arguments, R"({"b":2})");
  EXPECT_EQ(streamed.usage.input_tokens, 11);
  EXPECT_EQ(streamed.usage.output_tokens, 6);

  auto overloaded = wire->stream_decoder(nullptr);
  try {
    overloaded->feed("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n");
    FAIL() << "expected an error";
  } catch (const LlmError& e) {
    EXPECT_EQ(e.status(), 529);
    EXPECT_STREQ(e.what(), "Overloaded");
  }
}

}  // namespace
}  // namespace axis::llm
