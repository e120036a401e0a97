#include "plugins/agent_replay/langfuse_accounts.h"

#include "config/agent_name.h"

namespace axis::plugins::agent_replay {

LangfuseAccounts::LangfuseAccounts(const config::LangfuseSettings& settings, LangfuseLimits limits)
    : limits_(limits) {
  settings_ = settings;
  // Agent names as requests spell them (canonical: "beta-bot" and "Beta_Bot" alike).
  settings_.agents.clear();
  for (const auto& [name, keys] : settings.agents) settings_.agents[config::canonical_agent_name(name)] = keys;
}

LangfuseClient LangfuseAccounts::client_for(const std::optional<std::string>& agent) const {
  if (agent && !agent->empty()) {
    const std::string name = config::canonical_agent_name(*agent);
    const auto it = settings_.agents.find(name);
    if (it == settings_.agents.end()) {
      throw MissingCredentials("Langfuse credentials are not configured for agent '" + name +
                               "'. Set LANGFUSE_" + name + "_PUBLIC_KEY and LANGFUSE_" + name +
                               "_SECRET_KEY (agent name in upper case).");
    }
    return LangfuseClient({it->second.public_key, it->second.secret_key, it->second.host}, limits_);
  }
  if (settings_.public_key.empty() || settings_.secret_key.empty()) {
    throw MissingCredentials(
        "Langfuse credentials are not configured. Set LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY.");
  }
  return LangfuseClient({settings_.public_key, settings_.secret_key, settings_.host}, limits_);
}

bool LangfuseAccounts::configured() const {
  return (!settings_.public_key.empty() && !settings_.secret_key.empty()) || !settings_.agents.empty();
}

std::vector<std::string> LangfuseAccounts::agents() const {
  std::vector<std::string> out;
  for (const auto& [name, keys] : settings_.agents) out.push_back(name);
  return out;  // a std::map: already sorted
}

}  // namespace axis::plugins::agent_replay
