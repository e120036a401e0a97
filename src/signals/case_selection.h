// Which cases of a human-signals dataset a request looks at, and in what order: the filters
// and search of the Human Signals page, turned into SQL over the dataset's cases table. Field
// names are checked against the table's columns before they reach SQL (quoted); every value is
// bound. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "datasets/catalog.h"
#include "store/sql_text.h"

namespace axis::store { class Connection; }

namespace axis::signals {

struct CaseSelection {
  // Case field (a column of the cases table) → the chosen values, in the order given. A case
  // matches a field when it holds any of its values (case_values_sql), and matches the
  // selection when it matches every field.
  std::vector<std::pair<std::string, std::vector<std::string>>> filters;
  // Case-insensitive substring of Case_ID, Business or Agent_Name (those the table has).
  std::optional<std::string> search;
  // Only cases whose Timestamp lies in this window, both bounds inclusive, read like the
  // monitoring bounds (monitoring/timestamps.h); as sent, checked by add_time_window.
  std::optional<std::string> time_start, time_end;
};

struct CaseSort {
  std::string field;  // a column of the cases table
  bool descending = false;
};

// Throws util::HttpError 422 listing every filter field (loc ["query", "filter.<field>"]) and
// the sort field (loc ["query", "sort_by"]) that is not a column of the table.
void check_case_fields(const std::vector<datasets::ColumnInfo>& columns,
                       const CaseSelection& selection, const std::optional<CaseSort>& sort);

// The conditions of the selection (fields already checked). Filters without values and an
// empty search add none.
store::SqlWhere selection_where(const std::vector<datasets::ColumnInfo>& columns,
                                const CaseSelection& selection);

// A case's Timestamp as a UTC TIMESTAMP: NULL when the case has none, it is unreadable, or the
// table has no Timestamp column.
std::string case_time_sql(const std::vector<datasets::ColumnInfo>& columns);

// Adds the time window of `selection` to `where` (nothing without bounds). Throws
// util::HttpError 422 for an unreadable bound and 400 when time_start is after time_end.
void add_time_window(store::Connection& conn, store::SqlWhere& where,
                     const std::vector<datasets::ColumnInfo>& columns,
                     const CaseSelection& selection);

// The checked fields (check_case_fields), the selection's conditions and its time window: the
// WHERE clause of every case view.
store::SqlWhere matching_cases(store::Connection& conn,
                               const std::vector<datasets::ColumnInfo>& columns,
                               const CaseSelection& selection,
                               const std::optional<CaseSort>& sort = std::nullopt);

// ORDER BY terms for `sort` (see case_order_sql), or "rowid" (table order, which is Case_ID
// order) without one.
std::string case_order(const std::vector<datasets::ColumnInfo>& columns,
                       const std::optional<CaseSort>& sort);

// The type of column `name`, or "" when the table has none of that name.
std::string column_type(const std::vector<datasets::ColumnInfo>& columns, const std::string& name);

}  // namespace axis::signals
