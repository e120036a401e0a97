// Providers: the LLM providers this server may call, built once from the settings. A provider
// is configured only when its key is set: openai ⇔ GATEWAY_API_KEY (preferred) or
// OPENAI_API_KEY; anthropic ⇔ ANTHROPIC_API_KEY. Thread-safe after construction.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "llm/llm_client.h"

namespace axis::config { struct AiSettings; }

namespace axis::llm {

class Providers {
 public:
  // `usage` receives every finished call (may be empty).
  Providers(const config::AiSettings& ai, UsageSink usage);

  bool any() const { return openai_ || anthropic_; }
  bool has(const std::string& name) const { return find(name) != nullptr; }
  // The configured provider names, OpenAI first.
  std::vector<std::string> names() const;
  // The named provider, or null when it is not configured.
  const LlmClient* find(const std::string& name) const;
  // The provider features use by default: OpenAI when configured, else Anthropic; null if none.
  const LlmClient* preferred() const { return openai_ ? openai_.get() : anthropic_.get(); }

 private:
  std::unique_ptr<LlmClient> openai_;
  std::unique_ptr<LlmClient> anthropic_;
};

// A feature's default model on each provider.
struct FeatureModels {
  std::string openai;
  std::string anthropic;
};
inline const FeatureModels kCopilotModels{"gpt-4o", "claude-3-5-sonnet-20241022"};
inline const FeatureModels kReportModels{"gpt-4o-mini", "claude-3-5-haiku-20241022"};
inline const FeatureModels kEvalRunnerModels{"gpt-4o", "claude-3-5-sonnet-20241022"};
inline const FeatureModels kAlignJudgeModels{"gpt-4", "claude-3-5-sonnet-20241022"};
inline const FeatureModels kAlignClusterModels{"gpt-4o", "claude-3-5-sonnet-20241022"};

// The model to call on `client`: `wanted` when it fits the provider (a name starting with
// "claude" only on Anthropic, any other name only elsewhere), else the feature's default there.
std::string model_for(const LlmClient& client, const std::string& wanted, const FeatureModels& defaults);
// The copilot's (and plain chat's) model: LLM_MODEL_NAME when it was set and fits.
std::string copilot_model(const LlmClient& client, const config::AiSettings& ai);

}  // namespace axis::llm
