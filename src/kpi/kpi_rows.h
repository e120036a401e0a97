// The KPI rows one request looks at (spec/data.md §2.6 "Filters"): the chosen KPI dataset, rows
// with a number, a time and a KPI name, narrowed by the query's filters and the visible KPIs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "datasets/catalog.h"
#include "monitoring/monitoring_filters.h"
#include "store/value.h"

namespace axis::store { class Connection; }

namespace axis::kpi {

// The query parameters every /api/kpi route takes. Empty optionals = no filter.
struct KpiFilters {
  std::string dataset_id;  // empty = the newest dataset of kind "kpi"
  std::optional<std::string> source_name, kpi_category, environment, source_type, segment;
  std::optional<std::string> time_start, time_end;  // as sent
  std::vector<std::string> kpi_names;               // empty = the visible KPIs
  // The stored values source_name matches (a registered agent's name and trace_names);
  // empty: source_name itself.
  std::vector<std::string> source_values;
};

// The time window of `filters` (time_start / time_end) in UTC, read like uploaded times (the
// monitoring rule, monitoring/timestamps.h): 422 for an unreadable bound, 400 when time_start is
// after time_end. Both bounds are inclusive; a bare date is midnight UTC.
monitoring::TimeRange kpi_time_range(store::Connection& conn, const KpiFilters& filters);

// The KPI dataset a request means: `id`, or the newest of kind "kpi" (nullopt when there is
// none — KPI routes then answer with empty results). Throws HttpError 404 for an unknown id or
// a dataset of another kind.
std::optional<datasets::DatasetInfo> kpi_dataset(const datasets::DatasetCatalog& catalog,
                                                 const std::string& id);

// A FROM-able subquery and its bound values.
struct RowsQuery {
  std::string sql;
  std::vector<store::Value> values;
};

// The filtered rows of `dataset` as a subquery with columns kpi_name, v (DOUBLE), ts (TIMESTAMP,
// UTC), kpi_category, source_name, environment, source_type, segment (VARCHAR). Rows without a
// finite value, a time or a KPI name are left out. `kpis` (empty = all) restricts kpi_name.
// `except` names one of the filter columns whose own filter is skipped (for facet lists).
RowsQuery filtered_rows(const datasets::DatasetInfo& dataset, const KpiFilters& filters,
                        const monitoring::TimeRange& range, const std::vector<std::string>& kpis,
                        const std::string& except = "");

}  // namespace axis::kpi
