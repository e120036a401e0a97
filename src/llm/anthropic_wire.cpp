// The Anthropic messages dialect: system apart, content blocks, tool_use / tool_result.
#include <map>

#include "llm/sse_reader.h"
#include "llm/wire_format.h"
#include "llm/wire_json.h"
#include "util/json_text.h"

namespace axis::llm {
namespace {

std::string finish_reason_of(const std::string& stop_reason) {
  if (stop_reason == "end_turn" || stop_reason == "stop_sequence") return "stop";
  if (stop_reason == "tool_use") return "tool_calls";
  if (stop_reason == "max_tokens") return "length";
  return stop_reason;
}

// Tool results travel as tool_result blocks of a user turn; consecutive results share one turn.
Json messages_json(const std::vector<ChatMessage>& messages) {
  Json out = Json::array();
  for (const auto& m : messages) {
    if (m.role == "tool") {
      Json block = {{"type", "tool_result"}, {"tool_use_id", m.tool_call_id}, {"content", m.content}};
      if (!out.empty() && out.back()["role"] == "user" && out.back()["content"].is_array()) {
        out.back()["content"].push_back(std::move(block));
      } else {
        out.push_back({{"role", "user"}, {"content", Json::array({std::move(block)})}});
      }
      continue;
    }
    if (m.role == "assistant" && !m.tool_calls.empty()) {
      Json blocks = Json::array();
      if (!m.content.empty()) blocks.push_back({{"type", "text"}, {"text", m.content}});
      for (const auto& c : m.tool_calls) {
        blocks.push_back({{"type", "tool_use"}, {"id", c.id}, {"name", c.name},
                          {"input", arguments_object(c.arguments)}});
      }
      out.push_back({{"role", "assistant"}, {"content", std::move(blocks)}});
      continue;
    }
    out.push_back({{"role", m.role == "assistant" ? "assistant" : "user"}, {"content", m.content}});
  }
  return out;
}

// The HTTP status an in-stream error stands for (overloaded and rate limits may be retried).
int status_of_error_type(const std::string& type) {
  if (type == "overloaded_error") return 529;
  if (type == "rate_limit_error") return 429;
  if (type == "api_error") return 500;
  return 502;
}

class AnthropicStream : public StreamDecoder {
 public:
  explicit AnthropicStream(std::function<void(std::string_view)> on_text)
      : on_text_(std::move(on_text)),
        reader_([this](const std::string& event, const std::string& data) { on_event(event, data); }) {}

  void feed(std::string_view bytes) override { reader_.feed(bytes); }

  ChatReply finish() override {
    reader_.finish();
    if (!stopped_) throw LlmError(0, "the connection to the model closed before its reply was complete");
    for (auto& [index, call] : calls_) reply_.tool_calls.push_back(std::move(call));
    return std::move(reply_);
  }

 private:
  void on_event(const std::string& event, const std::string& data) {
    if (event == "ping") return;
    Json j = parse_reply_json(data, "a stream event");
    const std::string type = string_at(j, "type");
    if (type == "error" || event == "error") {
      const Json e = j.value("error", Json::object());
      throw LlmError(status_of_error_type(string_at(e, "type")), error_text(data));
    }
    if (type == "message_start") {
      const Json usage = j.value("message", Json::object()).value("usage", Json::object());
      reply_.usage.input_tokens = usage.value("input_tokens", 0LL);
      reply_.usage.output_tokens = usage.value("output_tokens", 0LL);
    } else if (type == "content_block_start") {
      const Json block = j.value("content_block", Json::object());
      if (string_at(block, "type") == "tool_use") {
        calls_[j.value("index", 0)] = {string_at(block, "id"), string_at(block, "name"), ""};
      }
    } else if (type == "content_block_delta") {
      const Json delta = j.value("delta", Json::object());
      const std::string kind = string_at(delta, "type");
      if (kind == "text_delta") {
        const std::string text = string_at(delta, "text");
        reply_.content += text;
        if (on_text_ && !text.empty()) on_text_(text);
      } else if (kind == "input_json_delta") {
        calls_[j.value("index", 0)].arguments += string_at(delta, "partial_json");
      }
    } else if (type == "message_delta") {
      const Json delta = j.value("delta", Json::object());
      reply_.finish_reason = finish_reason_of(string_at(delta, "stop_reason"));
      if (j.contains("usage") && j["usage"].is_object()) {
        reply_.usage.output_tokens = j["usage"].value("output_tokens", reply_.usage.output_tokens);
      }
    } else if (type == "message_stop") {
      stopped_ = true;
    }
  }

  std::function<void(std::string_view)> on_text_;
  SseReader reader_;
  ChatReply reply_;
  std::map<int, ToolCall> calls_;
  bool stopped_ = false;
};

class AnthropicWire : public WireFormat {
 public:
  std::string display_name() const override { return "Anthropic"; }

  std::string endpoint(const std::string& base_url) const override {
    std::string base = base_url.empty() ? "https://api.anthropic.com" : base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    if (base.size() >= 3 && base.compare(base.size() - 3, 3, "/v1") == 0) base.resize(base.size() - 3);
    return base + "/v1/messages";
  }

  std::vector<std::string> headers(const std::string& api_key) const override {
    return {"Content-Type: application/json", "x-api-key: " + api_key,
            "anthropic-version: 2023-06-01"};
  }

  std::string body(const ChatRequest& r) const override {
    Json j = {{"model", r.model}, {"max_tokens", r.max_tokens}, {"messages", messages_json(r.messages)}};
    if (!r.system.empty()) j["system"] = r.system;
    if (!r.tools.empty()) {
      Json tools = Json::array();
      for (const auto& t : r.tools) {
        tools.push_back({{"name", t.name}, {"description", t.description},
                         {"input_schema", arguments_object(t.parameters)}});
      }
      j["tools"] = std::move(tools);
    }
    if (r.temperature) j["temperature"] = *r.temperature;
    if (r.stream) j["stream"] = true;
    return util::json_text(j);
  }

  ChatReply parse(const std::string& body) const override {
    Json j = parse_reply_json(body, "a reply");
    if (!j.contains("content") || !j["content"].is_array()) {
      throw LlmError(502, "the model provider's reply has no content");
    }
    ChatReply reply;
    for (const auto& block : j["content"]) {
      const std::string type = string_at(block, "type");
      if (type == "text") reply.content += string_at(block, "text");
      if (type == "tool_use") {
        reply.tool_calls.push_back({string_at(block, "id"), string_at(block, "name"),
                                    util::json_text(block.value("input", Json::object()))});
      }
    }
    reply.finish_reason = finish_reason_of(string_at(j, "stop_reason"));
    const Json usage = j.value("usage", Json::object());
    reply.usage.input_tokens = usage.value("input_tokens", 0LL);
    reply.usage.output_tokens = usage.value("output_tokens", 0LL);
    return reply;
  }

  std::unique_ptr<StreamDecoder> stream_decoder(
      std::function<void(std::string_view)> on_text) const override {
    return std::make_unique<AnthropicStream>(std::move(on_text));
  }

  std::string error_message(const std::string& body) const override { return error_text(body); }
};

}  // namespace

std::unique_ptr<WireFormat> anthropic_wire() { return std::make_unique<AnthropicWire>(); }

}  // namespace axis::llm
