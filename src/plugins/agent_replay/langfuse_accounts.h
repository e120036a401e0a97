// LangfuseAccounts: the Langfuse credential sets (the global LANGFUSE_* keys and the per-agent
// LANGFUSE_<AGENT>_* ones) and a client for the one a request picks. The keys never leave it
// except inside the clients' requests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/settings.h"
#include "plugins/agent_replay/langfuse_client.h"

namespace axis::plugins::agent_replay {

// No credentials for the requested agent (or no global keys): the routes answer 503.
class MissingCredentials : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class LangfuseAccounts {
 public:
  LangfuseAccounts(const config::LangfuseSettings& settings, LangfuseLimits limits);

  // A client with `agent`'s credentials (canonical name), or the global ones when no agent is
  // given. Throws MissingCredentials.
  LangfuseClient client_for(const std::optional<std::string>& agent) const;
  bool configured() const;                  // global keys or at least one agent
  std::vector<std::string> agents() const;  // sorted
  const std::string& host() const { return settings_.host; }

 private:
  config::LangfuseSettings settings_;
  LangfuseLimits limits_;
};

}  // namespace axis::plugins::agent_replay
