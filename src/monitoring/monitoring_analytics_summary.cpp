// summary and trends.
#include <nlohmann/json.hpp>

#include <set>

#include "monitoring/monitoring_analytics.h"
#include "monitoring/monitoring_analytics_json.h"
#include "monitoring/monitoring_analytics_queries.h"
#include "store/connection.h"
#include "store/store.h"
#include "util/json_text.h"

namespace axis::monitoring {

std::string summary_json(const datasets::DatasetCatalog& catalog,
                         const AnalyticsRequest& request) {
  auto conn = catalog.store().connection();
  const MonitoringScope scope = MonitoringScope::open(catalog, *conn, request);
  const std::string latency = scope.dataset().latency();
  const SqlSource scored_rows = scope.rows(scope.scored_row_condition());
  // Long format: one score per row, so scores and latencies come from one scan.
  const ScoreKpis k =
      scope.dataset().is_long()
          ? score_kpis(*conn, {"SELECT \"metric_score\" AS _score, " + latency + " AS _latency" +
                                   scored_rows.sql,
                               scored_rows.values})
          : score_kpis(*conn, scope.metric_values(),
                       {"SELECT " + latency + " AS _latency" + scored_rows.sql,
                        scored_rows.values});
  Json kpis = {{"total_records", k.total_records}, {"avg_score", k.avg_score},
               {"pass_rate", k.pass_rate}, {"p50_latency", k.latency.p50},
               {"p95_latency", k.latency.p95}, {"p99_latency", k.latency.p99}};
  return util::json_text({{"success", true}, {"kpis", kpis}});
}

std::string trends_json(const datasets::DatasetCatalog& catalog, const AnalyticsRequest& request,
                        const std::string& granularity) {
  auto conn = catalog.store().connection();
  const MonitoringScope scope = MonitoringScope::open(catalog, *conn, request);
  Json data = Json::array();
  std::set<std::string> metrics;
  for (const TrendPoint& p : trend_points(*conn, scope, truncation_unit(granularity))) {
    data.push_back({{"timestamp", p.timestamp}, {"metric", p.metric}, {"avg", p.avg},
                    {"p50", p.score.p50}, {"p95", p.score.p95}, {"p99", p.score.p99},
                    {"count", p.count}});
    metrics.insert(p.metric);
  }
  return util::json_text({{"success", true}, {"data", data},
               {"metrics", std::vector<std::string>(metrics.begin(), metrics.end())},
               {"granularity", granularity}});
}

}  // namespace axis::monitoring
