#include "signals/case_selection.h"

#include <nlohmann/json.hpp>

#include "monitoring/monitoring_filters.h"
#include "monitoring/timestamps.h"
#include "signals/case_values.h"
#include "util/http_error.h"
#include "util/json_text.h"
#include "util/text.h"

namespace axis::signals {
namespace {

using datasets::quote_ident;

constexpr const char* kSearchFields[] = {"Case_ID", "Business", "Agent_Name"};

util::ValidationIssue unknown_field(const std::vector<datasets::ColumnInfo>& columns,
                                    const std::string& param, const std::string& field) {
  std::vector<std::string> names;
  for (const auto& c : columns) names.push_back(c.name);
  return {"value_error", {"query", param},
          "Unknown case field '" + field + "'. Fields: " + util::name_list(names),
          util::json_text(nlohmann::json(field))};
}

}  // namespace

std::string column_type(const std::vector<datasets::ColumnInfo>& columns, const std::string& name) {
  for (const auto& c : columns) {
    if (c.name == name) return c.type;
  }
  return "";
}

void check_case_fields(const std::vector<datasets::ColumnInfo>& columns,
                       const CaseSelection& selection, const std::optional<CaseSort>& sort) {
  std::vector<util::ValidationIssue> issues;
  for (const auto& [field, values] : selection.filters) {
    if (column_type(columns, field).empty()) {
      issues.push_back(unknown_field(columns, "filter." + field, field));
    }
  }
  if (sort && column_type(columns, sort->field).empty()) {
    issues.push_back(unknown_field(columns, "sort_by", sort->field));
  }
  if (!issues.empty()) throw util::HttpError(std::move(issues));
}

store::SqlWhere selection_where(const std::vector<datasets::ColumnInfo>& columns,
                                const CaseSelection& selection) {
  store::SqlWhere where;
  for (const auto& [field, values] : selection.filters) {
    if (values.empty()) continue;
    std::vector<store::Value> bound(values.begin(), values.end());
    where.add("list_has_any(" + case_values_sql(quote_ident(field), column_type(columns, field)) +
                  ", [" + store::placeholders(values.size()) + "])",
              std::move(bound));
  }
  if (selection.search && !selection.search->empty()) {
    std::string any;
    std::vector<store::Value> bound;
    for (const char* field : kSearchFields) {
      if (column_type(columns, field).empty()) continue;
      any += (any.empty() ? "" : " OR ") + std::string("contains(lower(CAST(") +
             quote_ident(field) + " AS VARCHAR)), lower(?))";
      bound.emplace_back(*selection.search);
    }
    where.add(any.empty() ? "false" : any, std::move(bound));
  }
  return where;
}

std::string case_time_sql(const std::vector<datasets::ColumnInfo>& columns) {
  if (column_type(columns, "Timestamp").empty()) return "CAST(NULL AS TIMESTAMP)";
  return monitoring::utc_timestamp_sql("CAST(\"Timestamp\" AS VARCHAR)");
}

void add_time_window(store::Connection& conn, store::SqlWhere& where,
                     const std::vector<datasets::ColumnInfo>& columns,
                     const CaseSelection& selection) {
  monitoring::MonitoringFilters bounds;
  bounds.time_start = selection.time_start;
  bounds.time_end = selection.time_end;
  const monitoring::TimeRange range = monitoring::resolve_time_range(conn, bounds);
  const std::string time = case_time_sql(columns);
  if (range.start) where.add(time + " >= CAST(? AS TIMESTAMP)", {*range.start});
  if (range.end) where.add(time + " <= CAST(? AS TIMESTAMP)", {*range.end});
}

store::SqlWhere matching_cases(store::Connection& conn,
                               const std::vector<datasets::ColumnInfo>& columns,
                               const CaseSelection& selection,
                               const std::optional<CaseSort>& sort) {
  check_case_fields(columns, selection, sort);
  store::SqlWhere where = selection_where(columns, selection);
  add_time_window(conn, where, columns, selection);
  return where;
}

std::string case_order(const std::vector<datasets::ColumnInfo>& columns,
                       const std::optional<CaseSort>& sort) {
  if (!sort) return "rowid";
  return case_order_sql(quote_ident(sort->field), column_type(columns, sort->field),
                        sort->descending);
}

}  // namespace axis::signals
