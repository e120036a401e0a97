#include "kpi/kpi_rows.h"

#include "store/sql_text.h"
#include "util/http_error.h"

namespace axis::kpi {
namespace {

using datasets::quote_ident;

// The columns a filter can narrow, with the KpiFilters field holding its value and, where a
// value stands for several names, the field holding them.
struct FilterColumn {
  const char* name;
  std::optional<std::string> KpiFilters::*value;
  std::vector<std::string> KpiFilters::*aliases = nullptr;
};

constexpr FilterColumn kFilterColumns[] = {
    {"source_name", &KpiFilters::source_name, &KpiFilters::source_values},
    {"kpi_category", &KpiFilters::kpi_category}, {"environment", &KpiFilters::environment},
    {"source_type", &KpiFilters::source_type}, {"segment", &KpiFilters::segment}};

const std::vector<std::string> kNoAliases;

// A column of the dataset as text, NULL when the dataset has no such column (a filter on it then
// matches nothing). Our uploads store every kpi_data column; imported tables may lack some.
std::string as_text(const datasets::DatasetInfo& d, const std::string& name) {
  return monitoring::find_column(d.columns, name) ? "CAST(" + quote_ident(name) + " AS VARCHAR)"
                                                  : "CAST(NULL AS VARCHAR)";
}

std::string as_timestamp(const datasets::DatasetInfo& d) {
  const auto* c = monitoring::find_column(d.columns, "created_at");
  return c ? monitoring::timestamp_sql(*c) : "CAST(NULL AS TIMESTAMP)";
}

std::string as_number(const datasets::DatasetInfo& d) {
  return monitoring::find_column(d.columns, "numeric_value")
             ? "TRY_CAST(" + quote_ident("numeric_value") + " AS DOUBLE)"
             : "CAST(NULL AS DOUBLE)";
}

}  // namespace

monitoring::TimeRange kpi_time_range(store::Connection& conn, const KpiFilters& filters) {
  monitoring::MonitoringFilters window;
  window.time_start = filters.time_start;
  window.time_end = filters.time_end;
  return monitoring::resolve_time_range(conn, window);
}

std::optional<datasets::DatasetInfo> kpi_dataset(const datasets::DatasetCatalog& catalog,
                                                 const std::string& id) {
  if (id.empty()) return catalog.newest("kpi");
  auto d = catalog.find(id);
  if (!d) throw util::HttpError(404, "Dataset '" + id + "' not found");
  if (d->kind != "kpi") throw util::HttpError(404, "Dataset '" + id + "' is not a KPI dataset");
  return d;
}

RowsQuery filtered_rows(const datasets::DatasetInfo& dataset, const KpiFilters& filters,
                        const monitoring::TimeRange& range, const std::vector<std::string>& kpis,
                        const std::string& except) {
  std::string cols = as_text(dataset, "kpi_name") + " AS kpi_name, " + as_number(dataset) +
                     " AS v, " + as_timestamp(dataset) + " AS ts";
  for (const auto& f : kFilterColumns) cols += ", " + as_text(dataset, f.name) + " AS " + f.name;

  store::SqlWhere where;
  where.add("v IS NOT NULL AND isfinite(v) AND ts IS NOT NULL AND kpi_name IS NOT NULL");
  for (const auto& f : kFilterColumns) {
    if (except == f.name) continue;
    const auto wanted = monitoring::filter_values(filters.*f.value,
                                                  f.aliases ? filters.*f.aliases : kNoAliases);
    if (!wanted.empty()) where.add_any(f.name, wanted);
  }
  if (range.start) where.add("ts >= CAST(? AS TIMESTAMP)", {*range.start});
  if (range.end) where.add("ts <= CAST(? AS TIMESTAMP)", {*range.end});
  if (!kpis.empty()) {
    where.add("kpi_name IN (" + store::placeholders(kpis.size()) + ")",
              std::vector<store::Value>(kpis.begin(), kpis.end()));
  }
  return {"(SELECT * FROM (SELECT " + cols + " FROM " + quote_ident(dataset.table_name) + ")" +
              where.sql() + ")",
          where.values()};
}

}  // namespace axis::kpi
