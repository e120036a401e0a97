#include "copilot/chat_service.h"

#include <cstdio>

#include "llm/providers.h"

namespace axis::copilot {
namespace {

constexpr const char* kChatSystemPrompt =
    "You are AXIS, an assistant for AI evaluation data. Answer concisely in Markdown.";
constexpr const char* kNotConfigured =
    "AI features require an LLM provider: set OPENAI_API_KEY (or GATEWAY_API_KEY) or "
    "ANTHROPIC_API_KEY";

std::string two_decimals(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

bool ChatService::configured() const { return providers_.preferred() != nullptr; }

const char* ChatService::not_configured_message() { return kNotConfigured; }

ChatOutcome ChatService::chat(const ChatInput& input,
                              const std::function<void(std::string_view)>& on_text,
                              const std::function<bool()>& cancelled) const {
  ChatOutcome out;
  const llm::LlmClient* client = providers_.preferred();
  if (client == nullptr) {
    out.error = kNotConfigured;
    return out;
  }
  llm::ChatRequest request;
  request.model = llm::copilot_model(*client, ai_);
  request.system = kChatSystemPrompt;
  if (!input.data_context_json.empty()) {
    request.system += "\nThe user is looking at data described as: " + input.data_context_json;
  }
  request.messages = input.messages;
  request.stream = input.stream;
  out.model = request.model;
  llm::ChatCallbacks callbacks;
  callbacks.on_text = on_text;
  callbacks.cancelled = cancelled;
  try {
    const auto reply = client->chat(request, callbacks, "chat");
    out.success = true;
    out.response = reply.content;
    out.usage = reply.usage;
  } catch (const llm::LlmCancelled&) {
    out.cancelled = true;
  } catch (const llm::LlmError& e) {
    out.error = e.what();
  }
  return out;
}

Analysis ChatService::analyze(std::vector<analytics::MetricSummary> metrics, std::size_t records) {
  if (metrics.size() > 5) metrics.resize(5);
  Analysis out;
  for (const auto& m : metrics) {
    if (m.mean < 0.5) {
      out.insights.push_back({"warning", m.metric_name,
                              m.metric_name + " has a low average score of " + two_decimals(m.mean)});
    } else if (m.mean > 0.8) {
      out.insights.push_back({"success", m.metric_name,
                              m.metric_name + " performs well with an average of " + two_decimals(m.mean)});
    }
    if (m.count > 1 && m.std > 0.3) {
      out.insights.push_back({"info", m.metric_name,
                              m.metric_name + " varies widely (std " + two_decimals(m.std) + ")"});
    }
  }
  out.summary = "Analyzed " + std::to_string(records) + " records across " +
                std::to_string(metrics.size()) + " metrics";
  return out;
}

}  // namespace axis::copilot
