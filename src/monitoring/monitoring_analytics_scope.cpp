#include "monitoring/monitoring_analytics_scope.h"

#include "store/connection.h"

namespace axis::monitoring {

std::string request_key(const AnalyticsRequest& request) {
  const MonitoringFilters& f = request.filters;
  std::string key = '\x1f' + request.dataset_id;
  for (const auto* value : {&f.environment, &f.source_name, &f.source_component, &f.source_type,
                            &f.metric_category, &f.metric_name, &f.time_start, &f.time_end}) {
    key += *value ? '\x1f' + **value : std::string("\x1e");
  }
  for (const std::string& m : request.visible_metrics) key += '\x1d' + m;
  return key;
}

MonitoringScope MonitoringScope::open(const datasets::DatasetCatalog& catalog,
                                      store::Connection& conn, const AnalyticsRequest& request) {
  MonitoringDataset dataset = MonitoringDataset::open(catalog, request.dataset_id);
  TimeRange range = resolve_time_range(conn, request.filters);
  return MonitoringScope(std::move(dataset), request, std::move(range));
}

MonitoringScope::MonitoringScope(MonitoringDataset dataset, const AnalyticsRequest& request,
                                 TimeRange range)
    : dataset_(std::move(dataset)), filters_(request.filters) {
  add_row_filters(where_, filters_, range, dataset_.columns(), dataset_.timestamp());
  const std::vector<std::string> metrics = requested_metrics(filters_, request.visible_metrics);
  if (!metrics.empty() && dataset_.has("metric_name")) {
    std::vector<store::Value> values(metrics.begin(), metrics.end());
    where_.add(dataset_.text("metric_name") + " IN (" + store::placeholders(metrics.size()) +
                   ")",
               std::move(values));
  }
  if (!dataset_.is_long()) wide_metrics_ = dataset_.select_metric_columns(metrics);
}

SqlSource MonitoringScope::rows(const std::string& extra_condition) const {
  std::string sql = " FROM " + dataset_.table() + " WHERE " + where_.conditions();
  if (!extra_condition.empty()) sql += " AND (" + extra_condition + ")";
  return {sql, where_.values()};
}

std::string MonitoringScope::scored_row_condition() const {
  if (dataset_.is_long()) return "isfinite(\"metric_score\")";
  std::string any;
  for (const std::string& c : wide_metrics_) {
    any += (any.empty() ? "" : " OR ") + std::string("isfinite(") + datasets::quote_ident(c) + ")";
  }
  return any.empty() ? "false" : any;
}

SqlSource MonitoringScope::metric_values(const std::string& group_column) const {
  const std::string ts = dataset_.timestamp().empty() ? "CAST(NULL AS TIMESTAMP)"
                                                      : dataset_.timestamp();
  const std::string group = group_column.empty() ? "CAST(NULL AS VARCHAR)"
                                                 : group_sql(group_column);
  if (dataset_.is_long()) {
    SqlSource rows_of = rows(scored_row_condition());
    return {"SELECT " + ts + " AS _ts, " + dataset_.text("metric_name") +
                " AS _metric, \"metric_score\" AS _score, " + group + " AS _group" + rows_of.sql,
            rows_of.values};
  }
  if (wide_metrics_.empty()) {
    return {"SELECT CAST(NULL AS TIMESTAMP) AS _ts, CAST(NULL AS VARCHAR) AS _metric, "
            "CAST(NULL AS DOUBLE) AS _score, CAST(NULL AS VARCHAR) AS _group WHERE false",
            {}};
  }
  std::string columns;
  for (const std::string& c : wide_metrics_) {
    columns += (columns.empty() ? "" : ", ") + datasets::quote_ident(c);
  }
  SqlSource rows_of = rows();
  const std::string outer_group = group_column == "metric_name" ? "_metric" : "_group";
  return {"SELECT _ts, _metric, _score, " + outer_group + " AS _group FROM (UNPIVOT (SELECT " +
              ts + " AS _ts, " + group + " AS _group, " + columns + rows_of.sql + ") ON " +
              columns + " INTO NAME _metric VALUE _score) WHERE isfinite(_score)",
          rows_of.values};
}

}  // namespace axis::monitoring
