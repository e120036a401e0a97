// latency-distribution and class-distribution.
#include <map>

#include "monitoring/monitoring_analytics.h"
#include "store/connection.h"
#include "store/store.h"

namespace axis::monitoring {
namespace {

using store::cell_double;
using store::cell_int;

// Values per group sent back by class-distribution: above it, an evenly spaced sample of the
// sorted values (every ⌈n/limit⌉-th); the statistics always cover every value.
constexpr std::int64_t kMaxGroupValues = 10000;

std::vector<store::Value> joined(std::vector<store::Value> a, const std::vector<store::Value>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

LatencyDistributionResult compute_latency_distribution(const datasets::DatasetCatalog& catalog,
                                                       const AnalyticsRequest& request, int bins,
                                                       const std::optional<std::string>& group_by) {
  auto conn = catalog.store().connection();
  const MonitoringScope scope = MonitoringScope::open(catalog, *conn, request);
  const std::string latency = scope.dataset().latency();
  const SqlSource rows = scope.rows("isfinite(" + latency + ")");
  const std::string group = group_by ? scope.group_sql(*group_by) : "CAST(NULL AS VARCHAR)";
  const std::string values_sql =
      "SELECT " + latency + " AS _v, " + group + " AS _g" + rows.sql;

  // One scan: the values are read once, then their statistics and bucket counts (bucket =
  // clamp(floor((v - min) / (max - min) * bins) + 1, 1, bins); max = min + 1 when equal).
  const std::string b = std::to_string(bins);
  const std::string sql =
      "WITH _vals AS MATERIALIZED (" + values_sql + "), _stats AS (SELECT min(_v) AS lo, "
      "max(_v) AS hi, count(*) AS n, " + percentiles_sql("_v") + " AS q FROM _vals) "
      "SELECT lo, hi, n, " + percentile_items_sql("q") + ", _g, _b, _c FROM _stats LEFT JOIN "
      "(SELECT _g, least(greatest(CAST(floor((_v - lo) / (CASE WHEN hi > lo THEN hi - lo "
      "ELSE 1 END) * " + b + ") AS BIGINT) + 1, 1), " + b + ") AS _b, count(*) AS _c "
      "FROM _vals, _stats GROUP BY ALL) ON true";
  const auto result = conn->query(sql, rows.values).rows();
  const auto& s = result.at(0);
  LatencyDistributionResult out;
  if (group_by) out.by_group.emplace();
  if (cell_int(s[2]) == 0) return out;
  const double lo = cell_double(s[0]);
  double hi = cell_double(s[1]);
  if (hi == lo) hi = lo + 1;
  const double width = hi - lo;

  out.counts.assign(bins, 0);
  for (const auto& row : result) {
    const std::int64_t bucket = cell_int(row[7]) - 1;
    const std::int64_t n = cell_int(row[8]);
    out.counts[bucket] += n;
    if (!group_by) continue;
    auto& g = (*out.by_group)[group_key(row[6])];
    if (g.counts.empty()) g.counts.assign(bins, 0);
    g.counts[bucket] += n;
  }
  for (int i = 0; i <= bins; ++i) out.edges.push_back(lo + i * width / bins);
  out.percentiles = read_percentiles(s, 3);
  if (!group_by) return out;
  conn->query("SELECT _g, " + percentile_items_sql("q") + " FROM (SELECT _g, " +
                  percentiles_sql("_v") + " AS q FROM (" + values_sql + ") GROUP BY _g)",
              rows.values)
      .for_each_row([&](const auto& row) {
        (*out.by_group)[group_key(row[0])].percentiles = read_percentiles(row, 1);
      });
  return out;
}

ClassDistributionResult compute_class_distribution(const datasets::DatasetCatalog& catalog,
                                                   const AnalyticsRequest& request,
                                                   const std::string& metric,
                                                   const std::string& group_by) {
  auto conn = catalog.store().connection();
  const MonitoringScope scope = MonitoringScope::open(catalog, *conn, request);
  ClassDistributionResult out{{}, metric, group_by};
  if (auto key = scope.dataset().metric_key(metric)) {
    const SqlSource mv = scope.metric_values(group_by);
    const auto values = joined(mv.values, {*key});
    const std::string in_metric = "FROM (" + mv.sql + ") WHERE _metric = ?";
    std::map<std::string, std::vector<double>> samples;
    conn->query("SELECT _group, _score FROM (SELECT _group, _score, row_number() OVER "
                "(PARTITION BY _group ORDER BY _score) AS _rn, count(*) OVER (PARTITION BY "
                "_group) AS _n " + in_metric + ") WHERE (_rn - 1) % ((_n + " +
                    std::to_string(kMaxGroupValues - 1) + ") // " +
                    std::to_string(kMaxGroupValues) + ") = 0 ORDER BY _score",
                values)
        .for_each_row([&](const auto& row) {
          samples[group_key(row[0])].push_back(cell_double(row[1]));
        });
    conn->query("SELECT _group, avg(_score), stddev_samp(_score), min(_score), max(_score), "
                "quantile_cont(_score, 0.5), count(*) " + in_metric +
                    " GROUP BY _group ORDER BY _group NULLS LAST",
                values)
        .for_each_row([&](const auto& row) {
          const std::string name = group_key(row[0]);
          out.groups.push_back({name, samples[name],
                                {cell_double(row[1]), cell_double(row[2]), cell_double(row[3]),
                                 cell_double(row[4]), cell_double(row[5]), cell_int(row[6])}});
        });
  }
  return out;
}

}  // namespace axis::monitoring
