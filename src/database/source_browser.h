// What the database import wizard reads from a PostgreSQL source through a handle: tables,
// a table's columns and sample values, distinct values of a column, a preview of mapped and
// filtered rows, and the rows of the user's own SELECT. Identifiers are checked against the
// catalog and quoted; values are bound. Every read runs in a READ ONLY transaction with a
// statement timeout, so a function that writes is refused and a query that never ends is cut.
// Replies are JSON text. Blocking.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace axis::pg { class PgConnection; }

namespace axis::database {

struct TableRef {
  std::string schema = "public";
  std::string name;
};

struct ColumnMapping {
  std::string source, target;
};

struct Filter {
  std::string column, value;
};

constexpr int kStatementTimeoutSeconds = 60;  // when the source configures none

// [{schema_name, name, row_count_estimate}] of the user tables and views; with `allowlist`
// ("schema.table" entries), only those.
std::string tables_json(pg::PgConnection& conn, const std::vector<std::string>& allowlist,
                        int timeout_seconds = kStatementTimeoutSeconds);

// {columns[{name, data_type, nullable}], sample_values{column: [up to 5 values]}}. Throws
// HttpError 404 when the table does not exist.
std::string schema_json(pg::PgConnection& conn, const TableRef& table,
                        int timeout_seconds = kStatementTimeoutSeconds);

// [values] (text, sorted, non-null, at most `limit`). HttpError 404 for an unknown table or
// column.
std::string distinct_values_json(pg::PgConnection& conn, const TableRef& table,
                                 const std::string& column, std::int64_t limit,
                                 int timeout_seconds = kStatementTimeoutSeconds);

// {data[rows], row_count}: the mapped columns (all when `mappings` is empty) of the rows that
// match every filter (equality), at most `limit`. HttpError 400 naming an unknown column.
std::string preview_json(pg::PgConnection& conn, const TableRef& table,
                         const std::vector<ColumnMapping>& mappings,
                         const std::vector<Filter>& filters, std::int64_t limit,
                         int timeout_seconds = kStatementTimeoutSeconds);

// {data[rows], row_count}: the first `limit` rows of the user's statement (checked by
// checked_select first, then run read-only with the timeout).
std::string query_json(pg::PgConnection& conn, const std::string& sql, std::int64_t limit,
                       int timeout_seconds = kStatementTimeoutSeconds);

// The SELECT of an import from a table: the mapped columns (all when `mappings` is empty) of
// the rows matching every filter, at most `limit`. Filter values are quoted literals (COPY
// takes no parameters). HttpError 404/400 for an unknown table or column.
std::string import_select(pg::PgConnection& conn, const TableRef& table,
                          const std::vector<ColumnMapping>& mappings,
                          const std::vector<Filter>& filters, std::int64_t limit, bool distinct,
                          int timeout_seconds = kStatementTimeoutSeconds);

// The SELECT of an import from the user's statement (checked by checked_select).
std::string query_import_select(const std::string& sql, std::int64_t limit, bool distinct);

// Writes the rows of `select` as CSV with a header to `path`, read-only with the timeout.
// Returns the number of rows.
std::int64_t copy_select_to_csv(pg::PgConnection& conn, const std::string& select,
                                const std::string& path,
                                int timeout_seconds = kStatementTimeoutSeconds);

}  // namespace axis::database
