// MonitoringDataset: one stored monitoring dataset as the analytics SQL reads it — its table,
// its format (long: metric_name + metric_score rows; wide: one *_score column per metric) and
// SQL expressions for its columns. Identifiers come only from the table's schema and are quoted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "datasets/catalog.h"

namespace axis::monitoring {

// The latency columns, in the order the first present one is chosen.
const std::vector<std::string>& latency_column_names();
// The first latency column of `columns`, if any.
const datasets::ColumnInfo* latency_column(const std::vector<datasets::ColumnInfo>& columns);
// A DOUBLE expression of a column (TRY_CAST unless it is DOUBLE already).
std::string double_sql(const datasets::ColumnInfo& column);

class MonitoringDataset {
 public:
  // `id` empty: the newest monitoring dataset. Throws HttpError 404 when there is none ("No
  // monitoring data yet: ...") or when `id` names no monitoring dataset.
  static MonitoringDataset open(const datasets::DatasetCatalog& catalog, const std::string& id);
  explicit MonitoringDataset(datasets::DatasetInfo info);

  const datasets::DatasetInfo& info() const { return info_; }
  const std::vector<datasets::ColumnInfo>& columns() const { return info_.columns; }
  bool is_long() const { return long_; }
  bool has(const std::string& column) const;

  std::string table() const;  // quoted
  // The column as VARCHAR, or a typed NULL when the table lacks it.
  std::string text(const std::string& column) const;
  // The row's time as a UTC TIMESTAMP, or "" when the table has no timestamp column.
  std::string timestamp() const;
  // The row's latency as DOUBLE (first of latency_column_names()), or a NULL when none exists.
  std::string latency() const;
  // Wide format: the *_score columns in table order. Long format: {"metric_score"}.
  const std::vector<std::string>& metric_columns() const { return metric_columns_; }
  // The wide metric columns a list of requested names selects (empty list = all). A name
  // matches a column spelled the same or the column without its "_score" suffix.
  std::vector<std::string> select_metric_columns(const std::vector<std::string>& names) const;
  // The stored name of one requested metric: long format keeps it; wide format maps it to its
  // column (see select_metric_columns), or nullopt when no column matches.
  std::optional<std::string> metric_key(const std::string& name) const;

 private:
  datasets::DatasetInfo info_;
  bool long_ = false;
  std::vector<std::string> metric_columns_;
};

}  // namespace axis::monitoring
