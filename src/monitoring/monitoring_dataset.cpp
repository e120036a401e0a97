#include "monitoring/monitoring_dataset.h"

#include "monitoring/monitoring_columns.h"
#include "monitoring/monitoring_filters.h"
#include "store/store.h"
#include "util/http_error.h"

namespace axis::monitoring {
namespace {

bool matches_metric(const std::string& column, const std::string& name) {
  return column == name || column == name + "_score";
}

}  // namespace

const std::vector<std::string>& latency_column_names() {
  static const std::vector<std::string> names = {"latency", "latency_ms", "response_time",
                                                 "duration", "duration_ms"};
  return names;
}

const datasets::ColumnInfo* latency_column(const std::vector<datasets::ColumnInfo>& columns) {
  for (const std::string& name : latency_column_names()) {
    if (const auto* c = find_column(columns, name)) return c;
  }
  return nullptr;
}

std::string double_sql(const datasets::ColumnInfo& column) {
  const std::string q = datasets::quote_ident(column.name);
  return column.type == "DOUBLE" ? q : "TRY_CAST(" + q + " AS DOUBLE)";
}

MonitoringDataset MonitoringDataset::open(const datasets::DatasetCatalog& catalog,
                                          const std::string& id) {
  std::optional<datasets::DatasetInfo> info =
      id.empty() ? catalog.newest("monitoring") : catalog.find(id);
  if (id.empty() && !info) {
    throw util::HttpError(
        404, "No monitoring data yet: upload a monitoring CSV or load the example");
  }
  if (!info || info->kind != "monitoring") {
    throw util::HttpError(404, "Monitoring dataset '" + id + "' not found");
  }
  if (info->columns.empty()) {
    auto conn = catalog.store().connection();
    info->columns = datasets::table_columns(*conn, info->table_name);
  }
  return MonitoringDataset(std::move(*info));
}

MonitoringDataset::MonitoringDataset(datasets::DatasetInfo info)
    : info_(std::move(info)),
      long_(is_long_format(info_)),
      metric_columns_(monitoring::metric_columns(info_)) {}

bool MonitoringDataset::has(const std::string& column) const {
  return find_column(info_.columns, column) != nullptr;
}

std::string MonitoringDataset::table() const { return datasets::quote_ident(info_.table_name); }

std::string MonitoringDataset::text(const std::string& column) const {
  const auto* c = find_column(info_.columns, column);
  if (!c) return "CAST(NULL AS VARCHAR)";
  const std::string q = datasets::quote_ident(c->name);
  return c->type == "VARCHAR" ? q : "CAST(" + q + " AS VARCHAR)";
}

std::string MonitoringDataset::timestamp() const {
  const auto* c = find_column(info_.columns, "timestamp");
  return c ? timestamp_sql(*c) : "";
}

std::string MonitoringDataset::latency() const {
  const auto* c = latency_column(info_.columns);
  return c ? double_sql(*c) : "CAST(NULL AS DOUBLE)";
}

std::vector<std::string> MonitoringDataset::select_metric_columns(
    const std::vector<std::string>& names) const {
  if (names.empty()) return metric_columns_;
  std::vector<std::string> out;
  for (const std::string& column : metric_columns_) {
    for (const std::string& name : names) {
      if (matches_metric(column, name)) {
        out.push_back(column);
        break;
      }
    }
  }
  return out;
}

std::optional<std::string> MonitoringDataset::metric_key(const std::string& name) const {
  if (long_) return name;
  auto selected = select_metric_columns({name});
  if (selected.empty()) return std::nullopt;
  return selected.front();
}

}  // namespace axis::monitoring
