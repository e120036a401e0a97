// analysis-insights: the ANALYSIS rows, newest first, a page at a time.
#include "monitoring/monitoring_analytics.h"
#include "store/connection.h"
#include "store/store.h"

namespace axis::monitoring {

AnalysisInsightsResult compute_analysis_insights(const datasets::DatasetCatalog& catalog,
                                                 const AnalyticsRequest& request,
                                                 std::int64_t page, std::int64_t limit) {
  auto conn = catalog.store().connection();
  const MonitoringScope scope = MonitoringScope::open(catalog, *conn, request);
  const MonitoringDataset& d = scope.dataset();
  const std::string is_analysis =
      d.has("metric_category") ? "upper(" + d.text("metric_category") + ") = 'ANALYSIS'" : "false";
  const SqlSource rows = scope.rows(is_analysis);
  const std::string ts = d.timestamp().empty() ? "CAST(NULL AS TIMESTAMP)" : d.timestamp();

  AnalysisInsightsResult out;
  out.page = page;
  out.limit = limit;
  out.total_count = store::cell_int(
      conn->query("SELECT count(*)" + rows.sql, rows.values).scalar());
  const SqlSource named =
      scope.rows(is_analysis + " AND " + d.text("metric_name") + " IS NOT NULL");
  conn->query("SELECT DISTINCT " + d.text("metric_name") + named.sql + " ORDER BY 1", named.values)
      .for_each_row([&](const auto& row) { out.metric_names.push_back(row[0].value_or("")); });

  const std::int64_t offset = (page - 1) * limit;
  conn->query("SELECT " + d.text("dataset_id") + ", " + iso_utc_sql(ts) + ", " +
                  d.text("metric_name") + ", " + d.text("query") + ", " +
                  d.text("actual_output") + ", " + d.text("signals") + ", " +
                  d.text("explanation") + ", " + d.text("environment") + ", " +
                  d.text("source_name") + ", " + d.text("source_component") + rows.sql +
                  " ORDER BY " + ts + " DESC NULLS LAST, rowid LIMIT " + std::to_string(limit) +
                  " OFFSET " + std::to_string(offset),
              rows.values)
      .for_each_row([&](const auto& row) {
        out.records.push_back(
            {row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9]});
      });
  return out;
}

}  // namespace axis::monitoring
