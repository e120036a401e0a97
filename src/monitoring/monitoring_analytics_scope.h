// MonitoringScope: the rows one monitoring analytics request reads — a stored dataset narrowed
// by the common filters (monitoring_filters.h) — and the two shapes the queries start from:
// the filtered table rows, and the scored metric values (long and wide format alike).
#pragma once

#include <string>
#include <vector>

#include "monitoring/monitoring_dataset.h"
#include "monitoring/monitoring_filters.h"
#include "store/sql_text.h"
#include "store/value.h"

namespace axis::monitoring {

// What every monitoring analytics request carries.
struct AnalyticsRequest {
  std::string dataset_id;                    // "" = the newest monitoring dataset
  MonitoringFilters filters;
  std::vector<std::string> visible_metrics;  // monitoring_db.visible_metrics
};

// Text naming every field of a request exactly (for answer cache keys); absent filters differ
// from every value.
std::string request_key(const AnalyticsRequest& request);

// SQL text with ? placeholders and the values they bind, in order.
struct SqlSource {
  std::string sql;
  std::vector<store::Value> values;
};

class MonitoringScope {
 public:
  // Resolves the dataset (404 when missing) and the time window (422/400), on `conn`.
  static MonitoringScope open(const datasets::DatasetCatalog& catalog, store::Connection& conn,
                              const AnalyticsRequest& request);
  MonitoringScope(MonitoringDataset dataset, const AnalyticsRequest& request, TimeRange range);

  const MonitoringDataset& dataset() const { return dataset_; }
  const MonitoringFilters& filters() const { return filters_; }

  // The filtered table rows: the common filters, plus the requested metrics when the table
  // has a metric_name column.
  const store::SqlWhere& row_where() const { return where_; }
  // " FROM <table> WHERE <row_where> [AND extra]" with its values (extra has no placeholders).
  SqlSource rows(const std::string& extra_condition = "") const;

  // The finite scored values in scope, one row per value, as a SELECT with the columns
  // _ts (TIMESTAMP), _metric (VARCHAR), _score (DOUBLE) and _group (VARCHAR): the value of
  // `group_column` ("" → NULL; "metric_name" → the metric, also for wide data). Long format:
  // the rows' metric_name and metric_score; wide format: one value per requested *_score
  // column of a row, named by its column.
  SqlSource metric_values(const std::string& group_column = "") const;

  // A row condition: the row holds at least one finite score in scope.
  std::string scored_row_condition() const;
  // The metric columns in scope (wide format); empty for long format.
  const std::vector<std::string>& wide_metrics() const { return wide_metrics_; }
  // The row's value of a column as VARCHAR (NULL when the table lacks it).
  std::string group_sql(const std::string& column) const { return dataset_.text(column); }

 private:
  MonitoringDataset dataset_;
  MonitoringFilters filters_;
  store::SqlWhere where_;
  std::vector<std::string> wide_metrics_;
};

}  // namespace axis::monitoring
