// summary and trends.
#include <set>

#include "monitoring/monitoring_analytics.h"
#include "monitoring/monitoring_analytics_queries.h"
#include "store/connection.h"
#include "store/store.h"

namespace axis::monitoring {

SummaryResult compute_summary(const datasets::DatasetCatalog& catalog,
                              const AnalyticsRequest& request) {
  auto conn = catalog.store().connection();
  const MonitoringScope scope = MonitoringScope::open(catalog, *conn, request);
  const std::string latency = scope.dataset().latency();
  const SqlSource scored_rows = scope.rows(scope.scored_row_condition());
  // Long format: one score per row, so scores and latencies come from one scan.
  return {scope.dataset().is_long()
              ? score_kpis(*conn, {"SELECT \"metric_score\" AS _score, " + latency +
                                       " AS _latency" + scored_rows.sql,
                                   scored_rows.values})
              : score_kpis(*conn, scope.metric_values(),
                           {"SELECT " + latency + " AS _latency" + scored_rows.sql,
                            scored_rows.values})};
}

TrendsResult compute_trends(const datasets::DatasetCatalog& catalog,
                            const AnalyticsRequest& request, const std::string& granularity) {
  auto conn = catalog.store().connection();
  const MonitoringScope scope = MonitoringScope::open(catalog, *conn, request);
  TrendsResult out;
  out.points = trend_points(*conn, scope, truncation_unit(granularity));
  std::set<std::string> metrics;
  for (const TrendPoint& p : out.points) metrics.insert(p.metric);
  out.metrics.assign(metrics.begin(), metrics.end());
  out.granularity = granularity;
  return out;
}

}  // namespace axis::monitoring
