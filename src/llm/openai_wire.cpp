// The OpenAI chat-completions dialect (also spoken by gateways such as LiteLLM).
#include <map>

#include "llm/sse_reader.h"
#include "llm/wire_format.h"
#include "llm/wire_json.h"
#include "util/json_text.h"

namespace axis::llm {
namespace {

Json message_json(const ChatMessage& m) {
  Json j = {{"role", m.role}};
  if (m.role == "tool") {
    j["tool_call_id"] = m.tool_call_id;
    j["content"] = m.content;
    return j;
  }
  if (m.tool_calls.empty()) {
    j["content"] = m.content;
    return j;
  }
  j["content"] = m.content.empty() ? Json(nullptr) : Json(m.content);
  Json calls = Json::array();
  for (const auto& c : m.tool_calls) {
    calls.push_back({{"id", c.id}, {"type", "function"},
                     {"function", {{"name", c.name}, {"arguments", c.arguments}}}});
  }
  j["tool_calls"] = std::move(calls);
  return j;
}

Usage usage_of(const Json& j) {
  Usage u;
  if (j.is_object()) {
    u.input_tokens = j.value("prompt_tokens", 0LL);
    u.output_tokens = j.value("completion_tokens", 0LL);
  }
  return u;
}

class OpenAiStream : public StreamDecoder {
 public:
  explicit OpenAiStream(std::function<void(std::string_view)> on_text)
      : on_text_(std::move(on_text)),
        reader_([this](const std::string&, const std::string& data) { event(data); }) {}

  void feed(std::string_view bytes) override { reader_.feed(bytes); }

  ChatReply finish() override {
    reader_.finish();
    if (!done_ && reply_.finish_reason.empty()) {
      throw LlmError(0, "the connection to the model closed before its reply was complete");
    }
    for (auto& [index, call] : calls_) reply_.tool_calls.push_back(std::move(call));
    return std::move(reply_);
  }

 private:
  void event(const std::string& data) {
    if (data == "[DONE]") {
      done_ = true;
      return;
    }
    Json j = parse_reply_json(data, "a stream chunk");
    if (j.contains("error")) throw LlmError(502, error_text(data));
    if (j.contains("usage") && j["usage"].is_object()) reply_.usage = usage_of(j["usage"]);
    if (!j.contains("choices") || !j["choices"].is_array() || j["choices"].empty()) return;
    const Json& choice = j["choices"][0];
    if (choice.contains("finish_reason") && choice["finish_reason"].is_string()) {
      reply_.finish_reason = choice["finish_reason"].get<std::string>();
    }
    if (!choice.contains("delta") || !choice["delta"].is_object()) return;
    const Json& delta = choice["delta"];
    const std::string text = string_at(delta, "content");
    if (!text.empty()) {
      reply_.content += text;
      if (on_text_) on_text_(text);
    }
    if (delta.contains("tool_calls") && delta["tool_calls"].is_array()) {
      for (const auto& part : delta["tool_calls"]) {
        ToolCall& call = calls_[part.value("index", 0)];
        if (const auto id = string_at(part, "id"); !id.empty()) call.id = id;
        if (part.contains("function") && part["function"].is_object()) {
          call.name += string_at(part["function"], "name");
          call.arguments += string_at(part["function"], "arguments");
        }
      }
    }
  }

  std::function<void(std::string_view)> on_text_;
  SseReader reader_;
  ChatReply reply_;
  std::map<int, ToolCall> calls_;
  bool done_ = false;
};

class OpenAiWire : public WireFormat {
 public:
  std::string display_name() const override { return "OpenAI"; }

  std::string endpoint(const std::string& base_url) const override {
    std::string base = base_url.empty() ? "https://api.openai.com/v1" : base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + "/chat/completions";
  }

  std::vector<std::string> headers(const std::string& api_key) const override {
    return {"Content-Type: application/json", "Authorization: Bearer " + api_key};
  }

  std::string body(const ChatRequest& r) const override {
    Json messages = Json::array();
    if (!r.system.empty()) messages.push_back({{"role", "system"}, {"content", r.system}});
    for (const auto& m : r.messages) messages.push_back(message_json(m));
    Json j = {{"model", r.model}, {"messages", std::move(messages)}};
    if (!r.tools.empty()) {
      Json tools = Json::array();
      for (const auto& t : r.tools) {
        tools.push_back({{"type", "function"},
                         {"function", {{"name", t.name}, {"description", t.description},
                                       {"parameters", arguments_object(t.parameters)}}}});
      }
      j["tools"] = std::move(tools);
    }
    if (r.temperature) j["temperature"] = *r.temperature;
    if (r.stream) {
      j["stream"] = true;
      j["stream_options"] = {{"include_usage", true}};
    }
    return util::json_text(j);
  }

  ChatReply parse(const std::string& body) const override {
    Json j = parse_reply_json(body, "a reply");
    if (!j.contains("choices") || !j["choices"].is_array() || j["choices"].empty() ||
        !j["choices"][0].contains("message")) {
      throw LlmError(502, "the model provider's reply has no choices");
    }
    const Json& choice = j["choices"][0];
    const Json& message = choice["message"];
    ChatReply reply;
    reply.content = string_at(message, "content");
    reply.finish_reason = string_at(choice, "finish_reason");
    if (message.contains("tool_calls") && message["tool_calls"].is_array()) {
      for (const auto& c : message["tool_calls"]) {
        const Json fn = c.value("function", Json::object());
        reply.tool_calls.push_back({string_at(c, "id"), string_at(fn, "name"), string_at(fn, "arguments")});
      }
    }
    if (j.contains("usage")) reply.usage = usage_of(j["usage"]);
    return reply;
  }

  std::unique_ptr<StreamDecoder> stream_decoder(
      std::function<void(std::string_view)> on_text) const override {
    return std::make_unique<OpenAiStream>(std::move(on_text));
  }

  std::string error_message(const std::string& body) const override { return error_text(body); }
};

}  // namespace

std::unique_ptr<WireFormat> openai_wire() { return std::make_unique<OpenAiWire>(); }

}  // namespace axis::llm
