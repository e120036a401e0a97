#include "monitoring/monitoring_filters.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "monitoring/timestamps.h"
#include "store/connection.h"
#include "util/http_error.h"
#include "util/json_text.h"

namespace axis::monitoring {
namespace {

std::string upper_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

store::Value bound(const std::optional<std::string>& text) {
  if (!text) return std::monostate{};
  return *text;
}

util::ValidationIssue unreadable(const std::string& name, const std::string& input) {
  return {"datetime_parsing", {"query", name},
          "Input should be a valid datetime (ISO 8601, e.g. 2026-01-05T10:00:00Z)",
          util::json_text(nlohmann::json(input))};
}

// The column as VARCHAR for an equality test (no cast when it already is text).
std::string text_of(const datasets::ColumnInfo& c) {
  const std::string q = datasets::quote_ident(c.name);
  return c.type == "VARCHAR" ? q : "CAST(" + q + " AS VARCHAR)";
}

}  // namespace

TimeRange resolve_time_range(store::Connection& conn, const MonitoringFilters& filters) {
  TimeRange range;
  if (!filters.time_start && !filters.time_end) return range;
  const std::string format = "'%Y-%m-%d %H:%M:%S.%f'";
  const std::string start = utc_timestamp_sql("_s"), end = utc_timestamp_sql("_e");
  auto rows = conn.query("SELECT strftime(" + start + ", " + format + "), strftime(" + end + ", " +
                             format + "), " + start + " > " + end +
                             " FROM (SELECT CAST(? AS VARCHAR) AS _s, CAST(? AS VARCHAR) AS _e)",
                         {bound(filters.time_start), bound(filters.time_end)})
                  .rows();
  const auto& row = rows.at(0);
  std::vector<util::ValidationIssue> issues;
  if (filters.time_start && !row[0]) {
    issues.push_back(unreadable("time_start", *filters.time_start));
  }
  if (filters.time_end && !row[1]) issues.push_back(unreadable("time_end", *filters.time_end));
  if (!issues.empty()) throw util::HttpError(std::move(issues));
  if (row[2] == "true") {
    throw util::HttpError(400, "time_start (" + *filters.time_start +
                                   ") must not be after time_end (" + *filters.time_end + ")");
  }
  range.start = row[0];
  range.end = row[1];
  return range;
}

const std::vector<std::string>& equality_filter_columns() {
  static const std::vector<std::string> names = {"environment", "source_name", "source_component",
                                                 "source_type"};
  return names;
}

const std::vector<std::string>& group_by_columns() {
  static const std::vector<std::string> names = {
      "environment", "source_name",     "source_component", "source_type",
      "metric_name", "evaluation_name", "model_name"};
  return names;
}

std::string check_group_by(const std::string& value) {
  for (const std::string& name : group_by_columns()) {
    if (value == name) return value;
  }
  throw util::HttpError(400, "Invalid group_by '" + value + "'. Allowed: " +
                                 store::join_names(group_by_columns()));
}

const std::vector<std::string>& granularities() {
  static const std::vector<std::string> names = {"hourly", "daily", "weekly"};
  return names;
}

std::string truncation_unit(const std::string& granularity) {
  if (granularity == "hourly") return "hour";
  if (granularity == "daily") return "day";
  if (granularity == "weekly") return "week";
  throw std::logic_error("unknown granularity " + granularity);
}

const datasets::ColumnInfo* find_column(const std::vector<datasets::ColumnInfo>& columns,
                                        const std::string& name) {
  for (const auto& c : columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::string timestamp_sql(const datasets::ColumnInfo& column) {
  const std::string q = datasets::quote_ident(column.name);
  if (column.type == "TIMESTAMP") return q;
  return utc_timestamp_sql("CAST(" + q + " AS VARCHAR)");
}

std::string iso_utc_sql(const std::string& timestamp_expr) {
  return "strftime(" + timestamp_expr + ", '%Y-%m-%dT%H:%M:%SZ')";
}

std::vector<std::string> filter_values(const std::optional<std::string>& value,
                                       const std::vector<std::string>& aliases) {
  if (!value) return {};
  return aliases.empty() ? std::vector<std::string>{*value} : aliases;
}

void add_row_filters(store::SqlWhere& where, const MonitoringFilters& filters,
                     const TimeRange& range, const std::vector<datasets::ColumnInfo>& columns,
                     const std::string& time_expr) {
  // In the order of equality_filter_columns().
  const std::vector<std::string> wanted[] = {
      filter_values(filters.environment), filter_values(filters.source_name, filters.source_values),
      filter_values(filters.source_component), filter_values(filters.source_type)};
  for (std::size_t i = 0; i < equality_filter_columns().size(); ++i) {
    const auto* column = find_column(columns, equality_filter_columns()[i]);
    if (!wanted[i].empty() && column) where.add_any(text_of(*column), wanted[i]);
  }
  if (filters.metric_category) {
    const std::string wanted = upper_ascii(*filters.metric_category);
    if (const auto* column = find_column(columns, "metric_category")) {
      const std::string cat = "upper(" + text_of(*column) + ")";
      if (wanted == "SCORE") where.add(cat + " = 'SCORE' OR " + cat + " IS NULL");
      else where.add(cat + " = upper(?)", {*filters.metric_category});
    } else if (wanted != "SCORE") {
      where.add("false");
    }
  }
  if (!time_expr.empty() && range.start) {
    where.add(time_expr + " >= CAST(? AS TIMESTAMP)", {*range.start});
  }
  if (!time_expr.empty() && range.end) {
    where.add(time_expr + " <= CAST(? AS TIMESTAMP)", {*range.end});
  }
}

std::vector<std::string> requested_metrics(const MonitoringFilters& filters,
                                           const std::vector<std::string>& visible_metrics) {
  if (filters.metric_name) return {*filters.metric_name};
  return visible_metrics;
}

}  // namespace axis::monitoring
