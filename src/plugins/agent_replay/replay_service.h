// ReplayService: what the agent replay routes do (spec/plugins.md §3.3): the status, trace lists
// and search (metadata, trace id, or the search DB), a trace's detail, node and step views.
// Errors: MissingCredentials (503), SearchDbNotConfigured / SearchDbQueryError (503),
// LangfuseError (500); a trace, node or step that does not exist is nullopt. Thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/settings.h"
#include "plugins/agent_replay/langfuse_accounts.h"
#include "plugins/agent_replay/search_db.h"
#include "plugins/agent_replay/trace_cache.h"

namespace axis::plugins::agent_replay {

struct SearchRequest {
  std::string query;
  int limit = 10, days_back = 30;
  std::string search_by = "trace_id";
  std::optional<std::string> agent;
};

struct TraceListRequest {
  int limit = 20, days_back = 7;
  std::string name;
  std::vector<std::string> tags;
  std::optional<std::string> agent;
};

// True for a UUID or at least 32 hex digits: a query that is a trace ID.
bool looks_like_trace_id(const std::string& query);

class ReplayService {
 public:
  ReplayService(const config::Settings& settings, LangfuseLimits limits);

  bool enabled() const { return enabled_; }
  const LangfuseAccounts& accounts() const { return accounts_; }

  Json status() const;
  Json agents() const;  // {agents}
  Json search(const SearchRequest& request) const;        // {traces, total}
  Json list_traces(const TraceListRequest& request) const;  // {traces, total}
  std::optional<Json> detail(const std::string& trace_id, std::size_t max_chars,
                             const std::optional<std::string>& agent) const;
  std::optional<Json> node(const std::string& trace_id, const std::string& node_id,
                           const std::optional<std::string>& agent) const;
  std::optional<Json> step(const std::string& trace_id, std::size_t index,
                           const std::optional<std::string>& agent) const;

  // The raw trace, from the cache when fetched in the last 5 minutes. nullopt: not found.
  std::shared_ptr<const Json> fetch(const LangfuseClient& client, const std::string& trace_id,
                                    const std::optional<std::string>& agent) const;

 private:
  Json search_fields(const SearchDbConfig& config) const;
  Json search_db(const SearchRequest& request) const;

  bool enabled_;
  config::AgentReplayDefaults defaults_;
  LangfuseAccounts accounts_;
  SearchDb search_db_;
  mutable TraceCache cache_;
};

}  // namespace axis::plugins::agent_replay
