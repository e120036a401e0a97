// analysis-insights: the ANALYSIS rows, newest first, a page at a time.
#include "monitoring/monitoring_analytics.h"
#include "monitoring/monitoring_analytics_json.h"
#include "store/connection.h"
#include "store/store.h"
#include "util/json_text.h"

namespace axis::monitoring {
namespace {

// An ANALYSIS row's signals: the JSON they hold, else the text as it is.
Json signals_json(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  Json parsed = Json::parse(*text, nullptr, false);
  return parsed.is_discarded() ? Json(*text) : parsed;
}

}  // namespace

std::string analysis_insights_json(const datasets::DatasetCatalog& catalog,
                                   const AnalyticsRequest& request, std::int64_t page,
                                   std::int64_t limit) {
  auto conn = catalog.store().connection();
  const MonitoringScope scope = MonitoringScope::open(catalog, *conn, request);
  const MonitoringDataset& d = scope.dataset();
  const std::string is_analysis =
      d.has("metric_category") ? "upper(" + d.text("metric_category") + ") = 'ANALYSIS'" : "false";
  const SqlSource rows = scope.rows(is_analysis);
  const std::string ts = d.timestamp().empty() ? "CAST(NULL AS TIMESTAMP)" : d.timestamp();

  const std::int64_t total = store::cell_int(
      conn->query("SELECT count(*)" + rows.sql, rows.values).scalar());
  std::vector<std::string> metric_names;
  const SqlSource named =
      scope.rows(is_analysis + " AND " + d.text("metric_name") + " IS NOT NULL");
  conn->query("SELECT DISTINCT " + d.text("metric_name") + named.sql + " ORDER BY 1", named.values)
      .for_each_row([&](const auto& row) { metric_names.push_back(row[0].value_or("")); });

  const std::int64_t offset = (page - 1) * limit;
  Json records = Json::array();
  conn->query("SELECT " + d.text("dataset_id") + ", " + iso_utc_sql(ts) + ", " +
                  d.text("metric_name") + ", " + d.text("query") + ", " +
                  d.text("actual_output") + ", " + d.text("signals") + ", " +
                  d.text("explanation") + ", " + d.text("environment") + ", " +
                  d.text("source_name") + ", " + d.text("source_component") + rows.sql +
                  " ORDER BY " + ts + " DESC NULLS LAST, rowid LIMIT " + std::to_string(limit) +
                  " OFFSET " + std::to_string(offset),
              rows.values)
      .for_each_row([&](const auto& row) {
        records.push_back({{"dataset_id", text_or_null(row[0])},
                           {"timestamp", text_or_null(row[1])},
                           {"metric_name", text_or_null(row[2])},
                           {"query", text_or_null(row[3])},
                           {"actual_output", text_or_null(row[4])},
                           {"signals", signals_json(row[5])},
                           {"explanation", text_or_null(row[6])},
                           {"source_info", {{"environment", text_or_null(row[7])},
                                            {"source_name", text_or_null(row[8])},
                                            {"source_component", text_or_null(row[9])}}}});
      });
  return util::json_text({{"success", true}, {"records", records}, {"total_count", total}, {"page", page},
               {"limit", limit}, {"metric_names", metric_names}});
}

}  // namespace axis::monitoring
