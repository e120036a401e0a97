#include "monitoring/monitoring_analytics_queries.h"

#include <stdexcept>

#include "store/connection.h"

namespace axis::monitoring {

using store::cell_double;
using store::cell_int;

std::string percentiles_sql(const std::string& expr) {
  return "quantile_cont(" + expr + ", [0.5, 0.95, 0.99])";
}

std::string percentile_items_sql(const std::string& list) {
  return list + "[1], " + list + "[2], " + list + "[3]";
}

Percentiles read_percentiles(const std::vector<std::optional<std::string>>& row,
                             std::size_t first) {
  return {cell_double(row[first]), cell_double(row[first + 1]), cell_double(row[first + 2])};
}

namespace {

// The KPIs from one row: count, mean, passed, then the three latency percentiles.
ScoreKpis kpis_of(store::Connection& conn, const std::string& sql,
                  const std::vector<store::Value>& values) {
  auto rows = conn.query(sql, values).rows();
  const auto& row = rows.at(0);
  ScoreKpis k;
  k.total_records = cell_int(row[0]);
  k.avg_score = cell_double(row[1]);
  k.pass_rate = k.total_records > 0 ? 100.0 * cell_double(row[2]) / k.total_records : 0.0;
  k.latency = read_percentiles(row, 3);
  return k;
}

const char* const kScoreAggregates =
    "count(_score) AS n, avg(_score) AS mean, count(*) FILTER (WHERE _score >= 0.5) AS passed";

}  // namespace

ScoreKpis score_kpis(store::Connection& conn, const SqlSource& scores,
                     const SqlSource& latencies) {
  std::vector<store::Value> values = scores.values;
  values.insert(values.end(), latencies.values.begin(), latencies.values.end());
  return kpis_of(conn,
                 "SELECT s.n, s.mean, s.passed, " + percentile_items_sql("l.q") + " FROM (SELECT " +
                     kScoreAggregates + " FROM (" + scores.sql +
                     ") WHERE isfinite(_score)) s, (SELECT " + percentiles_sql("_latency") +
                     " AS q FROM (" + latencies.sql + ") WHERE isfinite(_latency)) l",
                 values);
}

ScoreKpis score_kpis(store::Connection& conn, const SqlSource& rows) {
  return kpis_of(conn,
                 "SELECT n, mean, passed, " + percentile_items_sql("q") + " FROM (SELECT " +
                     kScoreAggregates + ", " + percentiles_sql("_latency") +
                     " FILTER (WHERE isfinite(_latency)) AS q FROM (" + rows.sql +
                     ") WHERE isfinite(_score))",
                 rows.values);
}

std::vector<TrendPoint> trend_points(store::Connection& conn, const MonitoringScope& scope,
                                     const std::string& unit) {
  if (unit != "hour" && unit != "day" && unit != "week") {
    throw std::logic_error("trend_points: unknown unit " + unit);
  }
  const SqlSource values = scope.metric_values();
  const std::string sql =
      "SELECT " + iso_utc_sql("_bucket") + ", _metric, mean, " +
      percentile_items_sql("q") +
      ", n FROM (SELECT date_trunc('" + unit +
      "', _ts) AS _bucket, _metric, avg(_score) AS mean, " +
      percentiles_sql("_score") + " AS q, count(*) AS n FROM (" + values.sql +
      ") WHERE _ts IS NOT NULL GROUP BY ALL) ORDER BY _bucket, _metric";
  std::vector<TrendPoint> out;
  conn.query(sql, values.values).for_each_row([&](const auto& row) {
    out.push_back({row[0].value_or(""), row[1].value_or(""), cell_double(row[2]),
                   read_percentiles(row, 3), cell_int(row[6])});
  });
  return out;
}

}  // namespace axis::monitoring
