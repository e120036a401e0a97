#include "llm/providers.h"

#include "config/settings.h"

namespace axis::llm {
namespace {

ProviderConfig base_config(const config::AiSettings& ai) {
  ProviderConfig c;
  c.connect_timeout_seconds = ai.llm_connect_timeout_seconds;
  c.read_timeout_seconds = ai.llm_read_timeout_seconds;
  c.retry.max_attempts = 1 + ai.llm_max_retries;
  return c;
}

}  // namespace

Providers::Providers(const config::AiSettings& ai, UsageSink usage) {
  const std::string openai_key = !ai.gateway_api_key.empty() ? ai.gateway_api_key : ai.openai_api_key;
  if (!openai_key.empty()) {
    ProviderConfig c = base_config(ai);
    c.name = "openai";
    c.base_url = ai.openai_api_base;
    c.api_key = openai_key;
    c.model = kCopilotModels.openai;
    openai_ = std::make_unique<LlmClient>(std::move(c), usage);
  }
  if (!ai.anthropic_api_key.empty()) {
    ProviderConfig c = base_config(ai);
    c.name = "anthropic";
    c.base_url = ai.anthropic_api_base;
    c.api_key = ai.anthropic_api_key;
    c.model = kCopilotModels.anthropic;
    anthropic_ = std::make_unique<LlmClient>(std::move(c), usage);
  }
}

std::vector<std::string> Providers::names() const {
  std::vector<std::string> out;
  if (openai_) out.push_back("openai");
  if (anthropic_) out.push_back("anthropic");
  return out;
}

const LlmClient* Providers::find(const std::string& name) const {
  if (name == "openai") return openai_.get();
  if (name == "anthropic") return anthropic_.get();
  return nullptr;
}

std::string model_for(const LlmClient& client, const std::string& wanted, const FeatureModels& defaults) {
  const bool anthropic = client.config().name == "anthropic";
  if (!wanted.empty() && (wanted.rfind("claude", 0) == 0) == anthropic) return wanted;
  return anthropic ? defaults.anthropic : defaults.openai;
}

std::string copilot_model(const LlmClient& client, const config::AiSettings& ai) {
  return model_for(client, ai.llm_model_name_set ? ai.llm_model_name : "", kCopilotModels);
}

}  // namespace axis::llm
