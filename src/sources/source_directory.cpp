#include "sources/source_directory.h"

#include <algorithm>
#include <map>

#include "config/agent_match.h"
#include "datasets/catalog.h"
#include "signals/signals_loader.h"
#include "store/connection.h"
#include "store/sql_text.h"
#include "store/store.h"

namespace axis::sources {
namespace {

struct ValueCount {
  std::string value;
  std::int64_t rows = 0;
};

// The non-empty source_name values of `table` with their row counts, the most frequent first;
// none when the table has no source_name column (or does not exist).
std::vector<ValueCount> source_values(store::Connection& conn, const std::string& table) {
  const auto columns = datasets::table_columns(conn, table);
  const bool has_source = std::any_of(columns.begin(), columns.end(),
                                      [](const auto& c) { return c.name == "source_name"; });
  std::vector<ValueCount> out;
  if (!has_source) return out;
  conn.execute("SELECT v, count(*) AS n FROM (SELECT CAST(\"source_name\" AS VARCHAR) AS v FROM " +
               datasets::quote_ident(table) + ") WHERE v IS NOT NULL AND v <> '' "
               "GROUP BY v ORDER BY n DESC, v LIMIT " + std::to_string(kMaxSourceValues))
      .for_each_row([&](const auto& row) {
        out.push_back({row[0].value_or(""), store::cell_int(row[1])});
      });
  return out;
}

}  // namespace

std::vector<DataSource> SourceDirectory::list() const {
  std::map<std::string, DataSource> found;  // by id
  const auto count = [&](const std::vector<ValueCount>& values, std::int64_t SourceRows::*field) {
    for (const auto& [value, rows] : values) {
      const config::AgentEntry* agent = config::agent_for_source(agents_, value);
      const std::string id = agent ? agent->name : value;
      DataSource& s = found[id];
      s.id = id;
      s.agent = agent;
      if (std::find(s.source_names.begin(), s.source_names.end(), value) == s.source_names.end()) {
        s.source_names.push_back(value);
      }
      s.rows.*field += rows;
    }
  };
  {
    auto conn = catalog_.store().connection();
    if (const auto d = catalog_.newest("monitoring")) {
      count(source_values(*conn, d->table_name), &SourceRows::monitoring);
    }
    if (const auto d = catalog_.newest("human_signals")) {
      count(source_values(*conn, signals::cases_table_of(d->table_name)),
            &SourceRows::human_signals);
    }
    if (const auto d = catalog_.newest("kpi")) {
      count(source_values(*conn, d->table_name), &SourceRows::kpi);
    }
  }
  std::vector<DataSource> out;
  for (const auto& a : agents_) {
    auto it = found.find(a.name);
    if (it == found.end() || it->second.agent != &a) continue;
    DataSource s = std::move(it->second);
    found.erase(it);
    // The stored values in the agent's own order: its name, then its trace_names.
    std::vector<std::string> ordered;
    for (const auto& v : config::resolve_source_filter(agents_, a.name).values) {
      if (std::find(s.source_names.begin(), s.source_names.end(), v) != s.source_names.end()) {
        ordered.push_back(v);
      }
    }
    s.source_names = std::move(ordered);
    out.push_back(std::move(s));
  }
  for (auto& [id, s] : found) out.push_back(std::move(s));  // std::map: by code point
  return out;
}

}  // namespace axis::sources
