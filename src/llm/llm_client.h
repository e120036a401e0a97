// LlmClient: chat with one configured provider — request written in the provider's dialect,
// sent over libcurl with timeouts, retried on 408/429/5xx and lost connections (honouring
// Retry-After, never after text has been streamed on), cancelled when the caller says so, and
// every call's token usage reported. Thread-safe; shared by all requests.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "llm/chat.h"
#include "llm/retry_policy.h"

namespace axis::llm {

class WireFormat;

struct ProviderConfig {
  std::string name;      // "openai" | "anthropic"
  std::string base_url;  // empty: the provider's public API
  std::string api_key;
  std::string model;     // the model used when a request names none
  int connect_timeout_seconds = 10;
  int read_timeout_seconds = 120;
  RetryPolicy retry;
};

// Who made a call, for the usage log: the feature, and the run it belongs to when there is one.
struct CallLabel {
  CallLabel(const char* feature_name) : feature(feature_name) {}
  CallLabel(std::string feature_name, std::string run = {})
      : feature(std::move(feature_name)), run_id(std::move(run)) {}
  std::string feature;  // "copilot", "reports", "eval-runner", ...
  std::string run_id;   // empty when the call belongs to no run
};

// One finished call (all its attempts), for the usage log.
struct CallRecord {
  std::string feature;   // "copilot", "reports", ...
  std::string run_id;    // the run it belongs to, or empty
  std::string provider;
  std::string model;
  Usage usage;
  int attempts = 0;
  std::string outcome;   // ok | error | cancelled
  double duration_ms = 0;
};
using UsageSink = std::function<void(const CallRecord&)>;

class LlmClient {
 public:
  LlmClient(ProviderConfig config, UsageSink usage);
  ~LlmClient();
  LlmClient(const LlmClient&) = delete;
  LlmClient& operator=(const LlmClient&) = delete;

  const ProviderConfig& config() const { return config_; }
  // Sends the chat (request.model empty = the configured model). Throws LlmError when it fails
  // for good and LlmCancelled when callbacks.cancelled() turned true.
  ChatReply chat(ChatRequest request, const ChatCallbacks& callbacks, const CallLabel& label) const;

 private:
  ProviderConfig config_;
  UsageSink usage_;
  std::unique_ptr<WireFormat> wire_;
};

}  // namespace axis::llm
