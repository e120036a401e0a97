// The filters the monitoring analytics and store browsing accept (spec data.md §2.4): equality
// on the source fields, metric category, metric name (else the configured visible metrics) and
// an inclusive time window; plus the group_by allowlist and the trend granularities. Conditions
// are AXIS's own SQL with bound values; column names come only from the table's schema.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "datasets/catalog.h"
#include "store/sql_text.h"

namespace axis::store { class Connection; }

namespace axis::monitoring {

struct MonitoringFilters {
  std::optional<std::string> environment, source_name, source_component, source_type;
  std::optional<std::string> metric_category;  // SCORE also matches rows without a category
  std::optional<std::string> metric_name;      // absent: the visible metrics, if configured
  std::optional<std::string> time_start, time_end;  // as sent; read by resolve_time_range
  // The stored values source_name matches (a registered agent's name and trace_names);
  // empty: source_name itself.
  std::vector<std::string> source_values;
};

// The values an equality filter matches: the names `value` stands for when known (`aliases`,
// e.g. every name of the agent a source_name names), else `value` alone; empty when unset.
std::vector<std::string> filter_values(const std::optional<std::string>& value,
                                       const std::vector<std::string>& aliases = {});

// The time window in UTC as DuckDB TIMESTAMP text ("2026-01-05 10:00:00"), unset bounds absent.
struct TimeRange {
  std::optional<std::string> start, end;
};

// Reads both bounds with one DuckDB query, in the forms monitoring uploads accept
// (timestamps.h: ISO 8601 with an optional zone, a date alone, epoch seconds or milliseconds).
// Throws HttpError 422 (datetime_parsing) for an unreadable bound and 400 when time_start is
// after time_end.
TimeRange resolve_time_range(store::Connection& conn, const MonitoringFilters& filters);

// environment, source_name, source_component, source_type: the equality filters.
const std::vector<std::string>& equality_filter_columns();

// The group_by allowlist. check_group_by returns the value, or throws HttpError 400 naming the
// allowed columns.
const std::vector<std::string>& group_by_columns();
std::string check_group_by(const std::string& value);

// hourly|daily|weekly and their date_trunc units hour|day|week (weeks start on Monday).
const std::vector<std::string>& granularities();
// Throws std::logic_error for any other value (callers validate granularity first).
std::string truncation_unit(const std::string& granularity);

// The column of `columns` named `name` (exact), if any.
const datasets::ColumnInfo* find_column(const std::vector<datasets::ColumnInfo>& columns,
                                        const std::string& name);

// A TIMESTAMP (UTC) expression for a column of the given DuckDB type: the column itself when it
// is a TIMESTAMP, otherwise its text read as timestamps.h reads uploaded times.
std::string timestamp_sql(const datasets::ColumnInfo& column);

// ISO 8601 UTC text of a TIMESTAMP expression: 2026-01-05T10:00:00Z (NULL stays NULL).
std::string iso_utc_sql(const std::string& timestamp_expr);

// Adds the row conditions of `filters` for a table with `columns`: the equality filters and
// metric_category on the columns the table has (no metric_category column: SCORE keeps every
// row, any other category none), and the time window on `time_expr` (empty: the table has no
// time column and the window is not applied). metric_name is not handled here.
void add_row_filters(store::SqlWhere& where, const MonitoringFilters& filters,
                     const TimeRange& range, const std::vector<datasets::ColumnInfo>& columns,
                     const std::string& time_expr);

// The metric names a request asks for: {metric_name} when given, else the visible metrics
// (empty = every metric).
std::vector<std::string> requested_metrics(const MonitoringFilters& filters,
                                           const std::vector<std::string>& visible_metrics);

}  // namespace axis::monitoring
