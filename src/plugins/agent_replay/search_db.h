// SearchDb: maps a business key (a case reference, a ticket number) to Langfuse trace IDs through
// the agent replay search DB (spec/plugins.md §3.4). Identifiers come from the configuration
// only, quoted; the searched value is bound as $1. One connection per lookup, with the
// configured connect timeout and statement_timeout. Thread-safe; blocking.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "plugins/agent_replay/search_db_config.h"

namespace axis::plugins::agent_replay {

// The lookup cannot run as asked: "... not enabled", "... not configured", "No search columns
// ...", "Search column 'x' is not configured. Available columns: [...]".
class SearchDbNotConfigured : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The query failed: "Database query failed: <reason>".
class SearchDbQueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SearchMatch {
  std::string trace_id;
  std::optional<std::string> agent;  // canonical; set when the row names one
};

struct LookupSql {
  std::string sql;     // SELECT "<trace>"[,"<agent>"] FROM "<schema>"."<table>" WHERE "<col>"=$1 LIMIT $2
  std::string column;  // the column searched
};

// The statement for `column` (the first configured one when absent). Throws
// SearchDbNotConfigured.
LookupSql lookup_sql(const SearchDbConfig& config, const std::optional<std::string>& column);

class SearchDb {
 public:
  explicit SearchDb(SearchDbConfig config) : config_(std::move(config)) {}
  const SearchDbConfig& config() const { return config_; }

  // The trace IDs whose row has `value` in `column`, as `agent`'s overrides resolve the table
  // and columns; at most `limit`, empty trace IDs skipped.
  std::vector<SearchMatch> lookup(const std::string& value, const std::optional<std::string>& column,
                                  const std::optional<std::string>& agent, int limit) const;

 private:
  SearchDbConfig config_;
};

}  // namespace axis::plugins::agent_replay
