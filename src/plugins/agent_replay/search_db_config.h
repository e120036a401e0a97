// The agent replay search DB's settings (agent_replay_db, spec/plugins.md §3.1): the connection
// (config::SourceSettings), the lookup table and its columns, and per-agent overrides.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/settings.h"

namespace axis::plugins::agent_replay {

using SearchColumns = std::vector<std::pair<std::string, std::string>>;  // column → label, in order

struct SearchDbAgentOverride {
  std::optional<std::string> table, trace_id_column, agent_name_column;
  std::optional<SearchColumns> search_columns;
};

struct SearchDbConfig {
  config::SourceSettings source;  // enabled, url or host/port/database/username/password, ...
  std::string schema = "public", table = "trace_lookup";
  SearchColumns search_columns;
  std::string trace_id_column = "langfuse_trace_id", agent_name_column;
  int pool_min_size = 0, pool_max_size = 5;
  std::map<std::string, SearchDbAgentOverride> agents;  // canonical agent name → overrides

  // From the loaded settings (the source and its raw_yaml_json extras).
  static SearchDbConfig from_settings(const config::SourceSettings& source);
  // Somewhere to connect to: a url, or a host plus a database.
  bool is_configured() const;
  // This config with the fields `agent` overrides replaced (never the schema); the defaults for
  // no agent or an unknown one.
  SearchDbConfig for_agent(const std::optional<std::string>& agent) const;
};

}  // namespace axis::plugins::agent_replay
