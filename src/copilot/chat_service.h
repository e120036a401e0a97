// ChatService: the work of POST /api/ai/chat (a plain conversation with the configured model,
// no tools) and POST /api/ai/analyze (rule-based insights, no model). The handler translates
// the request and writes the reply or the stream; the prompt, the model choice and the insight
// rules live here. Thread-safe (no state of its own); chat() blocks for the model's whole reply.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/summary.h"
#include "config/settings.h"
#include "llm/chat.h"

namespace axis::llm { class Providers; }

namespace axis::copilot {

struct ChatInput {
  std::vector<llm::ChatMessage> messages;  // user and assistant turns, at least one
  std::string data_context_json;           // the page's data description as JSON text, or ""
  bool stream = false;                     // send the text to on_text as it arrives
};

struct ChatOutcome {
  bool success = false;
  bool cancelled = false;  // the caller gave up: nothing more should be sent
  std::string response;    // the model's answer when success
  std::string model;
  llm::Usage usage;
  std::string error;  // why not, when !success (safe to show)
};

struct Insight {
  std::string type;  // warning | success | info
  std::string metric;
  std::string message;
};

struct Analysis {
  std::vector<Insight> insights;
  std::string summary;  // "Analyzed N records across M metrics"
};

class ChatService {
 public:
  // Both must outlive the service.
  ChatService(const llm::Providers& providers, const config::AiSettings& ai)
      : providers_(providers), ai_(ai) {}

  // True when a provider is configured (chat() can call a model).
  bool configured() const;
  // What a reply says when no provider is configured.
  static const char* not_configured_message();

  // One reply of the preferred provider's copilot model to `input`, with AXIS's system prompt.
  // `on_text` (may be null) receives streamed text on the calling thread; `cancelled` (may be
  // null) is polled and aborts the call. A provider failure is an outcome, not an exception.
  ChatOutcome chat(const ChatInput& input, const std::function<void(std::string_view)>& on_text,
                   const std::function<bool()>& cancelled) const;

  // Insights on the first five metrics of the summary of `metrics` (mean < 0.5 is a warning,
  // > 0.8 a success, std > 0.3 over more than one score is info) for `records` rows.
  static Analysis analyze(std::vector<analytics::MetricSummary> metrics, std::size_t records);

 private:
  const llm::Providers& providers_;
  const config::AiSettings& ai_;
};

}  // namespace axis::copilot
