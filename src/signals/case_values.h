// SQL expressions reading one column of a human-signals cases table the way the Human Signals
// page read a case it had loaded (web/src/lib/signals/cases.ts before the page asked the server):
// the values a case holds for a field, whether the field is truthy, and its sort order. Each
// takes the quoted column and its DuckDB type (from the table's schema, never from a request)
// and returns AXIS's own SQL; nothing here runs a query. Pure functions, thread-safe.
#pragma once

#include <string>

namespace axis::signals {

// VARCHAR[]: the values of the field, as the page counted and filtered them. NULL and '' hold
// none. Text whose trimmed form is a JSON array holds its items (null and '' items left out;
// strings as they are, numbers printed as JavaScript prints them, anything else as compact
// JSON); text that is a JSON object holds its compact JSON; other text holds itself.
// BOOLEAN holds 'true' or 'false', numbers their JavaScript text (non-finite ones none).
// A value may repeat: list_distinct() it to count a case once.
std::string case_values_sql(const std::string& column, const std::string& type);

// BOOLEAN, never NULL: true for a true BOOLEAN, a finite non-zero number, or text that is
// 'true', 'yes' or '1' once trimmed and lower-cased (JSON values are never truthy).
std::string case_truthy_sql(const std::string& column, const std::string& type);

// The ORDER BY terms sorting cases by the field: empty values (NULL, '') last in either
// direction, numbers and booleans by value, text by ICU's English collation with numeric runs
// compared as numbers (JavaScript's localeCompare with {numeric: true}), then table order.
std::string case_order_sql(const std::string& column, const std::string& type, bool descending);

// The ORDER BY terms of a distribution's names (VARCHAR `name`): ICU's English collation
// (JavaScript's localeCompare), then the bytes.
std::string name_order_sql(const std::string& name);

}  // namespace axis::signals
