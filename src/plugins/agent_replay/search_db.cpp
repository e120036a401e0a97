#include "plugins/agent_replay/search_db.h"

#include "config/agent_name.h"
#include "pg/pg_connection.h"

namespace axis::plugins::agent_replay {

LookupSql lookup_sql(const SearchDbConfig& config, const std::optional<std::string>& column) {
  if (!config.source.enabled) throw SearchDbNotConfigured("Search database is not enabled");
  if (!config.is_configured()) throw SearchDbNotConfigured("Search database is not configured");
  if (config.search_columns.empty())
    throw SearchDbNotConfigured("No search columns are configured for the search database");
  std::string col = config.search_columns.front().first;
  if (column) {
    bool known = false;
    std::string available;
    for (const auto& [name, label] : config.search_columns) {
      known = known || name == *column;
      available += (available.empty() ? "'" : ", '") + name + "'";
    }
    if (!known) {
      throw SearchDbNotConfigured("Search column '" + *column +
                                  "' is not configured. Available columns: [" + available + "]");
    }
    col = *column;
  }
  std::string sql = "SELECT " + pg::quote_ident(config.trace_id_column);
  if (!config.agent_name_column.empty()) sql += ", " + pg::quote_ident(config.agent_name_column);
  sql += " FROM " + pg::quote_ident(config.schema) + "." + pg::quote_ident(config.table) +
         " WHERE " + pg::quote_ident(col) + " = $1 LIMIT $2";
  return {sql, col};
}

std::vector<SearchMatch> SearchDb::lookup(const std::string& value,
                                          const std::optional<std::string>& column,
                                          const std::optional<std::string>& agent, int limit) const {
  const SearchDbConfig config = config_.for_agent(agent);
  const LookupSql statement = lookup_sql(config, column);
  config::SourceSettings source = config.source;
  if (source.ssl_mode == "disable") source.ssl_mode.clear();
  std::vector<SearchMatch> matches;
  try {
    auto conn = pg::PgConnection::connect(config::connection_url(source));
    conn->execute("SET statement_timeout = " + std::to_string(source.query_timeout * 1000));
    const pg::PgResult result = conn->query(statement.sql, {value, std::to_string(limit)});
    for (const auto& row : result.rows) {
      if (row.empty() || !row[0] || row[0]->empty()) continue;
      SearchMatch m{*row[0], std::nullopt};
      if (row.size() > 1 && row[1] && !row[1]->empty()) m.agent = config::canonical_agent_name(*row[1]);
      matches.push_back(std::move(m));
    }
  } catch (const std::exception& e) {
    throw SearchDbQueryError(std::string("Database query failed: ") + e.what());
  }
  return matches;
}

}  // namespace axis::plugins::agent_replay
