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

// The model a feature uses with `client` when the request names none: LLM_MODEL_NAME when it
// was set and fits the provider, else `fallback_openai` / `fallback_anthropic`.
std::string model_for(const LlmClient& client, const config::AiSettings& ai,
                      const std::string& fallback_openai, const std::string& fallback_anthropic);

}  // namespace axis::llm
