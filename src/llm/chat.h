// The provider-neutral shape of a chat with a model: messages, tools, the reply and its usage.
// Plain data; the wire formats (openai_wire, anthropic_wire) translate to and from it.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace axis::llm {

struct ToolCall {
  std::string id;
  std::string name;
  std::string arguments;  // a JSON object as text
};

struct ChatMessage {
  std::string role;  // system | user | assistant | tool
  std::string content;
  std::vector<ToolCall> tool_calls;  // assistant turns that call tools
  std::string tool_call_id;          // tool results: the call they answer
};

struct ToolSpec {
  std::string name;
  std::string description;
  std::string parameters;  // a JSON Schema object as text
};

struct ChatRequest {
  std::string model;
  std::string system;
  std::vector<ChatMessage> messages;
  std::vector<ToolSpec> tools;
  std::optional<double> temperature;
  int max_tokens = 4096;
  bool stream = false;  // stream tokens to ChatCallbacks::on_text as they arrive
};

struct Usage {
  long long input_tokens = 0;
  long long output_tokens = 0;
};

struct ChatReply {
  std::string content;
  std::vector<ToolCall> tool_calls;
  std::string finish_reason;  // stop | tool_calls | length | ...
  Usage usage;
};

struct ChatCallbacks {
  std::function<void(std::string_view)> on_text;  // streamed text, piece by piece
  std::function<bool()> cancelled;                // polled; true aborts the call
};

// A call that failed for good (after retries): `status` is the HTTP status, 0 for a transport
// failure. The message is safe to show to users (no keys).
class LlmError : public std::runtime_error {
 public:
  LlmError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

// The caller stopped waiting (the client went away).
class LlmCancelled : public std::runtime_error {
 public:
  LlmCancelled() : std::runtime_error("the request was cancelled") {}
};

}  // namespace axis::llm
