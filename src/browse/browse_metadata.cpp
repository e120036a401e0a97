#include "browse/browse_metadata.h"

#include <algorithm>

#include "browse/browse_cache.h"
#include "monitoring/monitoring_analytics_queries.h"
#include "monitoring/monitoring_dataset.h"
#include "monitoring/monitoring_filters.h"
#include "store/connection.h"
#include "store/sql_text.h"

namespace axis::browse {
namespace {

using FilterValues = std::vector<std::pair<std::string, std::vector<std::string>>>;

FilterValues filter_values(store::Connection& conn, const BrowseTable& t) {
  FilterValues out;
  std::string sql;
  for (const std::string& field : filter_value_fields()) {
    if (!t.column(field)) continue;
    out.push_back({field, {}});
    const std::string q = datasets::quote_ident(field);
    sql += std::string(sql.empty() ? "" : " UNION ALL ") + "SELECT * FROM (SELECT '" + field +
           "' AS f, v FROM (SELECT DISTINCT CAST(" + q + " AS VARCHAR) AS v FROM " +
           datasets::quote_ident(t.table_name) + " WHERE " + q + " IS NOT NULL) ORDER BY v LIMIT " +
           std::to_string(kMaxFilterValues) + ")";
  }
  if (sql.empty()) return out;
  conn.execute(sql).for_each_row([&](const auto& row) {
    const std::string field = row[0].value_or("");
    for (auto& [name, values] : out) {
      if (name == field) values.push_back(row[1].value_or(""));
    }
  });
  for (auto& [field, values] : out) std::sort(values.begin(), values.end());
  return out;
}

void read_time_range(store::Connection& conn, const BrowseTable& t, TableMetadata& out) {
  const auto* column = t.time_column();
  if (!column) return;
  const std::string ts = monitoring::timestamp_sql(*column);
  auto rows = conn.execute("SELECT " + monitoring::iso_utc_sql("min(" + ts + ")") + ", " +
                           monitoring::iso_utc_sql("max(" + ts + ")") + " FROM " +
                           datasets::quote_ident(t.table_name))
                  .rows();
  out.time_min = rows.at(0)[0];
  out.time_max = rows.at(0)[1];
}

SummaryStats summary_stats(store::Connection& conn, const BrowseTable& t) {
  const std::string table = datasets::quote_ident(t.table_name);
  const auto* latency = monitoring::latency_column(t.columns);
  const auto k = monitoring::score_kpis(
      conn,
      {"SELECT " + monitoring::double_sql(*t.column("metric_score")) + " AS _score FROM " + table,
       {}},
      {"SELECT " + (latency ? monitoring::double_sql(*latency) : "CAST(NULL AS DOUBLE)") +
           " AS _latency FROM " + table,
       {}});
  return {k.total_records, k.avg_score, k.pass_rate, k.latency.p50, k.latency.p95, k.latency.p99};
}

// What an entry costs the cache's byte budget, roughly.
std::size_t cost_of(const TableMetadata& m) {
  std::size_t bytes = sizeof m + m.dataset.size() + m.dataset_id.size();
  for (const auto& [name, type] : m.columns) bytes += name.size() + type.size() + 32;
  for (const auto& [field, values] : m.filter_values) {
    bytes += field.size();
    for (const auto& v : values) bytes += v.size() + 32;
  }
  return bytes;
}

}  // namespace

const std::vector<std::string>& filter_value_fields() {
  static const std::vector<std::string> fields = {
      "environment", "source_name", "source_component", "source_type",
      "metric_name", "metric_category", "kpi_name", "kpi_category"};
  return fields;
}

std::shared_ptr<const TableMetadata> table_metadata(BrowseCache& cache, store::Connection& conn,
                                                    const BrowseTable& t) {
  const std::string key = cache_key("metadata", t.table_name, t.name, {});
  if (auto cached = cache.metadata.get(key)) return *cached;
  auto m = std::make_shared<TableMetadata>();
  m->dataset = t.name;
  m->dataset_id = t.dataset.id;
  for (const auto& c : t.columns) m->columns.emplace_back(c.name, c.type);
  m->row_count = store::cell_int(
      conn.execute("SELECT count(*) FROM " + datasets::quote_ident(t.table_name)).scalar());
  m->filter_values = filter_values(conn, t);
  read_time_range(conn, t, *m);
  if (t.column("metric_score")) m->summary_stats = summary_stats(conn, t);
  cache.metadata.put(key, m, cost_of(*m) + key.size());
  return m;
}

}  // namespace axis::browse
