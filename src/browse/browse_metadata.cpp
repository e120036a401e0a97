#include "browse/browse_metadata.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "browse/browse_cache.h"
#include "monitoring/monitoring_analytics_queries.h"
#include "monitoring/monitoring_dataset.h"
#include "monitoring/monitoring_filters.h"
#include "store/connection.h"
#include "store/sql_text.h"
#include "util/json_text.h"

namespace axis::browse {
namespace {

using Json = nlohmann::ordered_json;

Json filter_values(store::Connection& conn, const BrowseTable& t) {
  Json out = Json::object();
  std::string sql;
  for (const std::string& field : filter_value_fields()) {
    if (!t.column(field)) continue;
    out[field] = Json::array();
    const std::string q = datasets::quote_ident(field);
    sql += std::string(sql.empty() ? "" : " UNION ALL ") + "SELECT * FROM (SELECT '" + field +
           "' AS f, v FROM (SELECT DISTINCT CAST(" + q + " AS VARCHAR) AS v FROM " +
           datasets::quote_ident(t.table_name) + " WHERE " + q + " IS NOT NULL) ORDER BY v LIMIT " +
           std::to_string(kMaxFilterValues) + ")";
  }
  if (sql.empty()) return out;
  conn.execute(sql).for_each_row(
      [&](const auto& row) { out[row[0].value_or("")].push_back(row[1].value_or("")); });
  for (auto& [field, values] : out.items()) {
    std::sort(values.begin(), values.end());
  }
  return out;
}

Json time_range(store::Connection& conn, const BrowseTable& t) {
  Json range = {{"min", nullptr}, {"max", nullptr}};
  const auto* column = t.time_column();
  if (!column) return range;
  const std::string ts = monitoring::timestamp_sql(*column);
  auto rows = conn.execute("SELECT " + monitoring::iso_utc_sql("min(" + ts + ")") + ", " +
                           monitoring::iso_utc_sql("max(" + ts + ")") + " FROM " +
                           datasets::quote_ident(t.table_name))
                  .rows();
  if (rows.at(0)[0]) range["min"] = *rows[0][0];
  if (rows.at(0)[1]) range["max"] = *rows[0][1];
  return range;
}

Json summary_stats(store::Connection& conn, const BrowseTable& t) {
  const std::string table = datasets::quote_ident(t.table_name);
  const auto* latency = monitoring::latency_column(t.columns);
  const auto k = monitoring::score_kpis(
      conn,
      {"SELECT " + monitoring::double_sql(*t.column("metric_score")) + " AS _score FROM " + table,
       {}},
      {"SELECT " + (latency ? monitoring::double_sql(*latency) : "CAST(NULL AS DOUBLE)") +
           " AS _latency FROM " + table,
       {}});
  return {{"total_records", k.total_records}, {"avg_score", k.avg_score},
          {"pass_rate", k.pass_rate}, {"p50_latency", k.latency.p50},
          {"p95_latency", k.latency.p95}, {"p99_latency", k.latency.p99}};
}

}  // namespace

const std::vector<std::string>& filter_value_fields() {
  static const std::vector<std::string> fields = {
      "environment", "source_name", "source_component", "source_type",
      "metric_name", "metric_category", "kpi_name", "kpi_category"};
  return fields;
}

std::string metadata_json(BrowseCache& cache, store::Connection& conn, const BrowseTable& t) {
  const std::string key = cache_key("metadata", t.table_name, t.name, {});
  if (auto cached = cache.metadata.get(key)) return *cached;
  Json columns = Json::array();
  for (const auto& c : t.columns) {
    columns.push_back({{"column_name", c.name}, {"column_type", c.type}});
  }
  Json metadata = {
      {"row_count", store::cell_int(
                        conn.execute("SELECT count(*) FROM " + datasets::quote_ident(t.table_name))
                            .scalar())},
      {"columns", columns},
      {"filter_values", filter_values(conn, t)},
      {"time_range", time_range(conn, t)}};
  if (t.column("metric_score")) metadata["summary_stats"] = summary_stats(conn, t);
  std::string reply = util::json_text(Json{{"success", true}, {"dataset", t.name},
                                           {"dataset_id", t.dataset.id}, {"metadata", metadata}});
  cache.metadata.put(key, reply, reply.size() + key.size());
  return reply;
}

}  // namespace axis::browse
