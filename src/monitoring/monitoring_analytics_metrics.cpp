// metric-breakdown and correlation.
#include <map>

#include "monitoring/monitoring_analytics.h"
#include "store/connection.h"
#include "store/store.h"

namespace axis::monitoring {
namespace {

using store::cell_double;
using store::cell_int;

// The rates from three cells: count, mean, passed.
PassRate pass_rate(const std::vector<std::optional<std::string>>& row, std::size_t first) {
  const std::int64_t n = cell_int(row[first]);
  return {n > 0 ? 100.0 * cell_double(row[first + 2]) / n : 0.0, cell_double(row[first + 1]), n};
}

// The correlation input: one row per record and one DOUBLE column _m<i> per metric. Wide data
// reads the metric columns of each row; long data averages each record's (dataset_id) scores
// per metric.
SqlSource metric_matrix(const MonitoringScope& scope, const std::vector<std::string>& keys) {
  std::string columns;
  if (!scope.dataset().is_long()) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      columns += (i ? ", " : "") + datasets::quote_ident(keys[i]) + " AS _m" + std::to_string(i);
    }
    const SqlSource rows = scope.rows();
    return {"SELECT " + columns + rows.sql, rows.values};
  }
  SqlSource mv = scope.metric_values("dataset_id");
  for (std::size_t i = 0; i < keys.size(); ++i) {
    columns += (i ? ", " : "") + std::string("avg(_score) FILTER (WHERE _metric = ?) AS _m") +
               std::to_string(i);
  }
  std::vector<store::Value> values(keys.begin(), keys.end());
  values.insert(values.end(), mv.values.begin(), mv.values.end());
  return {"SELECT " + columns + " FROM (" + mv.sql + ") GROUP BY _group", values};
}

}  // namespace

MetricBreakdownResult compute_metric_breakdown(const datasets::DatasetCatalog& catalog,
                                               const AnalyticsRequest& request, double threshold,
                                               const std::optional<std::string>& group_by) {
  auto conn = catalog.store().connection();
  const MonitoringScope scope = MonitoringScope::open(catalog, *conn, request);
  const SqlSource mv = scope.metric_values(group_by.value_or(""));
  std::vector<store::Value> values = {threshold};
  values.insert(values.end(), mv.values.begin(), mv.values.end());
  // One row per metric (_overall = 1) and, with group_by, one per metric and group (grouping sets).
  const std::string group_columns = group_by ? "_group, grouping(_group)" : "NULL, 1";
  const std::string sql =
      "SELECT _metric, " + group_columns + " AS _overall, count(*), avg(_score), "
      "count(*) FILTER (WHERE _score >= ?) FROM (" + mv.sql + ") GROUP BY " +
      (group_by ? "GROUPING SETS ((_metric), (_metric, _group)) ORDER BY _metric, _overall DESC, "
                  "_group NULLS LAST"
                : "_metric ORDER BY _metric");
  MetricBreakdownResult out;
  std::map<std::string, std::size_t> group_index;  // of the last metric's by_group
  conn->query(sql, values).for_each_row([&](const auto& row) {
    if (row[2] == "1") {
      out.metrics.push_back({row[0].value_or(""), pass_rate(row, 3), std::nullopt});
      if (group_by) out.metrics.back().by_group.emplace();
      group_index.clear();
    } else if (!out.metrics.empty()) {
      // Rows without a group and a group named "Unknown" share the key: the later one counts,
      // in the place of the first.
      auto& groups = *out.metrics.back().by_group;
      const auto [at, added] = group_index.emplace(group_key(row[1]), groups.size());
      if (added) groups.emplace_back(at->first, pass_rate(row, 3));
      else groups[at->second].second = pass_rate(row, 3);
    }
  });
  return out;
}

CorrelationResult compute_correlation(const datasets::DatasetCatalog& catalog,
                                      const AnalyticsRequest& request,
                                      const std::vector<std::string>& metrics) {
  auto conn = catalog.store().connection();
  const MonitoringScope scope = MonitoringScope::open(catalog, *conn, request);
  std::vector<std::string> names, keys;
  for (const std::string& m : metrics) {
    if (auto key = scope.dataset().metric_key(m)) {
      names.push_back(m);
      keys.push_back(*key);
    }
  }
  if (keys.size() < 2) return {};

  // count(_mi) for each metric, then corr(_mi, _mj) for i <= j.
  const std::size_t k = keys.size();
  std::string aggregates;
  for (std::size_t i = 0; i < k; ++i) {
    aggregates += (i ? ", " : "") + std::string("count(_m") + std::to_string(i) + ")";
  }
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = i; j < k; ++j) {
      aggregates += ", corr(_m" + std::to_string(i) + ", _m" + std::to_string(j) + ")";
    }
  }
  const SqlSource matrix = metric_matrix(scope, keys);
  auto rows =
      conn->query("SELECT " + aggregates + " FROM (" + matrix.sql + ")", matrix.values).rows();
  const auto& row = rows.at(0);
  std::vector<std::vector<double>> r(k, std::vector<double>(k, 0.0));
  std::size_t cell = k;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = i; j < k; ++j) r[i][j] = r[j][i] = cell_double(row[cell++]);
  }
  std::vector<std::size_t> valid;
  for (std::size_t i = 0; i < k; ++i) {
    if (cell_int(row[i]) > 0) valid.push_back(i);
  }
  if (valid.size() < 2) return {};
  CorrelationResult out;
  for (std::size_t i : valid) {
    std::vector<double>& line = out.matrix.emplace_back();
    for (std::size_t j : valid) line.push_back(r[i][j]);
    out.metrics.push_back(names[i]);
  }
  return out;
}

}  // namespace axis::monitoring
